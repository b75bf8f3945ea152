/** The read of `keyPairsDataSource` (contract and schema in `data-key-pairs.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, type CloudClients, type KeyPair } from '../client/index.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { readOptions } from '../shared/operations.js';
import { ecsTagEntries, mapOf, tagsState, textOf } from '../shared/values.js';
import { allPages, narrowByIdsAndName } from './data-source-list.js';
import { idHash } from './data-source-schema.js';

const PAGE_SIZE = 50;

export const keyPairsOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const options = readOptions({ signal, logger });
    const tags = Object.entries(mapOf(config, 'tags'));
    const found = await allPages<KeyPair>(PAGE_SIZE, async (pageNumber) => {
      const request = new $Ecs.DescribeKeyPairsRequest({
        regionId: client.config.regionId,
        pageNumber,
        pageSize: PAGE_SIZE,
        keyPairFingerPrint: textOf(config, 'finger_print'),
        resourceGroupId: textOf(config, 'resource_group_id'),
        tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.DescribeKeyPairsRequestTag({ key, value })),
      });
      const response = await callWithRetry(() => client.ecs.describeKeyPairsWithOptions(request, client.runtime()), { ...options, action: 'DescribeKeyPairs' });
      return response.body?.keyPairs?.keyPair ?? [];
    });
    const kept: KnownObject[] = narrowByIdsAndName(found, config, (keyPair) => keyPair.keyPairName ?? '', (keyPair) => [keyPair.keyPairName ?? ''])
      .map((keyPair) => ({
        id: keyPair.keyPairName ?? '',
        key_name: keyPair.keyPairName ?? '',
        key_pair_name: keyPair.keyPairName ?? '',
        finger_print: keyPair.keyPairFingerPrint ?? '',
        resource_group_id: keyPair.resourceGroupId ?? '',
        tags: tagsState(client, ecsTagEntries(keyPair.tags), {}),
      }));
    const ids = kept.map((keyPair) => keyPair['id'] as string);
    return { ...config, id: idHash(ids), ids, names: ids, key_pairs: kept };
  },
};

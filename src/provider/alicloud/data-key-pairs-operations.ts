/** The read of `keyPairsDataSource` (contract and schema in `data-key-pairs.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, type CloudClients, type KeyPair } from '../client/index.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { readOptions } from '../shared/operations.js';
import { ecsTagEntries, mapOf, stringsOf, tagsState, textOf } from '../shared/values.js';
import { idHash } from './data-source-schema.js';

const PAGE_SIZE = 50;

export const keyPairsOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const options = readOptions({ signal, logger });
    const tags = Object.entries(mapOf(config, 'tags'));
    const found: KeyPair[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const request = new $Ecs.DescribeKeyPairsRequest({
        regionId: client.config.regionId,
        pageNumber,
        pageSize: PAGE_SIZE,
        keyPairFingerPrint: textOf(config, 'finger_print'),
        resourceGroupId: textOf(config, 'resource_group_id'),
        tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.DescribeKeyPairsRequestTag({ key, value })),
      });
      const response = await callWithRetry(() => client.ecs.describeKeyPairsWithOptions(request, client.runtime()), { ...options, action: 'DescribeKeyPairs' });
      const page = response.body?.keyPairs?.keyPair ?? [];
      found.push(...page);
      if (page.length < PAGE_SIZE) break;
    }
    const wanted = new Set(stringsOf(config, 'ids'));
    const regex = textOf(config, 'name_regex');
    const pattern = regex === undefined ? undefined : new RegExp(regex);
    const kept: KnownObject[] = found
      .filter((keyPair) => wanted.size === 0 || wanted.has(keyPair.keyPairName ?? ''))
      .filter((keyPair) => pattern === undefined || pattern.test(keyPair.keyPairName ?? ''))
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

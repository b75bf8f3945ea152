/** The handlers of `resourceGroupsDataSource` (contract and schema in `data-resource-groups.ts`); loaded on first use, with the SDK. */
import { callWithRetry, type CloudClients } from '../client/index.js';
import { $ResourceManager } from '../client/sdk-resource-manager.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { textOf } from '../shared/values.js';
import { allPages, narrowByIdsAndName } from './data-source-list.js';
import { readOptions } from '../shared/operations.js';
import { idHash } from './data-source-schema.js';

type ResourceGroup = $ResourceManager.ListResourceGroupsResponseBodyResourceGroupsResourceGroup;

const PAGE_SIZE = 50;

function groupState(group: ResourceGroup): KnownObject {
  return {
    id: group.id ?? '',
    name: group.name ?? '',
    resource_group_name: group.name ?? '',
    display_name: group.displayName ?? '',
    account_id: group.accountId ?? '',
    status: group.status ?? '',
    create_date: group.createDate ?? '',
  };
}

export const resourceGroupsOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const options = readOptions({ signal, logger });
    const status = textOf(config, 'status');
    const name = textOf(config, 'resource_group_name');
    const groups = await allPages<ResourceGroup>(PAGE_SIZE, async (pageNumber) => {
      const request = new $ResourceManager.ListResourceGroupsRequest({
        pageNumber,
        pageSize: PAGE_SIZE,
        ...(status === undefined ? {} : { status }),
        ...(name === undefined ? {} : { name }),
      });
      const response = await callWithRetry(async () => (await client.resourceManager()).listResourceGroupsWithOptions(request, client.runtime()), {
        ...options,
        action: 'ListResourceGroups',
      });
      return response.body?.resourceGroups?.resourceGroup ?? [];
    });
    const kept = narrowByIdsAndName(groups, config, (group) => group.id ?? '', (group) => [group.name ?? '', group.displayName ?? ''])
      .map(groupState);
    const ids = kept.map((group) => group['id'] as string);
    return { ...config, id: idHash(ids), ids, names: kept.map((group) => group['name'] as string), groups: kept };
  },
};

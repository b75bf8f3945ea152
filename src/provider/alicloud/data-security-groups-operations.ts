/** The read of `securityGroupsDataSource` (contract and schema in `data-security-groups.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, type CloudClients, type SecurityGroup } from '../client/index.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { readOptions } from '../shared/operations.js';
import { ecsTagEntries, mapOf, tagsState, textOf } from '../shared/values.js';
import { allPages, narrowByIdsAndName } from './data-source-list.js';
import { idHash } from './data-source-schema.js';

const PAGE_SIZE = 50;

export const securityGroupsOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const options = readOptions({ signal, logger });
    const tags = Object.entries(mapOf(config, 'tags'));
    const found = await allPages<SecurityGroup>(PAGE_SIZE, async (pageNumber) => {
      const request = new $Ecs.DescribeSecurityGroupsRequest({
        regionId: client.config.regionId,
        pageNumber,
        pageSize: PAGE_SIZE,
        vpcId: textOf(config, 'vpc_id'),
        resourceGroupId: textOf(config, 'resource_group_id'),
        tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.DescribeSecurityGroupsRequestTag({ key, value })),
      });
      const response = await callWithRetry(() => client.ecs.describeSecurityGroupsWithOptions(request, client.runtime()), { ...options, action: 'DescribeSecurityGroups' });
      return response.body?.securityGroups?.securityGroup ?? [];
    });
    const kept: KnownObject[] = narrowByIdsAndName(found, config, (group) => group.securityGroupId ?? '', (group) => [group.securityGroupName ?? ''])
      .map((group) => ({
        id: group.securityGroupId ?? '',
        name: group.securityGroupName ?? '',
        security_group_name: group.securityGroupName ?? '',
        description: group.description ?? '',
        vpc_id: group.vpcId ?? '',
        resource_group_id: group.resourceGroupId ?? '',
        security_group_type: group.securityGroupType ?? 'normal',
        inner_access: (group.securityGroupType ?? 'normal') === 'normal',
        creation_time: group.creationTime ?? '',
        tags: tagsState(client, ecsTagEntries(group.tags), {}),
      }));
    const ids = kept.map((group) => group['id'] as string);
    return { ...config, id: idHash(ids), ids, names: kept.map((group) => group['name'] as string), groups: kept };
  },
};

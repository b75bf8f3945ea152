/** The read of `securityGroupsDataSource` (contract and schema in `data-security-groups.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, type CloudClients, type SecurityGroup } from '../client/index.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { readOptions } from '../shared/operations.js';
import { ecsTagEntries, mapOf, stringsOf, tagsState, textOf } from '../shared/values.js';
import { idHash } from './data-source-schema.js';

const PAGE_SIZE = 50;

export const securityGroupsOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const options = readOptions({ signal, logger });
    const tags = Object.entries(mapOf(config, 'tags'));
    const found: SecurityGroup[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const request = new $Ecs.DescribeSecurityGroupsRequest({
        regionId: client.config.regionId,
        pageNumber,
        pageSize: PAGE_SIZE,
        vpcId: textOf(config, 'vpc_id'),
        resourceGroupId: textOf(config, 'resource_group_id'),
        tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.DescribeSecurityGroupsRequestTag({ key, value })),
      });
      const response = await callWithRetry(() => client.ecs.describeSecurityGroupsWithOptions(request, client.runtime()), { ...options, action: 'DescribeSecurityGroups' });
      const page = response.body?.securityGroups?.securityGroup ?? [];
      found.push(...page);
      if (page.length < PAGE_SIZE) break;
    }
    const wanted = new Set(stringsOf(config, 'ids'));
    const regex = textOf(config, 'name_regex');
    const pattern = regex === undefined ? undefined : new RegExp(regex);
    const kept: KnownObject[] = found
      .filter((group) => wanted.size === 0 || wanted.has(group.securityGroupId ?? ''))
      .filter((group) => pattern === undefined || pattern.test(group.securityGroupName ?? ''))
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

/** The handlers of `securityGroupResource` (contract and schema in `security-group.ts`); loaded on first use, with the SDK. */
import { $Ecs, buildClientToken, callWithRetry, joinResourceGroup, orNotFound, updateTags, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { callOptions, ecsTagEntries, mapOf, mustExist, nullIfEmpty, readOptions, tagsState, textOf } from './resource-values.js';
import type { ResourceHandlers } from './lazy-definition.js';

const subject = (id: string): string => `Security Group (${id})`;

async function readSecurityGroup(client: CloudClients, id: string, args: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const listRequest = new $Ecs.DescribeSecurityGroupsRequest({ regionId: client.config.regionId, securityGroupId: id });
  const listed = await callWithRetry(() => client.ecs.describeSecurityGroupsWithOptions(listRequest, client.runtime()), {
    ...options,
    action: 'DescribeSecurityGroups',
  });
  const group = listed.body?.securityGroups?.securityGroup?.find((candidate) => candidate.securityGroupId === id);
  if (group === undefined) return null;
  const attributeRequest = new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: client.config.regionId, securityGroupId: id });
  const attribute = await orNotFound(
    () => callWithRetry(() => client.ecs.describeSecurityGroupAttributeWithOptions(attributeRequest, client.runtime()), { ...options, action: 'DescribeSecurityGroupAttribute' }),
    null,
  );
  if (attribute === null) return null;
  const innerAccessPolicy = attribute.body?.innerAccessPolicy ?? '';
  return {
    id,
    security_group_name: group.securityGroupName ?? '',
    name: group.securityGroupName ?? '',
    description: nullIfEmpty(group.description),
    vpc_id: group.vpcId ?? '',
    security_group_type: group.securityGroupType ?? 'normal',
    inner_access_policy: innerAccessPolicy,
    resource_group_id: group.resourceGroupId ?? '',
    create_time: group.creationTime ?? '',
    tags: tagsState(client, ecsTagEntries(group.tags)),
    inner_access: args['inner_access'] ?? null,
  };
}

function checkInnerAccessPolicy(config: KnownObject, state: StateInput): void {
  const wanted = textOf(config, 'inner_access_policy');
  if (wanted !== undefined && wanted !== state['inner_access_policy']) {
    throw new Error(
      `inner_access_policy = "${wanted}": the local cloud keeps the policy of the group type (${String(state['security_group_type'])}: ${String(state['inner_access_policy'])}) and has no ModifySecurityGroupPolicy`,
    );
  }
}

export const securityGroupOperations: ResourceHandlers = {

  async create(request) {
    const { client, config } = request;
    const options = callOptions(request, 'create');
    const createRequest = new $Ecs.CreateSecurityGroupRequest({
      regionId: client.config.regionId,
      clientToken: buildClientToken('CreateSecurityGroup'),
      vpcId: textOf(config, 'vpc_id'),
      securityGroupName: textOf(config, 'security_group_name') ?? textOf(config, 'name'),
      description: textOf(config, 'description'),
      securityGroupType: textOf(config, 'security_group_type') ?? 'normal',
      resourceGroupId: textOf(config, 'resource_group_id'),
      tag: Object.entries(mapOf(config, 'tags')).map(([key, value]) => new $Ecs.CreateSecurityGroupRequestTag({ key, value })),
    });
    const response = await callWithRetry(() => client.ecs.createSecurityGroupWithOptions(createRequest, client.runtime()), {
      ...options,
      action: 'CreateSecurityGroup',
    });
    const id = response.body?.securityGroupId;
    if (!id) throw new Error('CreateSecurityGroup answered without a SecurityGroupId');
    request.created({ id });
    const state = mustExist(await readSecurityGroup(client, id, config, options), subject(id), 'create');
    checkInnerAccessPolicy(config, state);
    return state;
  },

  async read(request) {
    return readSecurityGroup(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    const id = prior['id'] as string;
    const options = callOptions(request, 'update');
    const name = textOf(config, 'security_group_name') ?? textOf(config, 'name');
    const description = textOf(config, 'description');
    const modify = new $Ecs.ModifySecurityGroupAttributeRequest({ regionId: client.config.regionId, securityGroupId: id });
    let changed = false;
    if (name !== undefined && name !== prior['security_group_name']) {
      modify.securityGroupName = name;
      changed = true;
    }
    if (description !== undefined && description !== prior['description']) {
      modify.description = description;
      changed = true;
    }
    if (changed) {
      await callWithRetry(() => client.ecs.modifySecurityGroupAttributeWithOptions(modify, client.runtime()), {
        ...options,
        action: 'ModifySecurityGroupAttribute',
      });
    }
    const resourceGroupId = textOf(config, 'resource_group_id');
    if (resourceGroupId !== undefined && resourceGroupId !== prior['resource_group_id']) {
      await joinResourceGroup(client, { resourceId: id, resourceGroupId, resourceType: 'securitygroup' }, options);
    }
    await updateTags(client, { resourceType: 'securitygroup', resourceId: id }, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
    const state = mustExist(await readSecurityGroup(client, id, config, options), subject(id), 'update');
    checkInnerAccessPolicy(config, state);
    return state;
  },

  async delete(request) {
    const { client } = request;
    const id = request.state['id'] as string;
    const deleteRequest = new $Ecs.DeleteSecurityGroupRequest({ regionId: client.config.regionId, securityGroupId: id });
    await orNotFound(
      () =>
        callWithRetry(() => client.ecs.deleteSecurityGroupWithOptions(deleteRequest, client.runtime()), {
          ...callOptions(request, 'delete'),
          action: 'DeleteSecurityGroup',
          retryCodes: ['DependencyViolation'],
        }),
      undefined,
    );
  },
};

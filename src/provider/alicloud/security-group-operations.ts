/** The handlers of `securityGroupResource` (contract and schema in `security-group.ts`); loaded on first use, with the SDK. */
import { $Ecs, buildClientToken, callWithRetry, findSecurityGroup, orNotFound, securityGroupSubject, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, modifyIfChanged, operationOptions, readOptions, updateGroupAndTags, updateResource } from '../shared/operations.js';
import { ecsTagEntries, mapOf, nullIfEmpty, tagsState, textOf } from '../shared/values.js';

async function readSecurityGroup(client: CloudClients, id: string, args: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const found = await findSecurityGroup(client, id, options);
  if (found === undefined) return null;
  const { group, innerAccessPolicy } = found;
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

function checkInnerAccessPolicy(config: KnownObject, state: StateInput): StateInput {
  const wanted = textOf(config, 'inner_access_policy');
  if (wanted !== undefined && wanted !== state['inner_access_policy']) {
    throw new Error(
      `inner_access_policy = "${wanted}": the local cloud keeps the policy of the group type (${String(state['security_group_type'])}: ${String(state['inner_access_policy'])}) and has no ModifySecurityGroupPolicy`,
    );
  }
  return state;
}

export const securityGroupOperations: ResourceHandlers = {
  async create(request) {
    const { client, config } = request;
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
    const state = await createResource(request, {
      subject: securityGroupSubject,
      action: 'CreateSecurityGroup',
      send: async (options) => (await callWithRetry(() => client.ecs.createSecurityGroupWithOptions(createRequest, client.runtime()), options)).body?.securityGroupId,
      read: (id, options) => readSecurityGroup(client, id, config, options),
    });
    return checkInnerAccessPolicy(config, state);
  },

  async read(request) {
    return readSecurityGroup(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    const state = await updateResource(request, {
      subject: securityGroupSubject,
      async apply(id, options) {
        await modifyIfChanged<$Ecs.ModifySecurityGroupAttributeRequest>(
          prior,
          {
            securityGroupName: [textOf(config, 'security_group_name') ?? textOf(config, 'name'), 'security_group_name'],
            description: [textOf(config, 'description'), 'description'],
          },
          async (changes) => {
            const modify = new $Ecs.ModifySecurityGroupAttributeRequest({ regionId: client.config.regionId, securityGroupId: id, ...changes });
            await callWithRetry(() => client.ecs.modifySecurityGroupAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifySecurityGroupAttribute' });
          },
        );
        await updateGroupAndTags(client, { resourceType: 'securitygroup', resourceId: id }, config, prior, options);
      },
      read: (id, options) => readSecurityGroup(client, id, config, options),
    });
    return checkInnerAccessPolicy(config, state);
  },

  async delete(request) {
    const { client } = request;
    const id = request.state['id'] as string;
    const deleteRequest = new $Ecs.DeleteSecurityGroupRequest({ regionId: client.config.regionId, securityGroupId: id });
    await orNotFound(
      () =>
        callWithRetry(() => client.ecs.deleteSecurityGroupWithOptions(deleteRequest, client.runtime()), {
          ...operationOptions(request, 'delete'),
          action: 'DeleteSecurityGroup',
          retryCodes: ['DependencyViolation'],
        }),
      undefined,
    );
  },
};

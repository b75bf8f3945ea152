/** The handlers of `vpcResource` (contract and schema in `vpc.ts`); loaded on first use, with the SDK. */
import { buildClientToken, callWithRetry, orNotFound, type CallOptions, type CloudClients } from '../client/index.js';
import { $Vpc } from '../client/sdk-vpc.js';
import { findSystemRouteTableId, findVpc, vpcSubject, waitVpcAvailable, waitVpcGone } from '../client/vpcs.js';
import { moveVpcResourceGroup, updateVpcTags } from '../client/vpc-tags.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, modifyIfChanged, operationOptions, readOptions, updateResource } from '../shared/operations.js';
import { boolOf, mapOf, nullIfEmpty, stringsOf, tagsState, textOf, vpcTagEntries } from '../shared/values.js';

async function readVpc(client: CloudClients, vpcId: string, args: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const vpc = await findVpc(client, vpcId, options);
  if (vpc === undefined) return null;
  const routeTableId = await findSystemRouteTableId(client, vpcId, options);
  return {
    id: vpcId,
    vpc_name: vpc.vpcName ?? '',
    name: vpc.vpcName ?? '',
    cidr_block: vpc.cidrBlock ?? '',
    description: nullIfEmpty(vpc.description),
    resource_group_id: vpc.resourceGroupId ?? '',
    status: vpc.status ?? '',
    router_id: vpc.VRouterId ?? '',
    route_table_id: routeTableId,
    router_table_id: routeTableId,
    create_time: vpc.creationTime ?? '',
    ipv6_cidr_block: vpc.ipv6CidrBlock ?? '',
    user_cidrs: vpc.userCidrs?.userCidr ?? [],
    is_default: vpc.isDefault ?? false,
    tags: tagsState(client, vpcTagEntries(vpc.tags)),
    dry_run: args['dry_run'] ?? null,
  };
}

export const vpcOperations: ResourceHandlers = {
  async create(request) {
    const { client, config } = request;
    if (boolOf(config, 'is_default') === true) throw new Error('is_default = true (CreateDefaultVpc) is not supported by the local cloud');
    const userCidrs = stringsOf(config, 'user_cidrs');
    const vpcRequest = new $Vpc.CreateVpcRequest({
      regionId: client.config.regionId,
      clientToken: buildClientToken('CreateVpc'),
      cidrBlock: textOf(config, 'cidr_block'),
      vpcName: textOf(config, 'vpc_name') ?? textOf(config, 'name'),
      description: textOf(config, 'description'),
      resourceGroupId: textOf(config, 'resource_group_id'),
      dryRun: boolOf(config, 'dry_run'),
      userCidr: userCidrs.length > 0 ? userCidrs.join(',') : undefined,
      tag: Object.entries(mapOf(config, 'tags')).map(([key, value]) => new $Vpc.CreateVpcRequestTag({ key, value })),
    });
    return createResource(request, {
      subject: vpcSubject,
      action: 'CreateVpc',
      retryCodes: ['TaskConflict', 'UnknownError'],
      send: async (options) => (await callWithRetry(async () => (await client.vpc()).createVpcWithOptions(vpcRequest, client.runtime()), options)).body?.vpcId,
      settle: (vpcId, options) => waitVpcAvailable(client, vpcId, options),
      read: (vpcId, options) => readVpc(client, vpcId, config, options),
    });
  },

  async read(request) {
    return readVpc(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: vpcSubject,
      async apply(vpcId, options) {
        const modified = await modifyIfChanged<$Vpc.ModifyVpcAttributeRequest>(
          prior,
          {
            vpcName: [textOf(config, 'vpc_name') ?? textOf(config, 'name'), 'vpc_name'],
            description: [textOf(config, 'description'), 'description'],
            cidrBlock: [textOf(config, 'cidr_block'), 'cidr_block'],
          },
          async (changes) => {
            const modify = new $Vpc.ModifyVpcAttributeRequest({ regionId: client.config.regionId, vpcId, ...changes });
            await callWithRetry(async () => (await client.vpc()).modifyVpcAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifyVpcAttribute' });
          },
        );
        if (modified) await waitVpcAvailable(client, vpcId, options);
        const resourceGroupId = textOf(config, 'resource_group_id');
        if (resourceGroupId !== undefined && resourceGroupId !== prior['resource_group_id']) {
          await moveVpcResourceGroup(client, 'vpc', vpcId, resourceGroupId, options);
        }
        await updateVpcTags(client, 'VPC', vpcId, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
      },
      read: (vpcId, options) => readVpc(client, vpcId, config, options),
    });
  },

  async delete(request) {
    const { client } = request;
    const vpcId = request.state['id'] as string;
    const options = operationOptions(request, 'delete');
    const deleteRequest = new $Vpc.DeleteVpcRequest({ regionId: client.config.regionId, vpcId });
    const deleted = await orNotFound(
      () =>
        callWithRetry(async () => (await client.vpc()).deleteVpcWithOptions(deleteRequest, client.runtime()), {
          ...options,
          action: 'DeleteVpc',
          retryCodes: ['DependencyViolation.VSwitch', 'DependencyViolation.SecurityGroup', 'DependencyViolation.Instance', 'IncorrectVpcStatus'],
        }),
      undefined,
    );
    if (deleted === undefined) return;
    await waitVpcGone(client, vpcId, options);
  },
};

/** The handlers of `vpcResource` (contract and schema in `vpc.ts`); loaded on first use, with the SDK. */
import { buildClientToken, byStatus, callWithRetry, orNotFound, waitFor, waitGone, type CallOptions, type CloudClients } from '../client/index.js';
import { $Vpc } from '../client/sdk-vpc.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { boolOf, callOptions, mapOf, mustExist, nullIfEmpty, readOptions, stringsOf, tagsState, textOf, vpcTagEntries } from './resource-values.js';
import { moveVpcResourceGroup, updateVpcTags } from './vpc-tags.js';
import type { ResourceHandlers } from './lazy-definition.js';

type VpcAttribute = $Vpc.DescribeVpcAttributeResponseBody;

const subject = (id: string): string => `VPC (${id})`;

async function findVpc(client: CloudClients, vpcId: string, options: CallOptions): Promise<VpcAttribute | undefined> {
  const response = await orNotFound(
    () =>
      callWithRetry(
        async () => (await client.vpc()).describeVpcAttributeWithOptions(new $Vpc.DescribeVpcAttributeRequest({ regionId: client.config.regionId, vpcId }), client.runtime()),
        { ...options, action: 'DescribeVpcAttribute' },
      ),
    undefined,
  );
  return response?.body?.vpcId ? response.body : undefined;
}

async function systemRouteTableId(client: CloudClients, vpcId: string, options: CallOptions): Promise<string> {
  const request = new $Vpc.DescribeRouteTableListRequest({ regionId: client.config.regionId, vpcId, routeTableType: 'System' });
  const response = await callWithRetry(async () => (await client.vpc()).describeRouteTableListWithOptions(request, client.runtime()), {
    ...options,
    action: 'DescribeRouteTableList',
  });
  const tables = response.body?.routerTableList?.routerTableListType ?? [];
  return tables.find((table) => table.routeTableType === 'System')?.routeTableId ?? '';
}

async function waitVpcAvailable(client: CloudClients, vpcId: string, options: CallOptions): Promise<void> {
  await waitFor<VpcAttribute>({
    subject: subject(vpcId),
    refresh: byStatus(() => findVpc(client, vpcId, options)),
    pending: ['Pending'],
    target: ['Available'],
    delayMs: 0,
    minTimeoutMs: 1000,
    ...options,
  });
}

async function readVpc(client: CloudClients, vpcId: string, args: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const vpc = await findVpc(client, vpcId, options);
  if (vpc === undefined) return null;
  const routeTableId = await systemRouteTableId(client, vpcId, options);
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
    const options = callOptions(request, 'create');
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
    const response = await callWithRetry(async () => (await client.vpc()).createVpcWithOptions(vpcRequest, client.runtime()), {
      ...options,
      action: 'CreateVpc',
      retryCodes: ['TaskConflict', 'UnknownError'],
    });
    const vpcId = response.body?.vpcId;
    if (!vpcId) throw new Error('CreateVpc answered without a VpcId');
    request.created({ id: vpcId });
    await waitVpcAvailable(client, vpcId, options);
    return mustExist(await readVpc(client, vpcId, config, options), subject(vpcId), 'create');
  },

  async read(request) {
    return readVpc(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    const vpcId = prior['id'] as string;
    const options = callOptions(request, 'update');
    const name = textOf(config, 'vpc_name') ?? textOf(config, 'name');
    const modify = new $Vpc.ModifyVpcAttributeRequest({ regionId: client.config.regionId, vpcId });
    let changed = false;
    if (name !== undefined && name !== prior['vpc_name']) {
      modify.vpcName = name;
      changed = true;
    }
    const description = textOf(config, 'description');
    if (description !== undefined && description !== prior['description']) {
      modify.description = description;
      changed = true;
    }
    const cidrBlock = textOf(config, 'cidr_block');
    if (cidrBlock !== undefined && cidrBlock !== prior['cidr_block']) {
      modify.cidrBlock = cidrBlock;
      changed = true;
    }
    if (changed) {
      await callWithRetry(async () => (await client.vpc()).modifyVpcAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifyVpcAttribute' });
      await waitVpcAvailable(client, vpcId, options);
    }
    const resourceGroupId = textOf(config, 'resource_group_id');
    if (resourceGroupId !== undefined && resourceGroupId !== prior['resource_group_id']) {
      await moveVpcResourceGroup(client, 'vpc', vpcId, resourceGroupId, options);
    }
    await updateVpcTags(client, 'VPC', vpcId, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
    return mustExist(await readVpc(client, vpcId, config, options), subject(vpcId), 'update');
  },

  async delete(request) {
    const { client } = request;
    const vpcId = request.state['id'] as string;
    const options = callOptions(request, 'delete');
    const deleted = await orNotFound(
      () =>
        callWithRetry(
          async () => (await client.vpc()).deleteVpcWithOptions(new $Vpc.DeleteVpcRequest({ regionId: client.config.regionId, vpcId }), client.runtime()),
          { ...options, action: 'DeleteVpc', retryCodes: ['DependencyViolation.VSwitch', 'DependencyViolation.SecurityGroup', 'DependencyViolation.Instance', 'IncorrectVpcStatus'] },
        ),
      undefined,
    );
    if (deleted === undefined) return;
    await waitGone(() => findVpc(client, vpcId, options), { subject: subject(vpcId), minTimeoutMs: 1000, ...options });
  },
};

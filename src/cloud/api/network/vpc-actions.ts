/**
 * VPC product (2016-04-28): CreateVpc, DescribeVpcs, DescribeVpcAttribute,
 * DeleteVpc. A VPC comes with a vRouter (`vrt-`) and a system route table
 * (`vtb-`). It is Available as soon as CreateVpc answers: terraform's waiter
 * (DescribeVpcAttribute until `Status=Available`) accepts that at once, and
 * CreateVSwitch right after CreateVpc never meets `IncorrectVpcStatus`.
 */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { EcsError } from '../errors.js';
import { newId } from '../../../domain/ids.js';
import { DEFAULT_VPC_CIDR, VPC_MASK, isCidr, isPrivateRange, maskWithin, parseCidr, formatCidr } from '../../../domain/cidr.js';
import { withClientToken } from '../idempotency.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { deleteTagsOf, parseTagFilters, parseTags, setTags, taggedWith, vpcTagsOf, type VpcTag } from '../tags/index.js';
import { findVpc, type VpcRow } from './lookups.js';
import { endDryRun } from '../dry-run.js';
import { readCommaIds } from '../list-filters.js';
import { newestFirst } from '../page-query.js';
import { pageFields, readPage } from '../paging.js';
import { vpcDescription, vpcName } from './text-rules.js';
import { isoSeconds, ownerIdOf } from './wire-format.js';
import { secondaryCidrsOf } from './secondary-cidrs.js';

/** `VpcId` filter of DescribeVpcs: comma-separated, at most 20. */
const MAX_VPC_IDS = 20;

function vpcCidr(text: string | undefined): string {
  const parsed = parseCidr(text ?? DEFAULT_VPC_CIDR);
  if (!isCidr(parsed)) throw EcsError.invalidParameter('CidrBlock');
  if (!maskWithin(parsed, VPC_MASK)) throw new EcsError('IllegalParam.CidrBlockMask', String(parsed.prefix));
  if (!isPrivateRange(parsed)) throw EcsError.invalidParameter('CidrBlock');
  return formatCidr(parsed);
}

/** The VPC product names an unknown group `InvalidResourceGroupId`, not ECS's `InvalidResourceGroup.NotFound`. */
export async function vpcResourceGroup(ctx: ActionContext, given: string | undefined): Promise<string> {
  try {
    return await resolveResourceGroupId(ctx, given);
  } catch (error) {
    if (error instanceof EcsError && error.code === 'InvalidResourceGroup.NotFound') {
      throw new EcsError('InvalidResourceGroupId');
    }
    throw error;
  }
}

function createVpc(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CreateVpc', () => createVpcOnce(ctx));
}

async function createVpcOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const cidrBlock = vpcCidr(params.string('CidrBlock'));
  const name = vpcName(params.string('VpcName'));
  const description = vpcDescription(params.string('Description'));
  const tags = parseTags(params);
  const resourceGroupId = await vpcResourceGroup(ctx, params.string('ResourceGroupId'));
  endDryRun(ctx.params);
  const row: VpcRow = {
    id: newId('vpc', ctx.regionId),
    account_id: ctx.account.id,
    region_id: ctx.regionId,
    vpc_name: name,
    description,
    cidr_block: cidrBlock,
    status: 'Available',
    vrouter_id: newId('vrouter', ctx.regionId),
    route_table_id: newId('routeTable', ctx.regionId),
    is_default: 0,
    resource_group_id: resourceGroupId,
    creation_time: ctx.now(),
    route_table_name: '',
    route_table_description: '',
    route_propagation_enable: 1,
    secondary_cidr_blocks: '',
  };
  await ctx.db.insertInto('vpcs').values(row).execute();
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'vpc', resourceId: row.id, tags });
  return {
    VpcId: row.id,
    VRouterId: row.vrouter_id,
    RouteTableId: row.route_table_id,
    ResourceGroupId: row.resource_group_id,
  };
}

/** What DescribeVpcs and DescribeVpcAttribute both say about a VPC. */
function vpcFields(ctx: ActionContext, row: VpcRow, vswitchIds: readonly string[], tags: readonly VpcTag[]) {
  return {
    VpcId: row.id,
    VpcName: row.vpc_name,
    Description: row.description,
    RegionId: row.region_id,
    Status: row.status,
    CidrBlock: row.cidr_block,
    CreationTime: isoSeconds(row.creation_time),
    IsDefault: row.is_default === 1,
    VRouterId: row.vrouter_id,
    ResourceGroupId: row.resource_group_id,
    OwnerId: ownerIdOf(ctx.account.id),
    EnabledIpv6: false,
    Ipv6CidrBlock: '',
    Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
    SecondaryCidrBlocks: { SecondaryCidrBlock: secondaryCidrsOf(row) },
    UserCidrs: { UserCidr: [] },
    DhcpOptionsSetId: '',
    DhcpOptionsSetStatus: '',
    DnsHostnameStatus: 'DISABLED',
    VSwitchIds: { VSwitchId: [...vswitchIds] },
    Tags: { Tag: [...tags] },
  };
}

/** vSwitch ids of many VPCs in one query: vpc id → ids (oldest first). */
async function vswitchIdsOf(ctx: ActionContext, vpcIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(vpcIds.map((id) => [id, []]));
  if (vpcIds.length === 0) return result;
  const rows = await ctx.db
    .selectFrom('vswitches')
    .select(['id', 'vpc_id'])
    .where('vpc_id', 'in', [...vpcIds])
    .orderBy('creation_time')
    .orderBy('id')
    .execute();
  for (const row of rows) result.get(row.vpc_id)?.push(row.id);
  return result;
}

async function describeVpcs(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const page = readPage(params, { maxPageSize: 50 });
  const ids = readCommaIds(params, 'VpcId');
  if (ids.length > MAX_VPC_IDS) throw EcsError.invalidParameter('VpcId');
  const name = params.string('VpcName');
  const isDefault = params.boolean('IsDefault');
  const resourceGroupId = params.string('ResourceGroupId');
  const tagFilters = parseTagFilters(params);
  endDryRun(ctx.params);

  let query = ctx.db
    .selectFrom('vpcs')
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId);
  if (ids.length > 0) query = query.where('id', 'in', ids);
  if (name !== undefined) query = query.where('vpc_name', '=', name);
  if (isDefault !== undefined) query = query.where('is_default', '=', isDefault ? 1 : 0);
  if (resourceGroupId !== undefined) query = query.where('resource_group_id', '=', resourceGroupId);
  if (tagFilters.length > 0) query = query.where('id', 'in', taggedWith(ctx.db, 'vpc', tagFilters));

  const { total, rows } = await newestFirst(query, page);
  const pageIds = rows.map((row) => row.id);
  const [vswitches, tags] = await Promise.all([vswitchIdsOf(ctx, pageIds), vpcTagsOf(ctx.db, pageIds)]);
  return {
    ...pageFields(page, total),
    Vpcs: {
      Vpc: rows.map((row) => ({
        ...vpcFields(ctx, row, vswitches.get(row.id) ?? [], tags.get(row.id) ?? []),
        CenStatus: '',
        NatGatewayIds: { NatGatewayIds: [] },
        RouterTableIds: { RouterTableIds: [row.route_table_id] },
      })),
    },
  };
}

async function countWhere(ctx: ActionContext, table: 'vswitches' | 'security_groups' | 'instances', vpcId: string) {
  const row = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('vpc_id', '=', vpcId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function describeVpcAttribute(ctx: ActionContext): Promise<ActionResult> {
  const row = await findVpc(ctx, ctx.params.requiredString('VpcId'));
  endDryRun(ctx.params);
  const [vswitches, tags, securityGroupCount, instanceCount] = await Promise.all([
    vswitchIdsOf(ctx, [row.id]),
    vpcTagsOf(ctx.db, [row.id]),
    countWhere(ctx, 'security_groups', row.id),
    countWhere(ctx, 'instances', row.id),
  ]);
  const vswitchIds = vswitches.get(row.id) ?? [];
  const resources = [
    { ResourceType: 'VSwitch', ResourceCount: vswitchIds.length },
    { ResourceType: 'SecurityGroup', ResourceCount: securityGroupCount },
    { ResourceType: 'ECS', ResourceCount: instanceCount },
  ].filter((entry) => entry.ResourceCount > 0);
  return {
    ...vpcFields(ctx, row, vswitchIds, tags.get(row.id) ?? []),
    ClassicLinkEnabled: false,
    SupportIpv4Gateway: false,
    Ipv4GatewayId: '',
    AssociatedCens: { AssociatedCen: [] },
    AssociatedPropagationSources: { AssociatedPropagationSources: [] },
    CloudResources: { CloudResourceSetType: resources },
  };
}

async function deleteVpc(ctx: ActionContext): Promise<ActionResult> {
  const row = await findVpc(ctx, ctx.params.requiredString('VpcId'));
  if (row.status !== 'Available') throw new EcsError('IncorrectVpcStatus');
  if ((await countWhere(ctx, 'vswitches', row.id)) > 0) throw new EcsError('DependencyViolation.VSwitch');
  if ((await countWhere(ctx, 'security_groups', row.id)) > 0) throw new EcsError('DependencyViolation.SecurityGroup');
  if ((await countWhere(ctx, 'instances', row.id)) > 0) throw new EcsError('DependencyViolation.Instance');
  endDryRun(ctx.params);
  await ctx.db.deleteFrom('vpcs').where('id', '=', row.id).execute();
  await deleteTagsOf(ctx.db, [row.id]);
  return {};
}

/**
 * DescribeRouteTableList, reduced to the system route table every VPC has:
 * terraform's `alicloud_vpc` Read takes `route_table_id` from the entry whose
 * `RouteTableType` is `System`.
 */
async function describeRouteTableList(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const page = readPage(params, { maxPageSize: 50 });
  const vpcId = params.string('VpcId');
  const routeTableId = params.string('RouteTableId');
  const routerId = params.string('RouterId') ?? params.string('VRouterId');
  const routeTableType = params.string('RouteTableType');
  const resourceGroupId = params.string('ResourceGroupId');
  let query = ctx.db
    .selectFrom('vpcs')
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId);
  if (vpcId !== undefined) query = query.where('id', '=', vpcId);
  if (routeTableId !== undefined) query = query.where('route_table_id', '=', routeTableId);
  if (routerId !== undefined) query = query.where('vrouter_id', '=', routerId);
  if (resourceGroupId !== undefined) query = query.where('resource_group_id', '=', resourceGroupId);
  const rows = routeTableType !== undefined && routeTableType !== 'System' ? [] : await query.selectAll().orderBy('creation_time', 'desc').orderBy('id').execute();
  const pageRows = rows.slice(page.offset, page.offset + page.limit);
  const vswitches = await vswitchIdsOf(ctx, pageRows.map((row) => row.id));
  return {
    ...pageFields(page, rows.length),
    RouterTableList: {
      RouterTableListType: pageRows.map((row) => ({
        RouteTableId: row.route_table_id,
        RouteTableName: row.route_table_name,
        RouteTableType: 'System',
        RouterId: row.vrouter_id,
        RouterType: 'VRouter',
        VpcId: row.id,
        Status: 'Available',
        Description: row.route_table_description,
        AssociateType: 'VSwitch',
        CreationTime: isoSeconds(row.creation_time),
        ResourceGroupId: row.resource_group_id,
        OwnerId: ownerIdOf(ctx.account.id),
        RoutePropagationEnable: Number(row.route_propagation_enable) === 1,
        VSwitchIds: { VSwitchId: vswitches.get(row.id) ?? [] },
        GatewayIds: { GatewayIds: [] },
        Tags: { Tag: [] },
      })),
    },
  };
}

export const vpcActions: ActionTable = {
  CreateVpc: { handler: createVpc, regionIdRequired: true },
  DescribeVpcs: { handler: describeVpcs, readOnly: true, regionIdRequired: true },
  DescribeVpcAttribute: { handler: describeVpcAttribute, readOnly: true, regionIdRequired: true },
  DeleteVpc: { handler: deleteVpc },
  DescribeRouteTableList: { handler: describeRouteTableList, readOnly: true, regionIdRequired: true },
};

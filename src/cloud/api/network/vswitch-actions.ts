/**
 * VPC product (2016-04-28): CreateVSwitch, DescribeVSwitches,
 * DescribeVSwitchAttributes, DeleteVSwitch. A vSwitch's block lies inside its
 * VPC's, overlaps no sibling, has a /16–/29 mask and sits in a zone of the
 * region. Like VPCs, it is Available at once (terraform waits on
 * DescribeVSwitchAttributes `Status=Available`, which this satisfies).
 * `AvailableIpAddressCount` is the block's usable addresses (all but the
 * first and the last three) less one per instance in the vSwitch.
 */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { EcsError } from '../errors.js';
import { newId } from '../../../domain/ids.js';
import {
  VSWITCH_MASK,
  containsCidr,
  firstFreeSubnet,
  formatCidr,
  isCidr,
  maskWithin,
  overlaps,
  parseCidr,
  touchesSpecialRange,
  usableAddressCount,
  type Cidr,
} from '../../../domain/cidr.js';
import { findZone } from '../catalog/catalog.js';
import { withClientToken } from '../idempotency.js';
import { deleteTagsOf, parseTagFilters, parseTags, setTags, taggedWith, vpcTagsOf, type VpcTag } from '../tags/index.js';
import { findVSwitch, findVpc, type VSwitchRow, type VpcRow } from './lookups.js';
import { endDryRun } from '../dry-run.js';
import { vpcBlocksOf } from './secondary-cidrs.js';
import { readCommaIds } from '../list-filters.js';
import { newestFirst } from '../page-query.js';
import { NETWORK_TOKENS, pageFields, readPage } from '../paging.js';
import { vswitchDescription, vswitchName } from './text-rules.js';
import { isoSeconds, ownerIdOf } from './wire-format.js';

/** vSwitches per VPC (VPC docs: "at most 150 vSwitches in a VPC"). */
const MAX_VSWITCHES_PER_VPC = 150;

function parsedBlock(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!isCidr(parsed)) throw new Error(`cloud bug: stored CIDR block ${text} does not parse`);
  return parsed;
}

/** The vSwitch's block from `CidrBlock`, or the first free one of `CidrMask`'s size. */
function chooseBlock(ctx: ActionContext, vpc: VpcRow, siblings: readonly Cidr[]): Cidr {
  const vpcBlock = parsedBlock(vpc.cidr_block);
  const text = ctx.params.string('CidrBlock');
  if (text === undefined) {
    const mask = ctx.params.integer('CidrMask', { min: VSWITCH_MASK.min, max: VSWITCH_MASK.max });
    if (mask === undefined) throw EcsError.missingParameter('CidrBlock');
    const free = firstFreeSubnet(vpcBlock, mask, siblings);
    if (free === undefined) throw new EcsError('InvalidCidrBlock.Overlapped');
    return free;
  }
  const block = parseCidr(text);
  if (!isCidr(block) || !maskWithin(block, VSWITCH_MASK) || touchesSpecialRange(block)) {
    throw new EcsError('InvalidCidrBlock.Malformed');
  }
  if (!vpcBlocksOf(vpc).some((vpcRange) => containsCidr(vpcRange, block))) throw new EcsError('InvalidCidrBlock.Malformed');
  if (siblings.some((sibling) => overlaps(sibling, block))) throw new EcsError('InvalidCidrBlock.Overlapped');
  return block;
}

// The whole action runs under the token: a retry after success must get the
// first answer, not the overlap error its own vSwitch would now cause.
function createVSwitch(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CreateVSwitch', () => createVSwitchOnce(ctx));
}

async function createVSwitchOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const vpcId = params.requiredString('VpcId');
  const zoneId = params.requiredString('ZoneId');
  const name = vswitchName(params.string('VSwitchName'));
  const description = vswitchDescription(params.string('Description'));
  const tags = parseTags(params);
  const vpc = await findVpc(ctx, vpcId);
  if (vpc.status !== 'Available') throw new EcsError('IncorrectVpcStatus');
  if (findZone(ctx.regionId, zoneId) === undefined) throw new EcsError('InvalidZoneId.NotFound');
  const siblings = await ctx.db.selectFrom('vswitches').select('cidr_block').where('vpc_id', '=', vpc.id).execute();
  if (siblings.length >= MAX_VSWITCHES_PER_VPC) throw new EcsError('QuotaExceeded.VSwitch');
  const block = chooseBlock(ctx, vpc, siblings.map((row) => parsedBlock(row.cidr_block)));
  endDryRun(ctx.params);
  const row: VSwitchRow = {
    id: newId('vswitch', ctx.regionId),
    account_id: ctx.account.id,
    region_id: ctx.regionId,
    vpc_id: vpc.id,
    zone_id: zoneId,
    vswitch_name: name,
    description,
    cidr_block: formatCidr(block),
    status: 'Available',
    // A vSwitch joins its VPC's resource group (CreateVSwitch takes none).
    resource_group_id: vpc.resource_group_id,
    creation_time: ctx.now(),
  };
  await ctx.db.insertInto('vswitches').values(row).execute();
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'vswitch', resourceId: row.id, tags });
  return { VSwitchId: row.id };
}

/** Instances per vSwitch for a page of vSwitches, in one query. */
async function instanceCounts(ctx: ActionContext, vswitchIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (vswitchIds.length === 0) return counts;
  const rows = await ctx.db
    .selectFrom('instances')
    .select(['vswitch_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('vswitch_id', 'in', [...vswitchIds])
    .groupBy('vswitch_id')
    .execute();
  for (const row of rows) counts.set(row.vswitch_id, Number(row.count));
  return counts;
}

/** Route tables of the VPCs of a page of vSwitches: vpc id → system route table id. */
async function routeTablesOf(ctx: ActionContext, vpcIds: readonly string[]): Promise<Map<string, string>> {
  if (vpcIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('vpcs')
    .select(['id', 'route_table_id'])
    .where('id', 'in', [...new Set(vpcIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.route_table_id]));
}

function vswitchFields(
  ctx: ActionContext,
  row: VSwitchRow,
  extra: { readonly instances: number; readonly routeTableId: string; readonly tags: readonly VpcTag[] },
) {
  return {
    VSwitchId: row.id,
    VSwitchName: row.vswitch_name,
    Description: row.description,
    VpcId: row.vpc_id,
    ZoneId: row.zone_id,
    Status: row.status,
    CidrBlock: row.cidr_block,
    Ipv6CidrBlock: '',
    EnabledIpv6: false,
    AvailableIpAddressCount: Math.max(0, usableAddressCount(parsedBlock(row.cidr_block)) - extra.instances),
    CreationTime: isoSeconds(row.creation_time),
    IsDefault: false,
    ResourceGroupId: row.resource_group_id,
    NetworkAclId: '',
    OwnerId: ownerIdOf(ctx.account.id),
    ShareType: '',
    RouteTable: { RouteTableId: extra.routeTableId, RouteTableType: 'System' },
    Tags: { Tag: [...extra.tags] },
  };
}

async function describeVSwitches(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const page = readPage(params, { maxPageSize: 50, byToken: { tokens: NETWORK_TOKENS, minResults: 1, maxResults: 100 } });
  const ids = readCommaIds(params, 'VSwitchId');
  const vpcId = params.string('VpcId');
  const zoneId = params.string('ZoneId');
  const name = params.string('VSwitchName');
  const isDefault = params.boolean('IsDefault');
  const resourceGroupId = params.string('ResourceGroupId');
  const routeTableId = params.string('RouteTableId');
  const tagFilters = parseTagFilters(params);
  endDryRun(ctx.params);

  let query = ctx.db
    .selectFrom('vswitches')
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId);
  if (ids.length > 0) query = query.where('id', 'in', ids);
  if (vpcId !== undefined) query = query.where('vpc_id', '=', vpcId);
  if (zoneId !== undefined) query = query.where('zone_id', '=', zoneId);
  if (name !== undefined) query = query.where('vswitch_name', '=', name);
  // No default vSwitches exist here: IsDefault=true finds none.
  if (isDefault === true) query = query.where('id', '=', '');
  if (resourceGroupId !== undefined) query = query.where('resource_group_id', '=', resourceGroupId);
  if (routeTableId !== undefined) {
    query = query.where('vpc_id', 'in', ctx.db.selectFrom('vpcs').select('id').where('route_table_id', '=', routeTableId));
  }
  if (tagFilters.length > 0) query = query.where('id', 'in', taggedWith(ctx.db, 'vswitch', tagFilters));

  const { total, rows } = await newestFirst(query, page);
  const pageIds = rows.map((row) => row.id);
  const [counts, routeTables, tags] = await Promise.all([
    instanceCounts(ctx, pageIds),
    routeTablesOf(ctx, rows.map((row) => row.vpc_id)),
    vpcTagsOf(ctx.db, pageIds),
  ]);
  return {
    ...pageFields(page, total, page.byToken ? NETWORK_TOKENS : undefined),
    VSwitches: {
      VSwitch: rows.map((row) =>
        vswitchFields(ctx, row, {
          instances: counts.get(row.id) ?? 0,
          routeTableId: routeTables.get(row.vpc_id) ?? '',
          tags: tags.get(row.id) ?? [],
        }),
      ),
    },
  };
}

async function describeVSwitchAttributes(ctx: ActionContext): Promise<ActionResult> {
  const row = await findVSwitch(ctx, ctx.params.requiredString('VSwitchId'));
  endDryRun(ctx.params);
  const [counts, routeTables, tags] = await Promise.all([
    instanceCounts(ctx, [row.id]),
    routeTablesOf(ctx, [row.vpc_id]),
    vpcTagsOf(ctx.db, [row.id]),
  ]);
  const instances = counts.get(row.id) ?? 0;
  return {
    ...vswitchFields(ctx, row, {
      instances,
      routeTableId: routeTables.get(row.vpc_id) ?? '',
      tags: tags.get(row.id) ?? [],
    }),
    CloudResources: {
      CloudResourceSetType: instances > 0 ? [{ ResourceType: 'ECS', ResourceCount: instances }] : [],
    },
  };
}

async function deleteVSwitch(ctx: ActionContext): Promise<ActionResult> {
  const row = await findVSwitch(ctx, ctx.params.requiredString('VSwitchId'));
  if (row.status !== 'Available') throw new EcsError('IncorrectVSwitchStatus');
  const counts = await instanceCounts(ctx, [row.id]);
  if ((counts.get(row.id) ?? 0) > 0) throw new EcsError('DependencyViolation', 'Specified object has dependent resources.');
  endDryRun(ctx.params);
  await ctx.db.deleteFrom('vswitches').where('id', '=', row.id).execute();
  await deleteTagsOf(ctx.db, [row.id]);
  return {};
}

export const vswitchActions: ActionTable = {
  CreateVSwitch: { handler: createVSwitch },
  DescribeVSwitches: { handler: describeVSwitches, readOnly: true },
  DescribeVSwitchAttributes: { handler: describeVSwitchAttributes, readOnly: true },
  DeleteVSwitch: { handler: deleteVSwitch },
};

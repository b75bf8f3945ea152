/**
 * The in-place updates terraform's network resources call (ecs-api.md §TF):
 * ModifyVpcAttribute, ModifyVSwitchAttribute, ModifyRouteTableAttributes and MoveResourceGroup on VPC
 * (2016-04-28); ModifySecurityGroupAttribute and ModifySecurityGroupPolicy on
 * ECS (2014-05-26). An absent or
 * empty field leaves the attribute as it is (the SDKs send `Name=` for unset
 * fields), so none of these can clear a name or description.
 */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { EcsError } from '../errors.js';
import { VPC_MASK, containsCidr, formatCidr, isCidr, isPrivateRange, maskWithin, overlaps, parseCidr } from '../../../domain/cidr.js';
import { findSecurityGroup, findVSwitch, findVpc, type VpcRow } from './lookups.js';
import { vpcBlocksOf } from './secondary-cidrs.js';
import { endDryRun } from '../dry-run.js';
import { securityGroupDescription, securityGroupName, vpcDescription, vpcName, vswitchDescription, vswitchName } from './text-rules.js';
import { vpcResourceGroup } from './vpc-actions.js';

/** Only fields the request carries are written; `undefined` values are left out of the update. */
function changes<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')) as Partial<
    Record<keyof T, string>
  >;
}

/**
 * A new primary block must keep inside it every vSwitch of the VPC that no
 * secondary block holds, and must not overlap a secondary block.
 */
async function newVpcCidr(ctx: ActionContext, vpc: VpcRow, text: string | undefined): Promise<string | undefined> {
  if (text === undefined) return undefined;
  const parsed = parseCidr(text);
  if (!isCidr(parsed) || !isPrivateRange(parsed)) throw EcsError.invalidParameter('CidrBlock');
  if (!maskWithin(parsed, VPC_MASK)) throw new EcsError('IllegalParam.CidrBlockMask', String(parsed.prefix));
  const secondaries = vpcBlocksOf(vpc).slice(1);
  if (secondaries.some((secondary) => overlaps(secondary, parsed))) throw new EcsError('InvalidCidrBlock.Overlapped');
  const vswitches = await ctx.db.selectFrom('vswitches').select('cidr_block').where('vpc_id', '=', vpc.id).execute();
  for (const { cidr_block } of vswitches) {
    const block = parseCidr(cidr_block);
    if (!isCidr(block)) throw new EcsError('InvalidCidrBlock.Malformed');
    const home = [parsed, ...secondaries].some((range) => containsCidr(range, block));
    if (!home) throw new EcsError('InvalidCidrBlock.Malformed');
  }
  return formatCidr(parsed);
}

async function modifyVpcAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const row = await findVpc(ctx, params.requiredString('VpcId'));
  const name = params.string('VpcName');
  const description = params.string('Description');
  const update = changes({
    vpc_name: name === undefined ? undefined : vpcName(name),
    description: description === undefined ? undefined : vpcDescription(description),
    cidr_block: await newVpcCidr(ctx, row, params.string('CidrBlock')),
  });
  endDryRun(ctx.params);
  if (Object.keys(update).length > 0) await ctx.db.updateTable('vpcs').set(update).where('id', '=', row.id).execute();
  return {};
}

async function modifyVSwitchAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const row = await findVSwitch(ctx, params.requiredString('VSwitchId'));
  const name = params.string('VSwitchName');
  const description = params.string('Description');
  const update = changes({
    vswitch_name: name === undefined ? undefined : vswitchName(name),
    description: description === undefined ? undefined : vswitchDescription(description),
  });
  endDryRun(ctx.params);
  if (Object.keys(update).length > 0) await ctx.db.updateTable('vswitches').set(update).where('id', '=', row.id).execute();
  return {};
}

/** The system route table each VPC has (the only kind here): its name, description and route propagation. */
async function modifyRouteTableAttributes(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const routeTableId = params.requiredString('RouteTableId');
  const row = await ctx.db
    .selectFrom('vpcs')
    .select('id')
    .where('route_table_id', '=', routeTableId)
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .executeTakeFirst();
  if (row === undefined) throw new EcsError('InvalidRouteTableId.NotFound');
  const name = params.string('RouteTableName');
  if (name !== undefined) checkRouteTableName(name);
  const description = params.string('Description');
  const propagation = params.boolean('RoutePropagationEnable');
  const update = {
    ...changes({
      route_table_name: name,
      route_table_description: description === undefined ? undefined : vpcDescription(description),
    }),
    ...(propagation === undefined ? {} : { route_propagation_enable: propagation ? (1 as const) : (0 as const) }),
  };
  endDryRun(ctx.params);
  if (Object.keys(update).length > 0) await ctx.db.updateTable('vpcs').set(update).where('id', '=', row.id).execute();
  return {};
}

function checkRouteTableName(name: string): void {
  try {
    vpcName(name);
  } catch {
    throw new EcsError('InvalidRouteTableName.Malformed');
  }
}

/** VPC's own resource-group move (the VPC product has no JoinResourceGroup). */
async function moveResourceGroup(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const resourceId = params.requiredString('ResourceId');
  const type = params.requiredString('ResourceType').toLowerCase();
  const groupId = await vpcResourceGroup(ctx, params.requiredString('NewResourceGroupId'));
  if (type === 'vpc') {
    await findVpc(ctx, resourceId);
    await ctx.db.updateTable('vpcs').set({ resource_group_id: groupId }).where('id', '=', resourceId).execute();
  } else if (type === 'vswitch') {
    await findVSwitch(ctx, resourceId);
    await ctx.db.updateTable('vswitches').set({ resource_group_id: groupId }).where('id', '=', resourceId).execute();
  } else {
    throw EcsError.invalidParameter('ResourceType');
  }
  return {};
}

async function modifySecurityGroupAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const row = await findSecurityGroup(ctx, params.requiredString('SecurityGroupId'));
  const name = params.string('SecurityGroupName');
  const description = params.string('Description');
  const update = changes({
    security_group_name: name === undefined ? undefined : securityGroupName(name),
    description: description === undefined ? undefined : securityGroupDescription(description),
  });
  if (Object.keys(update).length > 0) await ctx.db.updateTable('security_groups').set(update).where('id', '=', row.id).execute();
  return {};
}

/** Intra-group connectivity of a basic group; an enterprise group always isolates its members. */
async function modifySecurityGroupPolicy(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const policy = params.requiredString('InnerAccessPolicy').toLowerCase();
  if (policy !== 'accept' && policy !== 'drop') throw new EcsError('InvalidPolicy.Malformed');
  const row = await findSecurityGroup(ctx, params.requiredString('SecurityGroupId'));
  if (row.security_group_type === 'enterprise') throw new EcsError('OperationDenied', 'Enterprise security groups do not support InnerAccessPolicy.');
  const stored = policy === 'accept' ? 'Accept' : 'Drop';
  await ctx.db.updateTable('security_groups').set({ inner_access_policy: stored }).where('id', '=', row.id).execute();
  return {};
}

export const vpcModifyActions: ActionTable = {
  ModifyVpcAttribute: { handler: modifyVpcAttribute },
  ModifyVSwitchAttribute: { handler: modifyVSwitchAttribute },
  MoveResourceGroup: { handler: moveResourceGroup },
  ModifyRouteTableAttributes: { handler: modifyRouteTableAttributes, regionIdRequired: true },
};

export const securityGroupModifyActions: ActionTable = {
  ModifySecurityGroupAttribute: { handler: modifySecurityGroupAttribute, regionIdRequired: true },
  ModifySecurityGroupPolicy: { handler: modifySecurityGroupPolicy, regionIdRequired: true },
};

/**
 * A VPC's secondary IPv4 blocks (VPC product 2016-04-28): AssociateVpcCidrBlock
 * adds one, UnassociateVpcCidrBlock removes one no vSwitch uses, and
 * DescribeVpcs / DescribeVpcAttribute list them under `SecondaryCidrBlocks`.
 * The VPC reference's rules: at most five per VPC; any block but 100.64.0.0/10,
 * 224.0.0.0/4, 127.0.0.0/8, 169.254.0.0/16 and their subnets; no overlap with
 * the VPC's other blocks. A vSwitch may then be made in any of the VPC's
 * blocks. Secondary IPv6 blocks are not served (the VPCs here have no IPv6).
 */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { EcsError } from '../errors.js';
import { endDryRun } from '../dry-run.js';
import { VPC_MASK, containsCidr, formatCidr, isCidr, maskWithin, overlaps, parseCidr, touchesSpecialRange, type Cidr } from '../../../domain/cidr.js';
import { findVpc, type VpcRow } from './lookups.js';

const MAX_SECONDARY_BLOCKS = 5;

/** The VPC's secondary blocks in the order they were added. */
export function secondaryCidrsOf(row: Pick<VpcRow, 'secondary_cidr_blocks'>): string[] {
  return row.secondary_cidr_blocks === '' ? [] : row.secondary_cidr_blocks.split(',');
}

/** Every block of the VPC, primary first: where its vSwitches may lie. */
export function vpcBlocksOf(row: Pick<VpcRow, 'cidr_block' | 'secondary_cidr_blocks'>): Cidr[] {
  return [row.cidr_block, ...secondaryCidrsOf(row)].flatMap((text) => {
    const parsed = parseCidr(text);
    return isCidr(parsed) ? [parsed] : [];
  });
}

function requestedBlock(ctx: ActionContext): Cidr {
  const { params } = ctx;
  if (params.string('IPv6CidrBlock') !== undefined || params.string('IpVersion')?.toUpperCase() === 'IPV6') {
    throw EcsError.invalidParameter('IpVersion');
  }
  const parsed = parseCidr(params.requiredString('SecondaryCidrBlock'));
  if (!isCidr(parsed) || !maskWithin(parsed, VPC_MASK) || touchesSpecialRange(parsed)) throw new EcsError('InvalidCidrBlock.Malformed');
  return parsed;
}

async function associateVpcCidrBlock(ctx: ActionContext): Promise<ActionResult> {
  const vpc = await findVpc(ctx, ctx.params.requiredString('VpcId'));
  const block = requestedBlock(ctx);
  if (vpc.status !== 'Available') throw new EcsError('IncorrectVpcStatus');
  if (vpcBlocksOf(vpc).some((existing) => overlaps(existing, block))) throw new EcsError('InvalidCidrBlock.Overlapped');
  const secondaries = secondaryCidrsOf(vpc);
  if (secondaries.length >= MAX_SECONDARY_BLOCKS) throw new EcsError('QuotaExceeded.SecondaryCidrBlock');
  endDryRun(ctx.params);
  const next = [...secondaries, formatCidr(block)].join(',');
  await ctx.db.updateTable('vpcs').set({ secondary_cidr_blocks: next }).where('id', '=', vpc.id).execute();
  return {};
}

async function unassociateVpcCidrBlock(ctx: ActionContext): Promise<ActionResult> {
  const vpc = await findVpc(ctx, ctx.params.requiredString('VpcId'));
  const block = requestedBlock(ctx);
  const text = formatCidr(block);
  const secondaries = secondaryCidrsOf(vpc);
  if (!secondaries.includes(text)) throw new EcsError('InvalidCidrBlock.NotFound');
  const vswitches = await ctx.db.selectFrom('vswitches').select('cidr_block').where('vpc_id', '=', vpc.id).execute();
  const inUse = vswitches.some((row) => {
    const parsed = parseCidr(row.cidr_block);
    return isCidr(parsed) && containsCidr(block, parsed);
  });
  if (inUse) throw new EcsError('DependencyViolation.VSwitch');
  endDryRun(ctx.params);
  const next = secondaries.filter((existing) => existing !== text).join(',');
  await ctx.db.updateTable('vpcs').set({ secondary_cidr_blocks: next }).where('id', '=', vpc.id).execute();
  return {};
}

export const secondaryCidrActions: ActionTable = {
  AssociateVpcCidrBlock: { handler: associateVpcCidrBlock, regionIdRequired: true },
  UnassociateVpcCidrBlock: { handler: unassociateVpcCidrBlock, regionIdRequired: true },
};

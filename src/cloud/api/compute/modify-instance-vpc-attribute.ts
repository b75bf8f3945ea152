/**
 * ModifyInstanceVpcAttribute: moves a Stopped instance to another vSwitch of
 * its VPC in the same zone, or gives it another private IP. ECS answers
 * `InvalidVSwitchId.NotFound` for a vSwitch of another VPC and
 * `InvalidVSwitchId.Mismatch` for one in another zone (2021 error table).
 * Without `PrivateIpAddress` a new vSwitch hands out the lowest free address;
 * on the same vSwitch the address stays. Moving an instance to another VPC
 * (`VpcId`, `SecurityGroupId.N`) is not served.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { endDryRun } from '../dry-run.js';
import { requireOwnInstance } from './instance-lookup.js';
import { findVSwitchForLaunch } from './network-lookup.js';
import { allocateIps, checkRequestedIp, takenIps } from './private-ip.js';
import { idScope } from './scope.js';

export function modifyInstanceVpcAttribute(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ModifyInstanceVpcAttribute', () => modifyOnce(ctx));
}

async function modifyOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), params.requiredString('InstanceId'));
  const vSwitchId = params.requiredString('VSwitchId');
  const requestedIp = params.string('PrivateIpAddress');
  const vpcId = params.string('VpcId');
  if (vpcId !== undefined && vpcId !== instance.vpc_id) throw EcsError.invalidParameter('VpcId');
  if (params.list('SecurityGroupId').length > 0) throw EcsError.invalidParameter('SecurityGroupId.N');
  const { vSwitch } = await findVSwitchForLaunch(ctx.db, ctx.account.id, instance.region_id, vSwitchId);
  if (vSwitch.vpc_id !== instance.vpc_id) throw new EcsError('InvalidVSwitchId.NotFound');
  if (vSwitch.zone_id !== instance.zone_id) throw new EcsError('InvalidVSwitchId.Mismatch');
  if (instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  const taken = await takenIps(ctx.db, vSwitch.id);
  if (vSwitch.id === instance.vswitch_id) taken.delete(instance.private_ip);
  let privateIp = instance.private_ip;
  if (requestedIp !== undefined) privateIp = checkRequestedIp(vSwitch.cidr_block, requestedIp, taken);
  else if (vSwitch.id !== instance.vswitch_id) privateIp = allocateIps(vSwitch.cidr_block, taken, 1)[0] ?? '';
  endDryRun(params);
  await ctx.db.updateTable('instances').set({ vswitch_id: vSwitch.id, private_ip: privateIp }).where('id', '=', instance.id).execute();
  return {};
}

/**
 * The caller's network resources by id, in the request's region. Another
 * account's resource is answered exactly like a missing one.
 */
import type { Selectable } from 'kysely';
import type { ActionContext } from '../action.js';
import type { SecurityGroupTable, VSwitchTable, VpcTable } from '../../store/schema.js';
import { regionScope, requireOwned } from '../lookup.js';

export type VpcRow = Selectable<VpcTable>;
export type VSwitchRow = Selectable<VSwitchTable>;
export type SecurityGroupRow = Selectable<SecurityGroupTable>;

export function findVpc(ctx: ActionContext, id: string): Promise<VpcRow> {
  return requireOwned(ctx.db.selectFrom('vpcs'), regionScope(ctx), id, 'InvalidVpcId.NotFound');
}

export function findVSwitch(ctx: ActionContext, id: string): Promise<VSwitchRow> {
  return requireOwned(ctx.db.selectFrom('vswitches'), regionScope(ctx), id, 'InvalidVSwitchId.NotFound');
}

export function findSecurityGroup(ctx: ActionContext, id: string): Promise<SecurityGroupRow> {
  return requireOwned(ctx.db.selectFrom('security_groups'), regionScope(ctx), id, 'InvalidSecurityGroupId.NotFound');
}

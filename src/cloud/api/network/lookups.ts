/**
 * The caller's network resources by id, in the request's region. Another
 * account's resource is answered exactly like a missing one.
 */
import type { Selectable } from 'kysely';
import type { ActionContext } from '../action.js';
import { EcsError } from '../../http/errors.js';
import type { SecurityGroupTable, VSwitchTable, VpcTable } from '../../store/schema.js';

export type VpcRow = Selectable<VpcTable>;
export type VSwitchRow = Selectable<VSwitchTable>;
export type SecurityGroupRow = Selectable<SecurityGroupTable>;

export async function findVpc(ctx: ActionContext, id: string): Promise<VpcRow> {
  const row = await ctx.db
    .selectFrom('vpcs')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .executeTakeFirst();
  if (row === undefined) throw new EcsError('InvalidVpcId.NotFound');
  return row;
}

export async function findVSwitch(ctx: ActionContext, id: string): Promise<VSwitchRow> {
  const row = await ctx.db
    .selectFrom('vswitches')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .executeTakeFirst();
  if (row === undefined) throw new EcsError('InvalidVSwitchId.NotFound');
  return row;
}

export async function findSecurityGroup(ctx: ActionContext, id: string): Promise<SecurityGroupRow> {
  const row = await ctx.db
    .selectFrom('security_groups')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .executeTakeFirst();
  if (row === undefined) throw new EcsError('InvalidSecurityGroupId.NotFound');
  return row;
}

/** `DryRun=true`: every check passed, so answer `DryRunOperation` instead of acting. */
export function stopIfDryRun(ctx: ActionContext): void {
  if (ctx.params.boolean('DryRun') === true) throw new EcsError('DryRunOperation');
}

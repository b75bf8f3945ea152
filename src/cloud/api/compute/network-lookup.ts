/**
 * Reads of the network area's rows that launching an instance needs. Another
 * account's vSwitch or security group is answered as if it did not exist.
 */
import type { Kysely, Selectable } from 'kysely';
import { EcsError } from '../errors.js';
import type { Database, SecurityGroupTable, VSwitchTable, VpcTable } from '../../store/schema.js';
import { requireOwned } from '../lookup.js';

export type VSwitchRow = Selectable<VSwitchTable>;
export type VpcRow = Selectable<VpcTable>;
export type SecurityGroupRow = Selectable<SecurityGroupTable>;

export async function findVSwitchForLaunch(
  db: Kysely<Database>,
  accountId: string,
  regionId: string,
  vSwitchId: string,
): Promise<{ vSwitch: VSwitchRow; vpc: VpcRow }> {
  const vSwitch = await requireOwned(db.selectFrom('vswitches'), { accountId, regionId }, vSwitchId, 'InvalidVSwitchId.NotFound');
  const vpc = await requireOwned(db.selectFrom('vpcs'), { accountId, regionId: undefined }, vSwitch.vpc_id, 'VpcNotFound');
  if (vpc.status !== 'Available') throw new EcsError('IncorrectVpcStatus');
  if (vSwitch.status !== 'Available') throw new EcsError('IncorrectVSwitchStatus');
  return { vSwitch, vpc };
}

/** Every id must be one of the caller's groups in the region, in the vSwitch's VPC. */
export async function findSecurityGroupsForLaunch(
  db: Kysely<Database>,
  accountId: string,
  regionId: string,
  ids: readonly string[],
  vpcId: string,
): Promise<SecurityGroupRow[]> {
  const rows = await db
    .selectFrom('security_groups')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('account_id', '=', accountId)
    .where('region_id', '=', regionId)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const found: SecurityGroupRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row === undefined) throw new EcsError('InvalidSecurityGroupId.NotFound');
    found.push(row);
  }
  for (const row of found) {
    if (row.vpc_id !== vpcId) throw new EcsError('InvalidParameter.Mismatch', 'Specified security group and virtual switch are not in the same VPC.');
  }
  return found;
}

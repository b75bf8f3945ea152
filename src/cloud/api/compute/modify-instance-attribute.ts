/**
 * ModifyInstanceAttribute: name, description, host name, deletion protection,
 * user data (kept as sent, for DescribeUserData) and the full list of
 * security groups (`SecurityGroupIds.N` replaces the instance's groups; each
 * must be the caller's and in the instance's VPC). Password and the other
 * knobs this cloud does not model are accepted and ignored. An empty field means "unchanged", as ECS treats it.
 */
import type { Updateable } from 'kysely';
import type { InstanceTable } from '../../store/schema.js';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { requireOwnInstance, type InstanceRow } from './instance-lookup.js';
import { idScope } from './scope.js';
import { checkDescription, checkHostName, checkInstanceName } from './text-rules.js';
import { MAX_USER_DATA_BYTES } from './instance-request.js';

const MAX_SECURITY_GROUPS = 5;

async function securityGroupsFor(ctx: ActionContext, instance: InstanceRow): Promise<string[] | undefined> {
  const ids = [...new Set(ctx.params.list('SecurityGroupIds').filter((id) => id !== ''))];
  if (ids.length === 0) return undefined;
  if (ids.length > MAX_SECURITY_GROUPS) throw EcsError.invalidParameter('SecurityGroupIds');
  const rows = await ctx.db
    .selectFrom('security_groups')
    .select(['id', 'vpc_id'])
    .where('id', 'in', ids)
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', instance.region_id)
    .execute();
  if (rows.length !== ids.length) throw new EcsError('InvalidSecurityGroupId.NotFound');
  if (rows.some((row) => row.vpc_id !== instance.vpc_id)) throw new EcsError('InvalidParameter.Mismatch', 'The security groups and the instance are not in the same VPC.');
  return ids;
}

export async function modifyInstanceAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), params.requiredString('InstanceId'));
  const name = params.string('InstanceName');
  if (name !== undefined) checkInstanceName(name);
  const description = params.string('Description');
  if (description !== undefined) checkDescription(description);
  const hostName = params.string('HostName');
  if (hostName !== undefined) checkHostName(hostName, instance.os_type);
  const deletionProtection = params.boolean('DeletionProtection');
  const groups = await securityGroupsFor(ctx, instance);
  params.string('Password');
  const userData = params.string('UserData');
  if (userData !== undefined && Buffer.byteLength(userData) > MAX_USER_DATA_BYTES) throw new EcsError('InvalidUserData.SizeExceeded');

  const update: Updateable<InstanceTable> = {};
  if (name !== undefined) update.instance_name = name;
  if (description !== undefined) update.description = description;
  if (hostName !== undefined) update.host_name = hostName;
  if (userData !== undefined) update.user_data = userData;
  if (deletionProtection !== undefined) update.deletion_protection = deletionProtection ? 1 : 0;
  if (Object.keys(update).length > 0) await ctx.db.updateTable('instances').set(update).where('id', '=', instance.id).execute();
  if (groups !== undefined) {
    await ctx.db.deleteFrom('instance_security_groups').where('instance_id', '=', instance.id).execute();
    await ctx.db
      .insertInto('instance_security_groups')
      .values(groups.map((securityGroupId) => ({ instance_id: instance.id, security_group_id: securityGroupId })))
      .execute();
  }
  return {};
}

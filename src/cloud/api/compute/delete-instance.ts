/**
 * DeleteInstance: a Stopped instance, or any settled one with `Force=true`
 * (a launch still Pending is `IncorrectInstanceStatus.Initializing`, which
 * terraform retries). Its system disk and the data disks marked
 * DeleteWithInstance go with it; other data disks are detached and kept.
 * Its private IP is free again once the row is gone.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { deleteTagsOf } from '../tags/tag-store.js';
import { requireOwnInstance } from './instance-lookup.js';
import { disksOfInstance } from './disk-lookup.js';
import { idScope } from './scope.js';

export async function deleteInstance(ctx: ActionContext): Promise<ActionResult> {
  const instanceId = ctx.params.requiredString('InstanceId');
  const force = ctx.params.boolean('Force') ?? false;
  ctx.params.boolean('ForceStop');
  ctx.params.boolean('TerminateSubscription');
  const dryRun = ctx.params.boolean('DryRun') ?? false;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), instanceId);
  if (Number(instance.deletion_protection) === 1) {
    throw new EcsError('InvalidOperation.DeletionProtection', 'The specified instance is protected from deletion; turn off DeletionProtection first.');
  }
  if (instance.status === 'Pending') throw new EcsError('IncorrectInstanceStatus.Initializing');
  if (!force && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  if (dryRun) throw new EcsError('DryRunOperation');

  const disks = await disksOfInstance(ctx.db, instance.id);
  const released = disks.filter((disk) => disk.type === 'system' || Number(disk.delete_with_instance) === 1).map((disk) => disk.id);
  const kept = disks.filter((disk) => !released.includes(disk.id)).map((disk) => disk.id);
  if (released.length > 0) await ctx.db.deleteFrom('disks').where('id', 'in', released).execute();
  if (kept.length > 0) {
    await ctx.db
      .updateTable('disks')
      .set({ status: 'Available', instance_id: '', device: '', detached_time: ctx.now() })
      .where('id', 'in', kept)
      .execute();
  }
  await ctx.db.deleteFrom('instance_security_groups').where('instance_id', '=', instance.id).execute();
  await ctx.db.deleteFrom('instances').where('id', '=', instance.id).execute();
  await deleteTagsOf(ctx.db, [instance.id, ...released]);
  return {};
}

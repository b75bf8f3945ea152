/**
 * DeleteDisk: only an Available disk is released (an attached one is
 * `DiskStillAttached`), and not while one of its snapshots is in progress.
 * Its snapshots stay.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { deleteTagsOf } from '../tags/tag-store.js';
import { requireOwnDisk } from './disk-lookup.js';
import { isSnapshotInProgress } from './snapshot-lookup.js';
import { idScope } from './scope.js';

export async function deleteDisk(ctx: ActionContext): Promise<ActionResult> {
  const diskId = ctx.params.requiredString('DiskId');
  const dryRun = ctx.params.boolean('DryRun') ?? false;
  const disk = await requireOwnDisk(ctx.db, idScope(ctx), diskId);
  if (disk.instance_id !== '' || disk.status === 'In_use') throw new EcsError('DiskStillAttached');
  if (disk.status !== 'Available') throw new EcsError('IncorrectDiskStatus');
  if (await isSnapshotInProgress(ctx.db, disk.id)) throw new EcsError('DiskCreatingSnapshot');
  if (dryRun) throw new EcsError('DryRunOperation');
  await ctx.db.deleteFrom('disks').where('id', '=', disk.id).execute();
  await deleteTagsOf(ctx.db, [disk.id]);
  return {};
}

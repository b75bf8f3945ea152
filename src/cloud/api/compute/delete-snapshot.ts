/**
 * DeleteSnapshot: refused while an image made from the snapshot exists
 * (`SnapshotCreatedImage`, even with `Force=true`: delete the image first),
 * and while disks created from it exist unless `Force=true`
 * (`SnapshotCreatedDisk`). A snapshot still in progress may be deleted.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { deleteTagsOf } from '../tags/tag-store.js';
import { requireOwnSnapshot } from './snapshot-lookup.js';
import { usagesOf } from './snapshot-usage.js';
import { idScope } from './scope.js';

export async function deleteSnapshot(ctx: ActionContext): Promise<ActionResult> {
  const snapshotId = ctx.params.requiredString('SnapshotId');
  const force = ctx.params.boolean('Force') ?? false;
  const dryRun = ctx.params.boolean('DryRun') ?? false;
  const snapshot = await requireOwnSnapshot(ctx.db, idScope(ctx), snapshotId);
  const usage = (await usagesOf(ctx.db, [snapshot.id])).get(snapshot.id) ?? 'none';
  if (usage === 'image' || usage === 'image_disk') throw new EcsError('SnapshotCreatedImage');
  if (usage === 'disk' && !force) throw new EcsError('SnapshotCreatedDisk');
  if (dryRun) throw new EcsError('DryRunOperation');
  await ctx.db.deleteFrom('snapshots').where('id', '=', snapshot.id).execute();
  await deleteTagsOf(ctx.db, [snapshot.id]);
  return {};
}

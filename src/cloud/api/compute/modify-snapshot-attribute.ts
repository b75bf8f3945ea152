/**
 * ModifySnapshotAttribute: name, description and retention days. An empty
 * field means "unchanged"; `DisableInstantAccess` is accepted and ignored.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { requireOwnSnapshot } from './snapshot-lookup.js';
import { idScope } from './scope.js';
import { checkDescription, checkSnapshotName } from './text-rules.js';

export async function modifySnapshotAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const snapshot = await requireOwnSnapshot(ctx.db, idScope(ctx), params.requiredString('SnapshotId'));
  const name = params.string('SnapshotName');
  if (name !== undefined) checkSnapshotName(name);
  const description = params.string('Description');
  if (description !== undefined) checkDescription(description);
  const retentionDays = params.integer('RetentionDays', { min: 1, max: 65536 });
  params.boolean('DisableInstantAccess');
  const update = {
    ...(name !== undefined ? { snapshot_name: name } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(retentionDays !== undefined ? { retention_days: retentionDays } : {}),
  };
  if (Object.keys(update).length > 0) await ctx.db.updateTable('snapshots').set(update).where('id', '=', snapshot.id).execute();
  return {};
}

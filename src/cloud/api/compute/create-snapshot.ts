/**
 * CreateSnapshot: a snapshot of one of the caller's disks that is in use (its
 * instance Running or Stopped) or was attached at least once, one at a time
 * per disk. It is `progressing` until `settings.snapshotCreationMs` have
 * passed, then `accomplished` (jobs/snapshot-creation.ts).
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { parseTags } from '../tags/tag-params.js';
import { setTags } from '../tags/tag-store.js';
import { requireOwnDisk } from './disk-lookup.js';
import { isSnapshotInProgress } from './snapshot-lookup.js';
import { startSnapshot } from './snapshot-store.js';
import { regionScope } from './scope.js';
import { checkDescription, checkSnapshotName } from './text-rules.js';

/** Accepted case-insensitively (the SDK documents `Standard`/`Flash`, DescribeSnapshots answers lowercase). */
const CATEGORIES = ['standard', 'flash'];

async function createSnapshotNow(ctx: ActionContext): Promise<ActionResult> {
  const params = ctx.params;
  const diskId = params.requiredString('DiskId');
  const name = params.string('SnapshotName');
  if (name !== undefined) checkSnapshotName(name);
  const description = params.string('Description');
  if (description !== undefined) checkDescription(description);
  const retentionDays = params.integer('RetentionDays', { min: 1, max: 65536 });
  const category = (params.string('Category') ?? 'standard').toLowerCase();
  if (!CATEGORIES.includes(category)) throw new EcsError('InvalidSnapshotCategory.Malformed');
  params.boolean('InstantAccess');
  params.integer('InstantAccessRetentionDays', { min: 1, max: 65535 });
  const tags = parseTags(params);
  const dryRun = params.boolean('DryRun') ?? false;

  const disk = await requireOwnDisk(ctx.db, regionScope(ctx), diskId);
  if (disk.instance_id === '' && disk.attached_time === null) throw new EcsError('IncorrectDiskStatus.NeverAttached');
  if (disk.instance_id !== '') {
    const instance = await ctx.db.selectFrom('instances').select('status').where('id', '=', disk.instance_id).executeTakeFirst();
    if (instance === undefined || (instance.status !== 'Running' && instance.status !== 'Stopped')) {
      throw new EcsError('IncorrectInstanceStatus');
    }
  }
  if (await isSnapshotInProgress(ctx.db, disk.id)) throw new EcsError('IncorrectDiskStatus.CreatingSnapshot');
  const resourceGroupId = await resolveResourceGroupId(ctx, params.string('ResourceGroupId'));
  if (dryRun) throw new EcsError('DryRunOperation');

  const snapshotId = await startSnapshot(ctx.db, {
    accountId: ctx.account.id,
    regionId: ctx.regionId,
    disk,
    resourceGroupId,
    snapshotName: name,
    description,
    category,
    retentionDays,
    now: ctx.now(),
    settings: ctx.settings,
  });
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'snapshot', resourceId: snapshotId, tags });
  return { SnapshotId: snapshotId };
}

export async function createSnapshot(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CreateSnapshot', () => createSnapshotNow(ctx));
}

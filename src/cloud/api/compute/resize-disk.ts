/**
 * ResizeDisk: grows a disk (never shrinks it) within its category's size range.
 * The disk must be Available or In_use; `Type` (offline / online) is accepted,
 * and both take effect at once here.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { requireOwnDisk } from './disk-lookup.js';
import { dataDiskSizeRange, systemDiskSizeRange } from '../../../domain/disk-limits.js';
import { idScope } from './scope.js';

const TYPES = ['offline', 'online'];

export function resizeDisk(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ResizeDisk', () => resizeDiskOnce(ctx));
}

async function resizeDiskOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const disk = await requireOwnDisk(ctx.db, idScope(ctx), params.requiredString('DiskId'));
  const newSize = params.integer('NewSize', { min: 1, code: 'InvalidDiskSize.NotSupported' });
  if (newSize === undefined) throw EcsError.missingParameter('NewSize');
  const type = params.string('Type') ?? 'offline';
  if (!TYPES.includes(type)) throw EcsError.invalidParameter('Type');
  if (disk.status !== 'Available' && disk.status !== 'In_use') throw new EcsError('IncorrectDiskStatus');
  const range = disk.type === 'system' ? systemDiskSizeRange(disk.category, disk.performance_level) : dataDiskSizeRange(disk.category, disk.performance_level);
  if (newSize <= Number(disk.size) || (range !== undefined && newSize > range.max)) throw new EcsError('InvalidDiskSize.NotSupported');
  await ctx.db.updateTable('disks').set({ size: newSize }).where('id', '=', disk.id).execute();
  return {};
}

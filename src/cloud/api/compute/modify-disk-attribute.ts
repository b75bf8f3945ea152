/**
 * ModifyDiskAttribute (`DiskId`, or `DiskIds.N` for several at once): name,
 * description, DeleteWithInstance, DeleteAutoSnapshot. `EnableAutoSnapshot`
 * and `BurstingEnabled` are accepted and ignored (this cloud has no automatic
 * snapshot policies). An empty field means "unchanged".
 */
import type { Updateable } from 'kysely';
import type { DiskTable } from '../../store/schema.js';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { requireOwnDisk } from './disk-lookup.js';
import { idScope } from './scope.js';
import { checkDescription, checkDiskName } from './text-rules.js';

const MAX_DISK_IDS = 100;

export async function modifyDiskAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const single = params.string('DiskId');
  const many = params.list('DiskIds').filter((id) => id !== '');
  if (single !== undefined && many.length > 0) throw new EcsError('InvalidParameter.Conflict', 'DiskId and DiskIds cannot be specified at the same time.');
  const ids = single !== undefined ? [single] : [...new Set(many)];
  if (ids.length === 0) throw EcsError.missingParameter('DiskId');
  if (ids.length > MAX_DISK_IDS) throw EcsError.invalidParameter('DiskIds');
  const name = params.string('DiskName');
  if (name !== undefined) checkDiskName(name);
  const description = params.string('Description');
  if (description !== undefined) checkDescription(description, 'InvalidDiskDescription.Malformed');
  const deleteWithInstance = params.boolean('DeleteWithInstance');
  const deleteAutoSnapshot = params.boolean('DeleteAutoSnapshot');
  params.boolean('EnableAutoSnapshot');
  params.boolean('BurstingEnabled');
  const scope = idScope(ctx);
  for (const id of ids) await requireOwnDisk(ctx.db, scope, id);

  const update: Updateable<DiskTable> = {};
  if (name !== undefined) update.disk_name = name;
  if (description !== undefined) update.description = description;
  if (deleteWithInstance !== undefined) update.delete_with_instance = deleteWithInstance ? 1 : 0;
  if (deleteAutoSnapshot !== undefined) update.delete_auto_snapshot = deleteAutoSnapshot ? 1 : 0;
  if (Object.keys(update).length > 0) await ctx.db.updateTable('disks').set(update).where('id', 'in', ids).execute();
  return {};
}

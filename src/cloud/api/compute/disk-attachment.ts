/**
 * AttachDisk and DetachDisk. A disk attaches to an instance of its zone when
 * it is Available and the instance is Running or Stopped, taking the lowest
 * free data device (`Device` is deprecated and auto-assigned); a detached
 * system disk goes back as the system disk of a Stopped instance that has
 * none. Detaching needs the disk In_use on that instance; a system disk only
 * leaves a Stopped instance. Both settle at once (no Attaching/Detaching).
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { disksOfInstance, requireOwnDisk } from './disk-lookup.js';
import { freeDataDevice, SYSTEM_DEVICE } from './disk-store.js';
import { requireOwnInstance } from './instance-lookup.js';
import { idScope } from './scope.js';

function isSettled(status: string): boolean {
  return status === 'Running' || status === 'Stopped';
}

export async function attachDisk(ctx: ActionContext): Promise<ActionResult> {
  const diskId = ctx.params.requiredString('DiskId');
  const instanceId = ctx.params.requiredString('InstanceId');
  const deleteWithInstance = ctx.params.boolean('DeleteWithInstance');
  const bootable = ctx.params.boolean('Bootable') ?? false;
  ctx.params.boolean('Force');
  const scope = idScope(ctx);
  const instance = await requireOwnInstance(ctx.db, scope, instanceId);
  const disk = await requireOwnDisk(ctx.db, scope, diskId);
  if (disk.status !== 'Available') throw new EcsError('IncorrectDiskStatus');
  if (disk.zone_id !== instance.zone_id || disk.region_id !== instance.region_id) {
    throw new EcsError('OperationDenied', 'The specified disk and instance are not in the same zone.');
  }
  if (!isSettled(instance.status)) throw new EcsError('IncorrectInstanceStatus');
  const attached = await disksOfInstance(ctx.db, instance.id);
  const hasSystemDisk = attached.some((other) => other.device === SYSTEM_DEVICE);
  let device: string | undefined;
  if (bootable || (disk.type === 'system' && !hasSystemDisk)) {
    if (disk.type !== 'system' || hasSystemDisk) throw EcsError.invalidParameter('Bootable');
    if (instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
    device = SYSTEM_DEVICE;
  } else {
    device = freeDataDevice(attached.map((other) => other.device));
    if (device === undefined) throw new EcsError('InstanceDiskLimitExceeded');
  }
  await ctx.db
    .updateTable('disks')
    .set({
      status: 'In_use',
      instance_id: instance.id,
      device,
      attached_time: ctx.now(),
      ...(deleteWithInstance === undefined ? {} : { delete_with_instance: deleteWithInstance ? 1 : 0 }),
    })
    .where('id', '=', disk.id)
    .execute();
  return {};
}

export async function detachDisk(ctx: ActionContext): Promise<ActionResult> {
  const diskId = ctx.params.requiredString('DiskId');
  const instanceId = ctx.params.requiredString('InstanceId');
  const deleteWithInstance = ctx.params.boolean('DeleteWithInstance');
  const scope = idScope(ctx);
  const instance = await requireOwnInstance(ctx.db, scope, instanceId);
  const disk = await requireOwnDisk(ctx.db, scope, diskId);
  if (disk.instance_id !== instance.id) {
    throw new EcsError(disk.status === 'Available' ? 'InvalidDisk.AlreadyDetached' : 'IncorrectDiskStatus');
  }
  if (disk.status !== 'In_use') throw new EcsError('IncorrectDiskStatus');
  const allowed = disk.device === SYSTEM_DEVICE ? instance.status === 'Stopped' : isSettled(instance.status);
  if (!allowed) throw new EcsError('IncorrectInstanceStatus');
  await ctx.db
    .updateTable('disks')
    .set({
      status: 'Available',
      instance_id: '',
      device: '',
      detached_time: ctx.now(),
      ...(deleteWithInstance === undefined ? {} : { delete_with_instance: deleteWithInstance ? 1 : 0 }),
    })
    .where('id', '=', disk.id)
    .execute();
  return {};
}

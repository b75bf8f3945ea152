/**
 * CreateDisk: a pay-as-you-go data disk in a zone, blank (`Size`) or from one
 * of the caller's accomplished snapshots (`SnapshotId`, never larger than the
 * new disk). With `InstanceId` it is created in that instance's zone and
 * attached to it (In_use); otherwise it is Available at once.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { findZone, isDiskCategoryAvailableInZone } from '../catalog/catalog.js';
import { withClientToken } from '../idempotency.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { parseTags } from '../tags/tag-params.js';
import { setTags } from '../tags/tag-store.js';
import { DATA_DISK_CATEGORIES, DEFAULT_DATA_DISK_CATEGORY, performanceLevelFor } from './disk-rules.js';
import { dataDiskSizeRange, isPerformanceLevel } from '../../../domain/disk-limits.js';
import { freeDataDevice, insertDisk } from './disk-store.js';
import { disksOfInstance } from './disk-lookup.js';
import { requireOwnInstance, type InstanceRow } from './instance-lookup.js';
import { requireOwnSnapshot } from './snapshot-lookup.js';
import { regionScope } from './scope.js';
import { checkDescription, checkDiskName } from './text-rules.js';

interface Target {
  readonly zoneId: string;
  readonly instance?: InstanceRow;
  readonly device?: string;
}

async function target(ctx: ActionContext): Promise<Target> {
  const instanceId = ctx.params.string('InstanceId');
  if (instanceId === undefined) {
    const zoneId = ctx.params.requiredString('ZoneId');
    if (findZone(ctx.regionId, zoneId) === undefined) throw new EcsError('InvalidZoneId.NotFound');
    return { zoneId };
  }
  const instance = await requireOwnInstance(ctx.db, regionScope(ctx), instanceId);
  const zoneId = ctx.params.string('ZoneId');
  if (zoneId !== undefined && zoneId !== instance.zone_id) {
    throw new EcsError('InvalidParameter.Mismatch', 'The specified zone and the zone of the instance do not match.');
  }
  if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  const device = freeDataDevice((await disksOfInstance(ctx.db, instance.id)).map((disk) => disk.device));
  if (device === undefined) throw new EcsError('InstanceDiskLimitExceeded');
  return { zoneId: instance.zone_id, instance, device };
}

async function sizeOf(ctx: ActionContext, category: string, performanceLevel: string): Promise<{ size: number; snapshotId: string }> {
  const range = dataDiskSizeRange(category, performanceLevel);
  if (range === undefined) throw new EcsError('InvalidDiskCategory.ValueNotSupported');
  const given = ctx.params.integer('Size', { code: 'InvalidDiskSize.NotSupported' });
  const snapshotId = ctx.params.string('SnapshotId');
  if (given === undefined && snapshotId === undefined) throw EcsError.missingParameter('Size');
  let size = given;
  if (snapshotId !== undefined) {
    const snapshot = await requireOwnSnapshot(ctx.db, regionScope(ctx), snapshotId);
    if (snapshot.status !== 'accomplished') throw new EcsError('InvalidSnapshot.NotReady');
    const snapshotSize = Number(snapshot.source_disk_size);
    if (size !== undefined && size < snapshotSize) throw new EcsError('InvalidDiskSize.TooSmall');
    size ??= Math.max(snapshotSize, range.min);
  }
  if (size === undefined || size < range.min || size > range.max) throw new EcsError('InvalidDiskSize.NotSupported');
  return { size, snapshotId: snapshotId ?? '' };
}

async function createDiskNow(ctx: ActionContext): Promise<ActionResult> {
  const params = ctx.params;
  const category = params.string('DiskCategory') ?? DEFAULT_DATA_DISK_CATEGORY;
  if (!(DATA_DISK_CATEGORIES as readonly string[]).includes(category)) throw new EcsError('InvalidDiskCategory.ValueNotSupported');
  const level = params.string('PerformanceLevel');
  if (level !== undefined && !isPerformanceLevel(level)) throw new EcsError('InvalidPerformanceLevel.Malformed');
  const name = params.string('DiskName');
  if (name !== undefined) checkDiskName(name);
  const description = params.string('Description');
  if (description !== undefined) checkDescription(description);
  const encrypted = params.boolean('Encrypted') ?? false;
  const deleteWithInstance = params.boolean('DeleteWithInstance');
  const tags = parseTags(params);
  const dryRun = params.boolean('DryRun') ?? false;
  const where = await target(ctx);
  if (!isDiskCategoryAvailableInZone(ctx.regionId, where.zoneId, category)) {
    throw new EcsError('InvalidDataDiskCategory.NotSupported');
  }
  const performanceLevel = performanceLevelFor(category, level);
  const { size, snapshotId } = await sizeOf(ctx, category, performanceLevel);
  const resourceGroupId = await resolveResourceGroupId(ctx, params.string('ResourceGroupId'));
  if (dryRun) throw new EcsError('DryRunOperation');
  const attachment =
    where.instance === undefined || where.device === undefined ? undefined : { instanceId: where.instance.id, device: where.device };
  const diskId = await insertDisk(ctx.db, {
    accountId: ctx.account.id,
    regionId: ctx.regionId,
    zoneId: where.zoneId,
    name: name ?? '',
    description: description ?? '',
    category,
    performanceLevel,
    size,
    type: 'data',
    imageId: '',
    sourceSnapshotId: snapshotId,
    deleteWithInstance: deleteWithInstance ?? attachment !== undefined,
    encrypted,
    resourceGroupId,
    now: ctx.now(),
    attachment,
  });
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'disk', resourceId: diskId, tags });
  return { DiskId: diskId, OrderId: '' };
}

export async function createDisk(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CreateDisk', () => createDiskNow(ctx));
}

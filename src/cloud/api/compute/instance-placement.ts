/**
 * Checks a launch request against the store and the catalog, the way ECS
 * does: the vSwitch (and its VPC) decides the zone, the security groups must
 * sit in that VPC, the instance type must exist and be sold in the zone, the
 * image must be visible, ready and compatible with the type, and the disks
 * must fit their categories, the zone and their source image or snapshots.
 */
import { EcsError } from '../errors.js';
import type { ActionContext } from '../action.js';
import { findInstanceType, isDiskCategoryAvailableInZone, isInstanceTypeAvailableInZone, type InstanceType } from '../catalog/catalog.js';
import { findLaunchableImage, type ImageRow } from './image-lookup.js';
import { findSecurityGroupsForLaunch, findVSwitchForLaunch, type VSwitchRow } from './network-lookup.js';
import type { DataDiskRequest, LaunchRequest } from './instance-request.js';
import { DEFAULT_SYSTEM_DISK_CATEGORY, defaultSystemDiskSize, performanceLevelFor } from './disk-rules.js';
import { dataDiskSizeRange, systemDiskSizeRange } from '../../../domain/disk-limits.js';
import { findOwnSnapshot } from './snapshot-lookup.js';
import { regionScope } from './scope.js';

export interface PlannedDisk {
  readonly category: string;
  readonly performanceLevel: string;
  readonly size: number;
  readonly name: string;
  readonly description: string;
  readonly snapshotId: string;
  readonly deleteWithInstance: boolean;
  readonly encrypted: boolean;
}

export interface Placement {
  readonly vSwitch: VSwitchRow;
  readonly zoneId: string;
  readonly securityGroupIds: readonly string[];
  readonly instanceType: InstanceType;
  readonly image: ImageRow;
  readonly systemDisk: PlannedDisk;
  readonly dataDisks: readonly PlannedDisk[];
}

/** Whether instances of `type` can boot `image`: architecture, NVMe and boot mode must match. */
export function imageSupportsType(image: ImageRow, type: InstanceType): boolean {
  const imageArm = image.architecture === 'arm64';
  if (imageArm !== (type.cpuArchitecture === 'ARM')) return false;
  if (type.nvmeSupport === 'required' && image.nvme_support !== 'supported') return false;
  const bootMode = image.boot_mode;
  if (bootMode === 'BIOS' || bootMode === 'UEFI') return type.bootModes.includes(bootMode);
  return true;
}

function planSystemDisk(ctx: ActionContext, request: LaunchRequest, image: ImageRow, zoneId: string): PlannedDisk {
  const spec = request.systemDisk;
  const category = spec.category ?? DEFAULT_SYSTEM_DISK_CATEGORY;
  if (!isDiskCategoryAvailableInZone(ctx.regionId, zoneId, category)) {
    throw new EcsError('InvalidSystemDiskCategory.ValueNotSupported');
  }
  const performanceLevel = performanceLevelFor(category, spec.performanceLevel);
  const range = systemDiskSizeRange(category, performanceLevel);
  const size = spec.size ?? defaultSystemDiskSize(image.size);
  if (size > range.max) throw new EcsError('InvalidSystemDiskSize.MoreThanMaxSize');
  if (size < image.size) throw new EcsError('InvalidSystemDiskSize.LessThanImageSize');
  if (size < range.min) throw new EcsError('InvalidSystemDiskSize.LessThanMinSize');
  return {
    category,
    performanceLevel,
    size,
    name: spec.name,
    description: spec.description,
    snapshotId: '',
    deleteWithInstance: true,
    encrypted: spec.encrypted,
  };
}

async function planDataDisk(ctx: ActionContext, disk: DataDiskRequest, zoneId: string): Promise<PlannedDisk> {
  if (!isDiskCategoryAvailableInZone(ctx.regionId, zoneId, disk.category)) {
    throw new EcsError('InvalidDataDiskCategory.ValueNotSupported');
  }
  const performanceLevel = performanceLevelFor(disk.category, disk.performanceLevel);
  const range = dataDiskSizeRange(disk.category, performanceLevel);
  if (range === undefined) throw new EcsError('InvalidDataDiskCategory.ValueNotSupported');
  let size = disk.size;
  if (disk.snapshotId !== undefined) {
    const snapshot = await findOwnSnapshot(ctx.db, regionScope(ctx), disk.snapshotId);
    if (snapshot === undefined) throw new EcsError('InvalidDataDiskSnapshotId.NotFound');
    if (snapshot.status !== 'accomplished') throw new EcsError('InvalidSnapshotId.NotReady');
    if (size !== undefined && size < snapshot.source_disk_size) throw new EcsError('InvalidDiskSize.TooSmall');
    size ??= Math.max(snapshot.source_disk_size, range.min);
  }
  if (size === undefined || size < range.min || size > range.max) {
    throw new EcsError('InvalidDataDiskSize.ValueNotSupported');
  }
  return {
    category: disk.category,
    performanceLevel,
    size,
    name: disk.name,
    description: disk.description,
    snapshotId: disk.snapshotId ?? '',
    deleteWithInstance: disk.deleteWithInstance,
    encrypted: disk.encrypted,
  };
}

export async function placeInstances(ctx: ActionContext, request: LaunchRequest): Promise<Placement> {
  const { vSwitch, vpc } = await findVSwitchForLaunch(ctx.db, ctx.account.id, ctx.regionId, request.vSwitchId);
  if (request.zoneId !== undefined && request.zoneId !== vSwitch.zone_id) {
    throw new EcsError('InvalidParameter.Mismatch', 'Specified virtual switch is not in the specified zone.');
  }
  const zoneId = vSwitch.zone_id;
  await findSecurityGroupsForLaunch(ctx.db, ctx.account.id, ctx.regionId, request.securityGroupIds, vpc.id);
  const instanceType = findInstanceType(request.instanceType);
  if (instanceType === undefined) throw new EcsError('InvalidInstanceType.ValueNotSupported');
  if (!isInstanceTypeAvailableInZone(ctx.regionId, zoneId, instanceType.instanceTypeId)) {
    throw new EcsError('InvalidInstanceType.ZoneNotSupported');
  }
  const image = await findLaunchableImage(ctx.db, ctx.account.id, ctx.regionId, request.imageId);
  if (!imageSupportsType(image, instanceType)) throw new EcsError('ImageNotSupportInstanceType');
  const systemDisk = planSystemDisk(ctx, request, image, zoneId);
  const dataDisks: PlannedDisk[] = [];
  for (const disk of request.dataDisks) dataDisks.push(await planDataDisk(ctx, disk, zoneId));
  return { vSwitch, zoneId, securityGroupIds: request.securityGroupIds, instanceType, image, systemDisk, dataDisks };
}

/**
 * The three things CreateImage can make an image from, in the API's order of
 * precedence: an instance (a new snapshot of each of its disks), disk device
 * mappings (snapshots and empty disks), or one system-disk snapshot. Each
 * resolver checks its source as ECS does and returns the disks the image
 * will list, plus the snapshots to create on the way.
 */
import type { Insertable, Selectable } from 'kysely';
import type { ActionContext } from '../action.js';
import { EcsError } from '../errors.js';
import type { Params } from '../params.js';
import type { SnapshotTable } from '../../store/schema.js';
import {
  deviceLetter,
  planDiskMappings,
  type DiskMappingPlan,
  type DiskMappingRequest,
  type PlannedDisk,
  type SnapshotFacts,
} from '../../../domain/disk-mapping.js';
import { snapshotTooOldProblem } from '../../../domain/snapshot-rules.js';
import { regionScope, requireOwned } from '../lookup.js';
import { findImageInRegion, type ImageRow } from './image-lookup.js';
import { newSnapshotRow } from '../compute/snapshot-store.js';

type SnapshotRow = Selectable<SnapshotTable>;

export interface ResolvedSource {
  readonly disks: readonly PlannedDisk[];
  /** Snapshots to insert (instance sources), each marked as made for the new image. */
  readonly newSnapshots: readonly Insertable<SnapshotTable>[];
  readonly sourceInstanceId: string;
  readonly sourceSnapshotId: string;
  /** The image the source instance runs, whose attributes the new image inherits. */
  readonly parentImage?: ImageRow;
}

export function hasDiskDeviceMappings(params: Params): boolean {
  return params.objectList('DiskDeviceMapping').length > 0;
}

function snapshotFacts(row: SnapshotRow): SnapshotFacts {
  return {
    id: row.id,
    sizeGiB: Number(row.source_disk_size),
    sourceDiskType: row.source_disk_type.toLowerCase() === 'system' ? 'system' : 'data',
    category: row.source_disk_category,
    createdAt: Number(row.creation_time),
  };
}

/** An accomplished snapshot of the caller in the region, or ECS's error. */
async function usableSnapshot(ctx: ActionContext, snapshotId: string): Promise<SnapshotRow> {
  const row = await requireOwned(ctx.db.selectFrom('snapshots'), regionScope(ctx), snapshotId, 'InvalidSnapshotId.NotFound');
  if (row.status !== 'accomplished') throw new EcsError('InvalidSnapshotId.NotReady');
  return row;
}

function unwrapPlan(plan: DiskMappingPlan): readonly PlannedDisk[] {
  if (plan.ok) return plan.disks;
  switch (plan.problem.kind) {
    case 'disk-type-invalid':
      throw new EcsError('InvalidDiskType.ValueNotSupported');
    case 'device-malformed':
      throw new EcsError('InvalidDevice.Malformed');
    case 'device-in-use':
      throw new EcsError('InvalidDevice.InUse');
    case 'size-out-of-range':
      throw new EcsError('InvalidSize.ValueNotSupported');
    case 'snapshot-too-old':
      throw new EcsError('InvalidSnapshot.TooOld');
    case 'too-many-data-disks':
      throw EcsError.invalidParameter('DiskDeviceMapping');
    case 'no-system-snapshot':
      throw new EcsError(
        'OperationDenied',
        'The specified parameter DiskDeviceMapping.n.SnapshotId does not contain system disk snapshot.',
      );
    case 'several-system-disks':
      throw new EcsError(
        'OperationDenied',
        'The specified parameter DiskDeviceMapping.n.SnapshotId contains two or more system disk snapshots.',
      );
  }
}

function mappingSize(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new EcsError('InvalidSize.ValueNotSupported');
  const size = Number(raw.trim());
  return size === 0 ? undefined : size;
}

export async function fromDiskDeviceMappings(ctx: ActionContext): Promise<ResolvedSource> {
  const entries = ctx.params.objectList('DiskDeviceMapping');
  const requests: DiskMappingRequest[] = [];
  for (const entry of entries) {
    const snapshotId = entry['SnapshotId'];
    const snapshot = snapshotId === undefined || snapshotId === '' ? undefined : await usableSnapshot(ctx, snapshotId);
    const request: DiskMappingRequest = {
      device: entry['Device'] ?? '',
      diskType: entry['DiskType'] ?? '',
      size: mappingSize(entry['Size']),
      ...(snapshot === undefined ? {} : { snapshot: snapshotFacts(snapshot) }),
    };
    requests.push(request);
  }
  const disks = unwrapPlan(planDiskMappings(requests));
  return { disks, newSnapshots: [], sourceInstanceId: '', sourceSnapshotId: disks[0]?.snapshotId ?? '' };
}

export async function fromSnapshot(ctx: ActionContext, snapshotId: string): Promise<ResolvedSource> {
  const snapshot = await usableSnapshot(ctx, snapshotId);
  const facts = snapshotFacts(snapshot);
  if (snapshotTooOldProblem(facts.id, facts.createdAt) !== undefined) throw new EcsError('InvalidSnapshot.TooOld');
  if (facts.sourceDiskType !== 'system') {
    throw new EcsError('OperationDenied', 'The specified snapshot is not from system disk.');
  }
  const disks = unwrapPlan(planDiskMappings([{ snapshot: facts }]));
  return { disks, newSnapshots: [], sourceInstanceId: '', sourceSnapshotId: snapshot.id };
}

/**
 * The instance must be Running or Stopped. Each of its disks gets a new
 * snapshot, `progressing` until the image job finishes, marked as made for
 * `imageId` so DescribeSnapshots and the provider's delete_auto_snapshot can
 * tell them apart from the user's own.
 */
export async function fromInstance(ctx: ActionContext, instanceId: string, imageId: string): Promise<ResolvedSource> {
  const instance = await requireOwned(ctx.db.selectFrom('instances'), regionScope(ctx), instanceId, 'InvalidInstanceId.NotFound');
  if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');

  const disks = await ctx.db
    .selectFrom('disks')
    .selectAll()
    .where('instance_id', '=', instance.id)
    .where('account_id', '=', ctx.account.id)
    .orderBy('type', 'desc') // "system" sorts after "data": system first
    .orderBy('device')
    .execute();
  for (const disk of disks) {
    if (disk.status !== 'In_use') throw new EcsError('IncorrectDiskStatus');
  }

  const now = ctx.now();
  const newSnapshots: Insertable<SnapshotTable>[] = [];
  const requests: DiskMappingRequest[] = [];
  for (const disk of disks) {
    const diskType = disk.type === 'system' ? 'system' : 'data';
    const snapshot = newSnapshotRow({
      accountId: ctx.account.id,
      regionId: ctx.regionId,
      disk: { id: disk.id, type: disk.type, size: Number(disk.size), category: disk.category },
      resourceGroupId: disk.resource_group_id,
      description: `Created for image ${imageId}`,
      createdForImageId: imageId,
      now,
      availableAt: now + ctx.settings.imageCreationMs,
    });
    const snapshotId = snapshot.id;
    newSnapshots.push(snapshot);
    requests.push({
      device: deviceLetter(disk.device, disk.category) === undefined ? '' : disk.device,
      diskType,
      size: Number(disk.size),
      snapshot: { id: snapshotId, sizeGiB: Number(disk.size), sourceDiskType: diskType, category: disk.category, createdAt: now },
    });
  }
  const planned = unwrapPlan(planDiskMappings(requests));
  const parentImage = await findImageInRegion(ctx.db, ctx.regionId, instance.image_id);
  return {
    disks: planned,
    newSnapshots,
    sourceInstanceId: instance.id,
    sourceSnapshotId: '',
    ...(parentImage === undefined ? {} : { parentImage }),
  };
}

/**
 * One disk as DescribeDisks renders it: every field of the SDK's
 * `DescribeDisksResponseBodyDisksDisk`, including the ones this cloud does
 * not model (auto-snapshot policy, multi-attach, storage sets) at their
 * defaults. IOPS and throughput follow the published per-category formulas.
 */
import type { EcsTag } from '../tags/tag-store.js';
import type { DiskRow } from './disk-lookup.js';
import { isoSeconds, isoSecondsOrEmpty } from './time-format.js';

interface Performance {
  readonly iops: number;
  readonly throughput: number;
}

const ESSD_LIMITS: Readonly<Record<string, { readonly base: number; readonly perGiB: number; readonly max: number }>> = {
  PL0: { base: 1800, perGiB: 12, max: 10000 },
  PL1: { base: 1800, perGiB: 50, max: 50000 },
  PL2: { base: 1800, perGiB: 50, max: 100000 },
  PL3: { base: 1800, perGiB: 50, max: 1000000 },
};

function performanceOf(category: string, level: string, size: number): Performance {
  switch (category) {
    case 'cloud_essd': {
      const limits = ESSD_LIMITS[level] ?? { base: 1800, perGiB: 50, max: 50000 };
      return { iops: Math.min(limits.base + limits.perGiB * size, limits.max), throughput: Math.min(120 + Math.floor(size / 2), 350) };
    }
    case 'cloud_ssd':
      return { iops: Math.min(1800 + 30 * size, 25000), throughput: Math.min(120 + Math.floor(size / 2), 300) };
    case 'cloud_efficiency':
      return { iops: Math.min(1800 + 8 * size, 5000), throughput: Math.min(100 + Math.floor(size / 7.5), 140) };
    case 'cloud_auto':
    case 'cloud_essd_entry':
      return { iops: Math.min(1800 + 50 * size, 6000), throughput: Math.min(120 + Math.floor(size / 2), 150) };
    default:
      return { iops: 300, throughput: 30 };
  }
}

export function renderDisk(row: DiskRow, tags: readonly EcsTag[]): Record<string, unknown> {
  const size = Number(row.size);
  const performance = performanceOf(row.category, row.performance_level, size);
  const attached = row.instance_id !== '';
  const attachedTime = isoSecondsOrEmpty(row.attached_time);
  const attachments = attached ? [{ InstanceId: row.instance_id, Device: row.device, AttachedTime: attachedTime }] : [];
  return {
    DiskId: row.id,
    DiskName: row.disk_name,
    Description: row.description,
    RegionId: row.region_id,
    ZoneId: row.zone_id,
    Category: row.category,
    PerformanceLevel: row.performance_level,
    Size: size,
    Type: row.type,
    Status: row.status,
    InstanceId: row.instance_id,
    Device: row.device,
    Attachments: { Attachment: attachments },
    MountInstances: { MountInstance: attachments },
    MountInstanceNum: attachments.length,
    MultiAttach: 'Disabled',
    ImageId: row.image_id,
    SourceSnapshotId: row.source_snapshot_id,
    SourceDiskId: '',
    DataSource: { Id: row.source_snapshot_id, Type: row.source_snapshot_id === '' ? '' : 'snapshot' },
    DeleteWithInstance: Number(row.delete_with_instance) === 1,
    DeleteAutoSnapshot: Number(row.delete_auto_snapshot) === 1,
    EnableAutoSnapshot: true,
    EnableAutomatedSnapshotPolicy: false,
    AutoSnapshotPolicyId: '',
    Encrypted: Number(row.encrypted) === 1,
    KMSKeyId: '',
    Portable: row.type === 'data',
    DiskChargeType: row.disk_charge_type,
    ExpiredTime: '',
    ResourceGroupId: row.resource_group_id,
    CreationTime: isoSeconds(row.creation_time),
    AttachedTime: attachedTime,
    DetachedTime: isoSecondsOrEmpty(row.detached_time),
    IOPS: performance.iops,
    IOPSRead: Math.floor(performance.iops / 2),
    IOPSWrite: Math.floor(performance.iops / 2),
    Throughput: performance.throughput,
    ThroughputRead: Math.floor(performance.throughput / 2),
    ThroughputWrite: Math.floor(performance.throughput / 2),
    BurstingEnabled: false,
    ProvisionedIops: 0,
    OperationLocks: { OperationLock: [] },
    Placement: { ZoneIds: '' },
    ProductCode: '',
    SerialNumber: row.id.slice(2),
    BdfId: '',
    StorageClusterId: '',
    StorageSetId: '',
    StorageSetPartitionNumber: 0,
    Tags: { Tag: [...tags] },
  };
}

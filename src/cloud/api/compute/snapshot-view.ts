/**
 * One snapshot as DescribeSnapshots renders it: every field of the SDK's
 * `DescribeSnapshotsResponseBodySnapshotsSnapshot`. `Progress` is a
 * percentage string and `SourceDiskSize` a string of GiB, as ECS sends them.
 */
import type { EcsTag } from '../tags/tag-store.js';
import { snapshotProgress } from '../../jobs/snapshot-creation.js';
import type { SnapshotRow } from './snapshot-lookup.js';
import type { SnapshotUsage } from './snapshot-usage.js';
import { isoSeconds } from './time-format.js';

const GIB = 1024 ** 3;

export function renderSnapshot(row: SnapshotRow, usage: SnapshotUsage, tags: readonly EcsTag[], now: number): Record<string, unknown> {
  const progress = snapshotProgress(row, now);
  const remainMs = row.status === 'progressing' && row.available_at !== null ? Math.max(0, Number(row.available_at) - now) : 0;
  const size = Number(row.source_disk_size);
  return {
    SnapshotId: row.id,
    SnapshotName: row.snapshot_name,
    Description: row.description,
    RegionId: row.region_id,
    SourceRegionId: '',
    SourceSnapshotId: '',
    SourceDiskId: row.source_disk_id,
    SourceDiskSize: String(size),
    SourceDiskType: row.source_disk_type,
    SourceStorageType: 'disk',
    Status: row.status,
    Progress: `${progress}%`,
    RemainTime: Math.ceil(remainMs / 1000),
    Available: row.status === 'accomplished',
    Category: row.category,
    SnapshotType: 'user',
    Usage: usage,
    RetentionDays: Number(row.retention_days),
    InstantAccess: false,
    InstantAccessRetentionDays: 0,
    Encrypted: Number(row.encrypted) === 1,
    KMSKeyId: row.kms_key_id,
    FullSnapshotSizeInBytes: row.status === 'accomplished' ? size * GIB : 0,
    ProductCode: '',
    SnapshotSN: `64${row.id.slice(2)}`,
    SnapshotLinkId: `sl-${row.source_disk_id.slice(2)}`,
    ResourceGroupId: row.resource_group_id,
    CreationTime: isoSeconds(row.creation_time),
    LastModifiedTime: isoSeconds(row.status === 'accomplished' ? Number(row.available_at ?? row.creation_time) : row.creation_time),
    Tags: { Tag: [...tags] },
  };
}

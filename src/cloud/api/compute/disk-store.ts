/**
 * Writing disk rows, for CreateDisk and for the disks an instance is launched
 * with, and the device names ECS hands out: `/dev/xvda` for the system disk,
 * then `/dev/xvdb` … `/dev/xvdq` for up to 16 data disks, lowest free first
 * (AttachDisk's `Device` is deprecated and auto-assigned, ecs-api.md).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { newId } from '../../../domain/ids.js';
import { MAX_DATA_DISKS } from '../../../domain/disk-limits.js';

export const SYSTEM_DEVICE = '/dev/xvda';

export const DATA_DEVICES: readonly string[] = Array.from(
  { length: MAX_DATA_DISKS },
  (_, index) => `/dev/xvd${String.fromCharCode('b'.charCodeAt(0) + index)}`,
);

/** The lowest data device not in `used`, or undefined when all 16 are taken. */
export function freeDataDevice(used: Iterable<string>): string | undefined {
  const taken = new Set(used);
  return DATA_DEVICES.find((device) => !taken.has(device));
}

export interface NewDisk {
  readonly accountId: string;
  readonly regionId: string;
  readonly zoneId: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly performanceLevel: string;
  readonly size: number;
  readonly type: 'system' | 'data';
  readonly imageId: string;
  readonly sourceSnapshotId: string;
  readonly deleteWithInstance: boolean;
  readonly encrypted: boolean;
  readonly resourceGroupId: string;
  readonly now: number;
  /** A subscription instance's disks are launched PrePaid with it; PostPaid otherwise. */
  readonly chargeType?: string;
  /** Attached from the start (disks created with an instance), or Available. */
  readonly attachment?: { readonly instanceId: string; readonly device: string };
}

export async function insertDisk(db: Kysely<Database>, disk: NewDisk): Promise<string> {
  const id = newId('disk', disk.regionId);
  await db
    .insertInto('disks')
    .values({
      id,
      account_id: disk.accountId,
      region_id: disk.regionId,
      zone_id: disk.zoneId,
      disk_name: disk.name,
      description: disk.description,
      category: disk.category,
      performance_level: disk.performanceLevel,
      size: disk.size,
      type: disk.type,
      status: disk.attachment === undefined ? 'Available' : 'In_use',
      instance_id: disk.attachment?.instanceId ?? '',
      device: disk.attachment?.device ?? '',
      image_id: disk.imageId,
      source_snapshot_id: disk.sourceSnapshotId,
      delete_with_instance: disk.deleteWithInstance ? 1 : 0,
      delete_auto_snapshot: 1,
      encrypted: disk.encrypted ? 1 : 0,
      resource_group_id: disk.resourceGroupId,
      creation_time: disk.now,
      attached_time: disk.attachment === undefined ? null : disk.now,
      detached_time: null,
      disk_charge_type: disk.chargeType ?? 'PostPaid',
    })
    .execute();
  return id;
}

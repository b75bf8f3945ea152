/**
 * Snapshot rows, written one way. `newSnapshotRow` is every new snapshot's row, a
 * `progressing` one: CreateSnapshot's, and those CreateImage (one per disk of an instance)
 * and CopyImage (one per source snapshot, in the destination region) make for an image.
 * `startSnapshot` inserts CreateSnapshot's with the durable job that accomplishes it after
 * `settings.snapshotCreationMs`; an image's snapshots are inserted with the image and
 * accomplished by the image's own job (`jobs/image-creation.ts`).
 */
import type { Insertable, Kysely } from 'kysely';
import type { CloudSettings } from '../action.js';
import type { Database, SnapshotTable } from '../../store/schema.js';
import { newId } from '../../../domain/ids.js';
import { scheduleSnapshotCompletion } from '../../jobs/snapshot-creation.js';
import type { DiskRow } from './disk-lookup.js';

export interface NewSnapshot {
  readonly accountId: string;
  readonly regionId: string;
  /** The disk it is taken of (for a copy: the disk the copied snapshot was taken of). */
  readonly disk: Pick<DiskRow, 'id' | 'type' | 'size' | 'category'>;
  readonly resourceGroupId: string;
  readonly snapshotName?: string;
  readonly description?: string;
  /** `standard` (default) or `flash`. */
  readonly category?: string;
  /** 0: kept until deleted. */
  readonly retentionDays?: number;
  /** The image this snapshot is taken for (CreateImage), or absent for a user snapshot. */
  readonly createdForImageId?: string;
  readonly now: number;
  /** When it is planned to be accomplished. */
  readonly availableAt: number;
}

/** A new progressing snapshot's row, with a new id. */
export function newSnapshotRow(input: NewSnapshot): Insertable<SnapshotTable> & { readonly id: string } {
  return {
    id: newId('snapshot', input.regionId),
    account_id: input.accountId,
    region_id: input.regionId,
    snapshot_name: input.snapshotName ?? '',
    description: input.description ?? '',
    source_disk_id: input.disk.id,
    source_disk_type: input.disk.type === 'system' ? 'System' : 'Data',
    source_disk_size: input.disk.size,
    source_disk_category: input.disk.category,
    status: 'progressing',
    progress: 0,
    category: input.category ?? 'standard',
    retention_days: input.retentionDays ?? 0,
    created_for_image_id: input.createdForImageId ?? '',
    resource_group_id: input.resourceGroupId,
    creation_time: input.now,
    available_at: input.availableAt,
  };
}

export type StartSnapshotInput = Omit<NewSnapshot, 'availableAt' | 'createdForImageId'> & { readonly settings: CloudSettings };

/** CreateSnapshot: inserts a progressing snapshot of `disk` and schedules its completion; returns its id. */
export async function startSnapshot(db: Kysely<Database>, input: StartSnapshotInput): Promise<string> {
  const availableAt = input.now + Math.max(0, input.settings.snapshotCreationMs);
  const row = newSnapshotRow({ ...input, availableAt });
  await db.insertInto('snapshots').values(row).execute();
  await scheduleSnapshotCompletion(db, { accountId: input.accountId, snapshotId: row.id, availableAt, now: input.now });
  return row.id;
}

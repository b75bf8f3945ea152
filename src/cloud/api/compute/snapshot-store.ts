/**
 * Writing snapshot rows. `startSnapshot` is the one way a snapshot comes to
 * exist, for CreateSnapshot and for other areas (CreateImage from an
 * instance takes one snapshot per disk): it inserts the `progressing` row and
 * the durable job that accomplishes it after `settings.snapshotCreationMs`.
 */
import type { Kysely } from 'kysely';
import type { CloudSettings } from '../action.js';
import type { Database } from '../../store/schema.js';
import { newId } from '../../../domain/ids.js';
import { scheduleSnapshotCompletion } from '../../jobs/snapshot-creation.js';
import type { DiskRow } from './disk-lookup.js';

export interface StartSnapshotInput {
  readonly accountId: string;
  readonly regionId: string;
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
  readonly settings: CloudSettings;
}

/** Inserts a progressing snapshot of `disk` and schedules its completion; returns its id. */
export async function startSnapshot(db: Kysely<Database>, input: StartSnapshotInput): Promise<string> {
  const id = newId('snapshot', input.regionId);
  const availableAt = input.now + Math.max(0, input.settings.snapshotCreationMs);
  await db
    .insertInto('snapshots')
    .values({
      id,
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
      available_at: availableAt,
    })
    .execute();
  await scheduleSnapshotCompletion(db, { accountId: input.accountId, snapshotId: id, availableAt, now: input.now });
  return id;
}

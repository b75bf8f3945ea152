/** Writes a new image with its disk rows and the snapshots made for it. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, ImageTable, SnapshotTable } from '../../store/schema.js';
import type { PlannedDisk } from '../../../domain/disk-mapping.js';

export interface NewImage {
  readonly image: Insertable<ImageTable>;
  readonly disks: readonly PlannedDisk[];
  /** Per disk, by position: whether it is encrypted (none when absent). */
  readonly encryptedDisks?: readonly boolean[];
  readonly newSnapshots: readonly Insertable<SnapshotTable>[];
}

export async function insertImage(db: Kysely<Database>, input: NewImage): Promise<void> {
  await db.insertInto('images').values(input.image).execute();
  if (input.disks.length > 0) {
    await db
      .insertInto('image_disks')
      .values(
        input.disks.map((disk, position) => ({
          image_id: input.image.id,
          position,
          device: disk.device,
          disk_type: disk.diskType,
          size: disk.size,
          snapshot_id: disk.snapshotId,
          format: '',
          import_oss_bucket: '',
          import_oss_object: '',
          progress: '0%',
          remain_time: 0,
          encrypted: input.encryptedDisks?.[position] === true ? 1 : 0,
        })),
      )
      .execute();
  }
  if (input.newSnapshots.length > 0) await db.insertInto('snapshots').values([...input.newSnapshots]).execute();
}

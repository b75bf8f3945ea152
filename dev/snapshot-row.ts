/**
 * A snapshot written straight into a cloud's store, for tests and benches that
 * need a source to make images from without the VPC → instance → disk →
 * snapshot chain (which is not their subject), or one the API cannot make at
 * all (a snapshot from 2013). Finished (`accomplished`) unless said otherwise.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/cloud/store/schema.js';
import { newId } from '../src/domain/ids.js';

export interface SnapshotRow {
  readonly accountId: string;
  readonly regionId: string;
  readonly name?: string;
  readonly description?: string;
  readonly diskType?: 'System' | 'Data';
  /** GiB of the source disk (default 40). */
  readonly size?: number;
  readonly category?: string;
  readonly status?: string;
  /** Epoch ms (default a minute ago). */
  readonly creationTime?: number;
}

/** Inserts the snapshot of a disk that never existed; its id. */
export async function insertSnapshotRow(db: Kysely<Database>, row: SnapshotRow): Promise<string> {
  const id = newId('snapshot', row.regionId);
  await db
    .insertInto('snapshots')
    .values({
      id,
      account_id: row.accountId,
      region_id: row.regionId,
      snapshot_name: row.name ?? 'fixture',
      description: row.description ?? '',
      source_disk_id: newId('disk', row.regionId),
      source_disk_type: row.diskType ?? 'System',
      source_disk_size: row.size ?? 40,
      source_disk_category: row.category ?? 'cloud_essd',
      status: row.status ?? 'accomplished',
      progress: 100,
      category: 'standard',
      retention_days: 0,
      created_for_image_id: '',
      resource_group_id: '',
      creation_time: row.creationTime ?? Date.now() - 60_000,
      available_at: null,
    })
    .execute();
  return id;
}

/**
 * A finished system-disk snapshot written straight into the store: the source
 * the benches make images from, without the VPC → instance → snapshot chain
 * (which is not what they measure).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/cloud/store/schema.js';
import { newId } from '../../src/domain/ids.js';

export async function seedSourceSnapshot(db: Kysely<Database>, accountId: string, regionId: string): Promise<string> {
  const id = newId('snapshot', regionId);
  await db
    .insertInto('snapshots')
    .values({
      id,
      account_id: accountId,
      region_id: regionId,
      snapshot_name: 'bench-source',
      description: 'system disk snapshot the benches make images from',
      source_disk_id: newId('disk', regionId),
      source_disk_type: 'System',
      source_disk_size: 40,
      source_disk_category: 'cloud_essd',
      status: 'accomplished',
      progress: 100,
      category: 'standard',
      retention_days: 0,
      created_for_image_id: '',
      resource_group_id: '',
      creation_time: Date.now() - 3_600_000,
      available_at: null,
    })
    .execute();
  return id;
}

/**
 * Writes the public images into every region, once: a restart finds them and
 * inserts nothing. Disk rows are shared across regions (same image id).
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { listRegions } from '../api/catalog/catalog.js';
import { SYSTEM_ACCOUNT_ID, SYSTEM_IMAGES, type SystemImage } from '../api/catalog/system-images.js';

export async function seedSystemImages(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ id: SYSTEM_ACCOUNT_ID, name: 'system', created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const region of listRegions()) {
    await db
      .insertInto('images')
      .values(SYSTEM_IMAGES.map((image) => imageRow(image, region.regionId)))
      .onConflict((oc) => oc.columns(['id', 'region_id']).doNothing())
      .execute();
  }
  await db
    .insertInto('image_disks')
    .values(
      SYSTEM_IMAGES.map((image) => ({
        image_id: image.imageId,
        position: 0,
        device: '/dev/xvda',
        disk_type: 'system',
        size: image.size,
        snapshot_id: '',
        format: '',
        import_oss_bucket: '',
        import_oss_object: '',
        progress: '100%',
        remain_time: 0,
      })),
    )
    .onConflict((oc) => oc.columns(['image_id', 'position']).doNothing())
    .execute();
}

function imageRow(image: SystemImage, regionId: string): Insertable<Database['images']> {
  return {
    id: image.imageId,
    account_id: SYSTEM_ACCOUNT_ID,
    region_id: regionId,
    image_name: image.imageName,
    description: image.description,
    image_family: image.imageFamily,
    image_version: image.imageVersion,
    image_owner_alias: 'system',
    architecture: image.architecture,
    platform: image.platform,
    os_type: image.osType,
    os_name: image.osName,
    os_name_en: image.osNameEn,
    boot_mode: image.bootMode,
    size: image.size,
    status: 'Available',
    progress: 100,
    usable: 1,
    is_public: 1,
    source_instance_id: '',
    source_snapshot_id: '',
    license_type: '',
    detection_strategy: '',
    nvme_support: image.nvmeSupport,
    imds_support: 'v2',
    resource_group_id: '',
    failure_code: '',
    failure_message: '',
    creation_time: image.creationTime,
    available_at: image.creationTime,
  };
}

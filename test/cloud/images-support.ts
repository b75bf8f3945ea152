/**
 * Helpers for the image tests: polling DescribeImages, asserting ECS error
 * codes as the SDK raises them, and — where the compute actions are not the
 * subject — source snapshots and instances written straight into the store
 * (a snapshot from 2013 cannot be made through the API at all).
 */
import { DescribeImagesRequest, type DescribeImagesResponseBodyImagesImage } from '@alicloud/ecs20140526';
import { newId } from '../../src/domain/ids.js';
import { instanceRow } from '../support/store-rows.js';
import type { EcsClient, TestCloud } from '../support/cloud.js';

export interface SnapshotFixture {
  readonly accountId?: string;
  readonly regionId?: string;
  readonly diskType?: 'System' | 'Data';
  readonly size?: number;
  readonly category?: string;
  readonly status?: string;
  readonly creationTime?: number;
}

export async function insertSnapshot(tc: TestCloud, fixture: SnapshotFixture = {}): Promise<string> {
  const regionId = fixture.regionId ?? tc.regionId;
  const id = newId('snapshot', regionId);
  const accountId = fixture.accountId ?? tc.accountId;
  await tc.cloud.store.db
    .insertInto('snapshots')
    .values({
      id,
      account_id: accountId,
      region_id: regionId,
      snapshot_name: 'fixture',
      description: '',
      source_disk_id: newId('disk', regionId),
      source_disk_type: fixture.diskType ?? 'System',
      source_disk_size: fixture.size ?? 40,
      source_disk_category: fixture.category ?? 'cloud_essd',
      status: fixture.status ?? 'accomplished',
      progress: 100,
      category: 'standard',
      retention_days: 0,
      created_for_image_id: '',
      resource_group_id: '',
      creation_time: fixture.creationTime ?? Date.now() - 60_000,
      available_at: null,
    })
    .execute();
  return id;
}

export interface InstanceFixture {
  readonly accountId?: string;
  readonly status?: string;
  readonly imageId?: string;
  readonly dataDisks?: number;
}

/** An instance with a 40 GiB ESSD system disk and `dataDisks` 100 GiB data disks. */
export async function insertInstance(tc: TestCloud, fixture: InstanceFixture = {}): Promise<string> {
  const db = tc.cloud.store.db;
  const regionId = tc.regionId;
  const accountId = fixture.accountId ?? tc.accountId;
  const id = newId('instance', regionId);
  const now = Date.now();
  await db
    .insertInto('instances')
    .values(
      instanceRow({
        id,
        account_id: accountId,
        region_id: regionId,
        zone_id: `${regionId}-h`,
        image_id: fixture.imageId ?? 'ubuntu_22_04_x64_20G_alibase_20240220.vhd',
        os_name: 'Ubuntu 22.04 64位',
        status: fixture.status ?? 'Running',
        creation_time: now,
        status_changed_at: now,
      }),
    )
    .execute();
  const disks = [{ type: 'system', size: 40, device: '/dev/xvda' }];
  for (let index = 0; index < (fixture.dataDisks ?? 0); index += 1) {
    disks.push({ type: 'data', size: 100, device: `/dev/xvd${String.fromCharCode(98 + index)}` });
  }
  for (const disk of disks) {
    await db
      .insertInto('disks')
      .values({
        id: newId('disk', regionId),
        account_id: accountId,
        region_id: regionId,
        zone_id: `${regionId}-h`,
        disk_name: '',
        description: '',
        category: 'cloud_essd',
        performance_level: 'PL0',
        size: disk.size,
        type: disk.type,
        status: 'In_use',
        instance_id: id,
        device: disk.device,
        image_id: '',
        source_snapshot_id: '',
        delete_with_instance: 1,
        delete_auto_snapshot: 0,
        encrypted: 0,
        resource_group_id: '',
        creation_time: now,
        attached_time: now,
        detached_time: null,
      })
      .execute();
  }
  return id;
}

export async function describeImage(
  ecs: EcsClient,
  imageId: string,
  regionId = 'cn-hangzhou',
): Promise<DescribeImagesResponseBodyImagesImage | undefined> {
  const response = await ecs.describeImages(new DescribeImagesRequest({ regionId, imageId, status: 'ALL' }));
  return response.body?.images?.image?.[0];
}

/** Polls (as the provider's waiter does) until the image satisfies `done`. */
export async function waitForImage(
  ecs: EcsClient,
  imageId: string,
  done: (image: DescribeImagesResponseBodyImagesImage) => boolean,
  timeoutMs = 15_000,
  regionId = 'cn-hangzhou',
): Promise<DescribeImagesResponseBodyImagesImage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = await describeImage(ecs, imageId, regionId);
    if (image !== undefined && done(image)) return image;
    if (Date.now() > deadline) throw new Error(`image ${imageId} did not settle: ${JSON.stringify(image)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export { expectEcsError } from '../support/sdk-error.js';

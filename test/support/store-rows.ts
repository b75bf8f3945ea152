/**
 * Rows written straight into a test cloud's store, where the action that
 * would make them is not the subject of the test (or cannot make them at all:
 * a snapshot from 2013 cannot be made through the API).
 */
import type { Insertable } from 'kysely';
import type { InstanceTable } from '../../src/cloud/store/schema.js';
import { newId } from '../../src/domain/ids.js';
import { insertSnapshotRow, type SnapshotRow } from '../../dev/snapshot-row.js';
import type { TestCloud } from './cloud.js';

type Required = 'id' | 'account_id' | 'region_id' | 'zone_id' | 'image_id';

/** A Running ecs.g7.large Linux instance named `fixture`, outside any VPC unless `fields` say otherwise. */
export function instanceRow(fields: Pick<Insertable<InstanceTable>, Required> & Partial<Insertable<InstanceTable>>): Insertable<InstanceTable> {
  const now = Date.now();
  return {
    instance_name: 'fixture',
    description: '',
    host_name: 'fixture',
    instance_type: 'ecs.g7.large',
    cpu: 2,
    memory: 8192,
    os_type: 'linux',
    os_name: 'Ubuntu 22.04 64 bit',
    vpc_id: '',
    vswitch_id: '',
    private_ip: '',
    status: 'Running',
    internet_max_bandwidth_out: 0,
    internet_charge_type: 'PayByTraffic',
    instance_charge_type: 'PostPaid',
    key_pair_name: '',
    deletion_protection: 0,
    resource_group_id: '',
    creation_time: now,
    status_changed_at: now,
    ...fields,
  };
}

export type SnapshotFixture = Partial<Omit<SnapshotRow, 'name' | 'description'>>;

/** A snapshot of the test cloud's default account and region unless `fixture` says otherwise (see dev/snapshot-row.ts). */
export function insertSnapshot(tc: TestCloud, fixture: SnapshotFixture = {}): Promise<string> {
  return insertSnapshotRow(tc.cloud.store.db, { accountId: tc.accountId, regionId: tc.regionId, ...fixture });
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

/**
 * Helpers for the network and tag SDK tests: read an SDK error's code and
 * status, and put an instance into a vSwitch and security groups. The
 * instance is written straight into the store (the row RunInstances writes)
 * so that the dependency rules can be tested without the compute area.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/cloud/store/schema.js';
import { newId } from '../../src/domain/ids.js';

export { sdkError, type SdkFailure } from '../support/sdk-error.js';

export interface InstanceFixture {
  readonly accountId: string;
  readonly regionId: string;
  readonly zoneId: string;
  readonly vpcId: string;
  readonly vswitchId: string;
  readonly securityGroupIds: readonly string[];
  readonly privateIp: string;
}

export async function insertInstance(db: Kysely<Database>, fixture: InstanceFixture): Promise<string> {
  const id = newId('instance', fixture.regionId);
  const now = Date.now();
  await db
    .insertInto('instances')
    .values({
      id,
      account_id: fixture.accountId,
      region_id: fixture.regionId,
      zone_id: fixture.zoneId,
      instance_name: 'fixture',
      description: '',
      host_name: 'fixture',
      instance_type: 'ecs.g7.large',
      cpu: 2,
      memory: 8192,
      image_id: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
      os_type: 'linux',
      os_name: 'Ubuntu 22.04 64 bit',
      vpc_id: fixture.vpcId,
      vswitch_id: fixture.vswitchId,
      private_ip: fixture.privateIp,
      status: 'Running',
      internet_max_bandwidth_out: 0,
      internet_charge_type: 'PayByTraffic',
      instance_charge_type: 'PostPaid',
      key_pair_name: '',
      deletion_protection: 0,
      resource_group_id: '',
      creation_time: now,
      status_changed_at: now,
    })
    .execute();
  for (const groupId of fixture.securityGroupIds) {
    await db.insertInto('instance_security_groups').values({ instance_id: id, security_group_id: groupId }).execute();
  }
  return id;
}

export async function deleteInstance(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('instance_security_groups').where('instance_id', '=', id).execute();
  await db.deleteFrom('instances').where('id', '=', id).execute();
}

/**
 * Helpers for the network and tag SDK tests: read an SDK error's code and
 * status, and put an instance into a vSwitch and security groups. The
 * instance is written straight into the store (the row RunInstances writes)
 * so that the dependency rules can be tested without the compute area.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/cloud/store/schema.js';
import { newId } from '../../src/domain/ids.js';
import { instanceRow } from '../support/store-rows.js';

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
  await db
    .insertInto('instances')
    .values(
      instanceRow({
        id,
        account_id: fixture.accountId,
        region_id: fixture.regionId,
        zone_id: fixture.zoneId,
        image_id: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
        vpc_id: fixture.vpcId,
        vswitch_id: fixture.vswitchId,
        private_ip: fixture.privateIp,
      }),
    )
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

/**
 * Rows written straight into a test cloud's store, where the action that
 * would make them is not the subject of the test (or cannot make them at all).
 */
import type { Insertable } from 'kysely';
import type { InstanceTable } from '../../src/cloud/store/schema.js';

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

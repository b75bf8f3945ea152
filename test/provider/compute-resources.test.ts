/**
 * `alicloud_instance`, `alicloud_disk`, `alicloud_disk_attachment` and `alicloud_ecs_snapshot`
 * with real terraform: create (an instance created Stopped with a data disk, a standalone
 * disk attached to it, a snapshot of that disk), in-place updates (start, rename, security
 * groups, bandwidth, tags, disk growth, snapshot rename — no replacement), clean plans,
 * import of all of them into a second workspace with a clean plan, destroy leaving nothing,
 * and plan-time validation naming the attribute.
 */
import { describe, expect, it } from 'vitest';
import * as $Ecs from '@alicloud/ecs20140526';
import { createTerraformWorkspace, diagnostics, useTerraformScenario } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';

interface Version {
  readonly name: string;
  readonly status: 'Running' | 'Stopped';
  readonly groups: string;
  readonly bandwidth: number;
  readonly diskSize: number;
  readonly env: string;
}

function compute(v: Version): string {
  return `
resource "alicloud_vpc" "main" {
  vpc_name   = "compute"
  cidr_block = "10.2.0.0/16"
}
resource "alicloud_vswitch" "main" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.2.1.0/24"
  zone_id    = "cn-hangzhou-h"
}
resource "alicloud_security_group" "a" {
  security_group_name = "sg-a"
  vpc_id              = alicloud_vpc.main.id
}
resource "alicloud_security_group" "b" {
  security_group_name = "sg-b"
  vpc_id              = alicloud_vpc.main.id
}

resource "alicloud_instance" "main" {
  instance_name              = "${v.name}"
  image_id                   = "ubuntu_22_04_x64_20G_alibase_20240220.vhd"
  instance_type              = "ecs.g7.large"
  security_groups            = [${v.groups}]
  vswitch_id                 = alicloud_vswitch.main.id
  system_disk_category       = "cloud_essd"
  system_disk_size           = 40
  internet_max_bandwidth_out = ${v.bandwidth}
  status                     = "${v.status}"
  tags                       = { Env = "${v.env}" }
  data_disks {
    name     = "data-one"
    size     = 20
    category = "cloud_essd"
  }
}

resource "alicloud_disk" "extra" {
  zone_id   = "cn-hangzhou-h"
  category  = "cloud_essd"
  size      = ${v.diskSize}
  disk_name = "extra-${v.name}"
  tags      = { Env = "${v.env}" }
}

resource "alicloud_disk_attachment" "extra" {
  disk_id     = alicloud_disk.extra.id
  instance_id = alicloud_instance.main.id
}

resource "alicloud_ecs_snapshot" "extra" {
  disk_id       = alicloud_disk_attachment.extra.disk_id
  snapshot_name = "snap-${v.name}"
  description   = "snapshot of ${v.name}"
  tags          = { Env = "${v.env}" }
}
`;
}

describe('compute resources', () => {
  const scenario = useTerraformScenario({ workspaces: 2 });

  it('creates, updates in place, imports with a clean plan, and destroys', async () => {
    const first: Version = { name: 'one', status: 'Stopped', groups: 'alicloud_security_group.a.id', bandwidth: 0, diskSize: 20, env: 'test' };
    scenario.tf.write(compute(first));
    const created = await scenario.tf.apply();
    expect(created.code, diagnostics(created)).toBe(0);
    const before = await scenario.tf.state();
    const instance = before.resource('alicloud_instance.main').values;
    expect(instance).toMatchObject({ status: 'Stopped', system_disk_size: 40, system_disk_category: 'cloud_essd', public_ip: '' });
    expect(instance['data_disks']).toEqual([expect.objectContaining({ name: 'data-one', size: 20, category: 'cloud_essd', delete_with_instance: true })]);
    expect(before.resource('alicloud_disk_attachment.extra').values['device']).toMatch(/^\/dev\/xvd[c-z]$/);
    expect(before.resource('alicloud_ecs_snapshot.extra').values).toMatchObject({ status: 'accomplished', snapshot_name: 'snap-one' });
    const noDiff = await scenario.tf.run(['plan', '-detailed-exitcode']);
    expect(noDiff.code, diagnostics(noDiff)).toBe(0);

    const second: Version = {
      name: 'two',
      status: 'Running',
      groups: 'alicloud_security_group.a.id, alicloud_security_group.b.id',
      bandwidth: 5,
      diskSize: 40,
      env: 'prod',
    };
    scenario.tf.write(compute(second));
    const plan = await scenario.tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes.map((change) => [change.address, change.actions])).toEqual([
      ['alicloud_disk.extra', ['update']],
      ['alicloud_ecs_snapshot.extra', ['update']],
      ['alicloud_instance.main', ['update']],
    ]);
    const updated = await scenario.tf.apply();
    expect(updated.code, diagnostics(updated)).toBe(0);
    const clean = await scenario.tf.run(['plan', '-detailed-exitcode']);
    expect(clean.code, diagnostics(clean)).toBe(0);

    const after = await scenario.tf.state();
    const instanceId = String(after.resource('alicloud_instance.main').values['id']);
    const described = await scenario.cloud.ecsClient().describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: scenario.cloud.regionId, instanceIds: JSON.stringify([instanceId]) }),
    );
    const remote = described.body?.instances?.instance?.[0];
    expect(remote).toMatchObject({ status: 'Running', instanceName: 'two', internetMaxBandwidthOut: 5 });
    expect(remote?.securityGroupIds?.securityGroupId).toHaveLength(2);
    expect(String(after.resource('alicloud_instance.main').values['public_ip'])).not.toBe('');
    expect(after.resource('alicloud_disk.extra').values).toMatchObject({ size: 40, disk_name: 'extra-two', status: 'In_use' });

    const ids = Object.fromEntries(after.resources.map((resource) => [resource.address, String(resource.values['id'])]));
    scenario.workspaces[1]!.write(
      compute(second) +
        Object.entries(ids)
          .map(([address, id]) => `import {\n  to = ${address}\n  id = "${id}"\n}\n`)
          .join(''),
    );
    const importPlan = await scenario.workspaces[1]!.plan();
    expect(importPlan.code, diagnostics(importPlan)).toBe(0);
    expect(importPlan.changes).toEqual([]);

    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    await expectAccountEmpty(scenario.cloud);
  });

  it('rejects invalid arguments at plan time, naming the attribute', async () => {
    const bad = createTerraformWorkspace({ cloud: scenario.cloud });
    try {
      bad.write(`
resource "alicloud_instance" "bad" {
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240220.vhd"
  instance_type   = "ecs.g7.large"
  security_groups = ["sg-1"]
  status          = "Paused"
  data_disks {
    size     = 20
    category = "floppy"
  }
}
resource "alicloud_disk" "bad" {
  zone_id              = "cn-hangzhou-h"
  availability_zone    = "cn-hangzhou-h"
  performance_level    = "PL9"
}
resource "alicloud_ecs_snapshot" "bad" {
  disk_id       = "d-123"
  snapshot_name = "auto-made"
  category      = "slow"
}
`);
      const planned = await bad.run(['plan']);
      expect(planned.code).toBe(1);
      const raw = diagnostics(planned);
      const text = raw.replace(/\s+/g, ' ');
      expect(text).toContain('expected status to be one of ["Running" "Stopped"], got "Paused"');
      expect(text).toContain('expected data_disks.0.category to be one of');
      expect(raw).toMatch(/with alicloud_instance\.bad,\n.*\n.*category = "floppy"/);
      expect(text).toContain('"zone_id": conflicts with availability_zone');
      expect(text).toContain('expected performance_level to be one of ["PL0" "PL1" "PL2" "PL3"], got "PL9"');
      expect(text).toContain('invalid value for snapshot_name (cannot start with "auto"), got "auto-made"');
      expect(text).toContain('expected category to be one of ["standard" "flash"], got "slow"');
    } finally {
      bad.remove();
    }
  });
});

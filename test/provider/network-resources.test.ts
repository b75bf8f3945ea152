/**
 * `alicloud_vpc`, `alicloud_vswitch` and `alicloud_security_group` with real terraform:
 * create, in-place update (names, descriptions, CIDR block, tags — no replacement), a clean
 * plan after each apply, import of all three into a second workspace with a clean plan,
 * destroy leaving nothing, and plan-time validation naming the attribute.
 */
import { describe, expect, it } from 'vitest';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { createTerraformWorkspace, diagnostics, useTerraformScenario } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';

function network(v: { name: string; description: string; vpcCidr: string; env: string }): string {
  return `
resource "alicloud_vpc" "main" {
  vpc_name    = "vpc-${v.name}"
  cidr_block  = "${v.vpcCidr}"
  description = "${v.description}"
  tags        = { Env = "${v.env}" }
}

resource "alicloud_vswitch" "main" {
  vpc_id       = alicloud_vpc.main.id
  cidr_block   = "10.1.1.0/24"
  zone_id      = "cn-hangzhou-h"
  vswitch_name = "vsw-${v.name}"
  description  = "${v.description}"
  tags         = { Env = "${v.env}" }
}

resource "alicloud_security_group" "main" {
  security_group_name = "sg-${v.name}"
  vpc_id              = alicloud_vpc.main.id
  description         = "${v.description}"
  tags                = { Env = "${v.env}" }
}
`;
}

describe('network resources', () => {
  const scenario = useTerraformScenario({ workspaces: 2 });

  it('creates, updates in place, imports with a clean plan, and destroys', async () => {
    scenario.tf.write(network({ name: 'one', description: 'first network', vpcCidr: '10.1.0.0/16', env: 'test' }));
    const created = await scenario.tf.apply();
    expect(created.code, diagnostics(created)).toBe(0);
    const before = await scenario.tf.state();
    const vpcId = String(before.resource('alicloud_vpc.main').values['id']);
    expect(before.resource('alicloud_vpc.main').values).toMatchObject({ vpc_name: 'vpc-one', name: 'vpc-one', status: 'Available', tags: { Env: 'test' } });
    expect(String(before.resource('alicloud_vpc.main').values['route_table_id'])).toMatch(/^vtb-/);

    scenario.tf.write(network({ name: 'two', description: 'second network', vpcCidr: '10.0.0.0/8', env: 'prod' }));
    const plan = await scenario.tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes.map((change) => [change.address, change.actions])).toEqual([
      ['alicloud_security_group.main', ['update']],
      ['alicloud_vpc.main', ['update']],
      ['alicloud_vswitch.main', ['update']],
    ]);
    const updated = await scenario.tf.apply();
    expect(updated.code, diagnostics(updated)).toBe(0);
    const clean = await scenario.tf.run(['plan', '-detailed-exitcode']);
    expect(clean.code, diagnostics(clean)).toBe(0);

    // The cloud saw the changes (not just the state).
    const vpc = await scenario.cloud.vpcClient().describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId: scenario.cloud.regionId, vpcId }));
    expect(vpc.body).toMatchObject({ vpcName: 'vpc-two', description: 'second network', cidrBlock: '10.0.0.0/8' });
    expect(vpc.body?.tags?.tag).toEqual([expect.objectContaining({ key: 'Env', value: 'prod' })]);
    const after = await scenario.tf.state();
    const groupId = String(after.resource('alicloud_security_group.main').values['id']);
    const groups = await scenario.cloud.ecsClient().describeSecurityGroups(new $Ecs.DescribeSecurityGroupsRequest({ regionId: scenario.cloud.regionId, securityGroupId: groupId }));
    expect(groups.body?.securityGroups?.securityGroup?.[0]).toMatchObject({ securityGroupName: 'sg-two', description: 'second network' });

    // Import all three into another workspace: the plan shows nothing to change.
    const ids = Object.fromEntries(after.resources.map((resource) => [resource.address, String(resource.values['id'])]));
    scenario.workspaces[1]!.write(
      network({ name: 'two', description: 'second network', vpcCidr: '10.0.0.0/8', env: 'prod' }) +
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
resource "alicloud_vpc" "bad" {
  cidr_block = "10.0.0.0/30"
  vpc_name   = "https://example.com"
}
resource "alicloud_vswitch" "bad" {
  vpc_id            = "vpc-123"
  cidr_block        = "10.0.0.0/24"
  zone_id           = "cn-hangzhou-h"
  availability_zone = "cn-hangzhou-h"
}
resource "alicloud_security_group" "bad" {
  security_group_type = "premium"
  name                = "x"
}
`);
      const planned = await bad.run(['plan']);
      expect(planned.code).toBe(1);
      const raw = diagnostics(planned);
      // terraform wraps messages at 80 columns
      const text = raw.replace(/\s+/g, ' ');
      expect(text).toContain('expected cidr_block to contain a network Value with between 8 and 28 significant bits, got: 30');
      expect(text).toContain('vpc_name cannot start with http:// or https://');
      expect(raw).toMatch(/with alicloud_vpc\.bad,\n.*\n.*cidr_block = "10\.0\.0\.0\/30"/);
      expect(text).toContain('"zone_id": only one of `zone_id,availability_zone` can be specified');
      expect(text).toContain('expected security_group_type to be one of ["normal" "enterprise"], got "premium"');
      expect(text).toContain('expected length of name to be in the range (2 - 128), got "x"');
    } finally {
      bad.remove();
    }
  });
});

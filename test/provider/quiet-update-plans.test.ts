/**
 * In-place update plans with the real terraform (issue 14, provider item 9): a description
 * change of a VPC, a vSwitch and a security group plans nothing as "(known after apply)" —
 * status, names left unset, resource groups and the like cannot change in such an update —
 * while a new name marks the deprecated `name` mirror unknown, because it does change.
 * Requires `npm run build`.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario, type PlannedChange } from '../support/terraform.js';
import { unknownPaths } from './plan-output.js';

function network(description: string, vpcName = 'vpc-quiet'): string {
  return `
resource "alicloud_vpc" "main" {
  vpc_name    = "${vpcName}"
  cidr_block  = "10.2.0.0/16"
  description = "${description}"
}

resource "alicloud_vswitch" "main" {
  vpc_id      = alicloud_vpc.main.id
  cidr_block  = "10.2.1.0/24"
  zone_id     = "cn-hangzhou-h"
  description = "${description}"
}

resource "alicloud_security_group" "main" {
  vpc_id      = alicloud_vpc.main.id
  description = "${description}"
}
`;
}


function unknownsByAddress(changes: readonly PlannedChange[]): Record<string, string[]> {
  return Object.fromEntries(changes.map((change) => [change.address, unknownPaths(change.afterUnknown)]));
}

describe('in-place update plans of the network resources', () => {
  const scenario = useTerraformScenario();

  it('show "(known after apply)" only for what the update may change', async () => {
    const tf = scenario.tf;
    tf.write(network('first description'));
    const created = await tf.apply();
    expect(created.code, diagnostics(created)).toBe(0);

    tf.write(network('second description'));
    const described = await tf.plan();
    expect(described.code, diagnostics(described)).toBe(0);
    expect(described.changes.map((change) => change.actions)).toEqual([['update'], ['update'], ['update']]);
    expect(unknownsByAddress(described.changes)).toEqual({
      'alicloud_security_group.main': [],
      'alicloud_vpc.main': [],
      'alicloud_vswitch.main': [],
    });
    const updated = await tf.apply();
    expect(updated.code, diagnostics(updated)).toBe(0);

    tf.write(network('second description', 'vpc-renamed'));
    const renamed = await tf.plan();
    expect(renamed.code, diagnostics(renamed)).toBe(0);
    expect(unknownsByAddress(renamed.changes)).toEqual({ 'alicloud_vpc.main': ['name'] });
    expect(renamed.changes[0]?.after).toMatchObject({ vpc_name: 'vpc-renamed', status: 'Available', cidr_block: '10.2.0.0/16' });

    const destroyed = await tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
  });
});

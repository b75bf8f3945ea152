/**
 * `alibabacloudstack_image` and the provider configuration: every conflict and documented
 * rule fails `terraform plan` with the attribute named, before any cloud object is made; a
 * resource set the organization does not have fails at configuration on `resource_group`.
 * Requires `npm run build`.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';

const HEADER = `terraform {
  required_providers {
    alibabacloudstack = { source = "aliyun/alibabacloudstack" }
  }
}
`;

const manyTags = `{ ${Array.from({ length: 21 }, (_, i) => `k${i} = "v"`).join(', ')} }`;

/** Resource name → body; each breaks one rule. */
const INVALID: Readonly<Record<string, string>> = {
  instance_and_snapshot: 'instance_id = "i-abc"\n  snapshot_id = "s-abc"',
  instance_and_disks: 'instance_id = "i-abc"\n  disk_device_mapping {\n    snapshot_id = "s-abc"\n  }',
  snapshot_and_disks: 'snapshot_id = "s-abc"\n  disk_device_mapping {\n    snapshot_id = "s-abc"\n  }',
  name_starts_with_digit: 'snapshot_id = "s-abc"\n  image_name = "1image"',
  name_too_short: 'snapshot_id = "s-abc"\n  image_name = "a"',
  name_with_url: 'snapshot_id = "s-abc"\n  image_name = "https://image"',
  description_too_short: 'snapshot_id = "s-abc"\n  description = "x"',
  description_with_url: 'snapshot_id = "s-abc"\n  description = "http://example.com/image"',
  too_many_tags: `snapshot_id = "s-abc"\n  tags = ${manyTags}`,
  size_too_small: 'disk_device_mapping {\n    snapshot_id = "s-abc"\n    size = 4\n  }',
  size_too_large: 'disk_device_mapping {\n    snapshot_id = "s-abc"\n    size = 2001\n  }',
  bad_timeout: 'snapshot_id = "s-abc"\n  timeouts {\n    create = "10 minutes"\n  }',
};

/** What terraform must print for each (the rule and the attribute it names). */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  instance_and_snapshot: ['"instance_id": conflicts with snapshot_id', '"snapshot_id": conflicts with instance_id'],
  instance_and_disks: ['"instance_id": conflicts with disk_device_mapping', '"disk_device_mapping": conflicts with instance_id'],
  snapshot_and_disks: ['"snapshot_id": conflicts with disk_device_mapping', '"disk_device_mapping": conflicts with snapshot_id'],
  name_starts_with_digit: ['invalid value for image_name (the image name must start with a letter or a Chinese character), got "1image"'],
  name_too_short: ['invalid value for image_name (the image name must be 2 to 128 characters long (got 1))'],
  name_with_url: ['invalid value for image_name (the image name must not contain "http://" or "https://"), got "https://image"'],
  description_too_short: ['invalid value for description (the description must be 2 to 256 characters long (got 1))'],
  description_with_url: ['invalid value for description (the description must not start with "http://" or "https://")'],
  too_many_tags: ['tags: an image carries at most 20 tags, got 21'],
  size_too_small: ['expected disk_device_mapping.0.size to be in the range (5 - 2000), got 4'],
  size_too_large: ['expected disk_device_mapping.0.size to be in the range (5 - 2000), got 2001'],
  bad_timeout: ['Error parsing "create" timeout'],
};

describe('plan-time errors of alibabacloudstack_image', { timeout: 240_000 }, () => {
  const scenario = useTerraformScenario({
    provider: 'alibabacloudstack',
    env: async (tc) => {
      const resourceGroup = (
        await tc.cloud.store.db.selectFrom('resource_groups').select('id').where('account_id', '=', tc.accountId).where('name', '=', 'dev').executeTakeFirstOrThrow()
      ).id;
      return { ALIBABACLOUDSTACK_DEPARTMENT: tc.accountId, ALIBABACLOUDSTACK_RESOURCE_GROUP: resourceGroup };
    },
  });

  const imageCount = async (): Promise<number> =>
    (await scenario.cloud.cloud.store.db.selectFrom('images').select('id').where('account_id', '=', scenario.cloud.accountId).execute()).length;

  it('reports every conflict and broken rule, each at its resource and attribute', async () => {
    scenario.tf.write(HEADER + Object.entries(INVALID).map(([name, body]) => `resource "alibabacloudstack_image" "${name}" {\n  ${body}\n}\n`).join('\n'));
    const planned = await scenario.tf.plan();
    expect(planned.code).not.toBe(0);
    // Terraform wraps long lines; compare with single spaces.
    const out = diagnostics(planned).replace(/\s+/g, ' ');
    for (const [name, messages] of Object.entries(EXPECTED)) {
      expect(out, name).toContain(`with alibabacloudstack_image.${name},`);
      for (const message of messages) expect(out, name).toContain(message);
    }
    // The attribute's own line is what terraform underlines.
    expect(out).toMatch(/in resource "alibabacloudstack_image" "name_starts_with_digit": \d+: image_name = "1image"/);
    expect(await imageCount()).toBe(0);
  });

  it('accepts a name that starts with a Chinese character, and needs an image source', async () => {
    scenario.tf.write(`${HEADER}resource "alibabacloudstack_image" "nameless_source" {\n  image_name = "镜像-ok"\n}\n`);
    const planned = await scenario.tf.plan();
    expect(planned.code).not.toBe(0);
    const out = diagnostics(planned).replace(/\s+/g, ' ');
    expect(out).toContain('no image source');
    expect(out).toContain('Set one of instance_id, snapshot_id or disk_device_mapping');
    expect(out).not.toContain('image_name');
  });

  it('refuses a resource set the organization does not have, at configuration', async () => {
    scenario.tf.write(`${HEADER}resource "alibabacloudstack_image" "a" {\n  snapshot_id = "s-abc"\n}\n`);
    const planned = await scenario.tf.plan([], { env: { ALIBABACLOUDSTACK_RESOURCE_GROUP: 'rg-acfmnothere0000' } });
    expect(planned.code).not.toBe(0);
    const out = diagnostics(planned).replace(/\s+/g, ' ');
    expect(out).toContain('InvalidResourceGroup.NotFound');
    expect(out).toContain('resource_group');
  });
});

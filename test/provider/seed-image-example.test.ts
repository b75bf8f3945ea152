/**
 * The seed's Example Usage (`alicloud_image` from an instance, with the zones, instance
 * types, images and resource groups data sources and the VPC, vSwitch, security group and
 * instance around it), with real terraform against a fresh local cloud. The only change
 * to the seed: `random_integer` is a variable, since no other provider can be downloaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, diagnostics, useTerraformScenario } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';

/** The seed example as users run it: `examples/image-from-instance/` (main.tf + variables.tf). */
const EXAMPLE_DIR = join(REPO_ROOT, 'examples', 'image-from-instance');

describe('seed 000: alicloud_image Example Usage', () => {
  const scenario = useTerraformScenario();

  beforeAll(() => {
    for (const file of readdirSync(EXAMPLE_DIR).filter((name) => name.endsWith('.tf'))) {
      scenario.tf.writeFile(file, readFileSync(join(EXAMPLE_DIR, file), 'utf8'));
    }
  });

  it('applies, plans again with no changes, and destroys everything', async () => {
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);

    const state = await scenario.tf.state();
    const instance = state.resource('alicloud_instance.default').values;
    expect(instance).toMatchObject({ status: 'Running', instance_type: 'ecs.sn1ne.large', internet_max_bandwidth_out: 10 });
    expect(String(instance['image_id'])).toMatch(/^ubuntu_18_04_x64_/);
    expect(String(instance['public_ip'])).not.toBe('');
    const image = state.resource('alicloud_image.default').values;
    expect(image).toMatchObject({ image_name: 'terraform-example-10000', status: 'Available', tags: { FinanceDept: 'FinanceDeptJoshua' } });
    expect(state.resource('alicloud_vswitch.default').values).toMatchObject({ zone_id: 'cn-hangzhou-g', availability_zone: 'cn-hangzhou-g' });
    expect(state.resource('alicloud_security_group.default').values).toMatchObject({ name: 'terraform-example', security_group_name: 'terraform-example' });

    const again = await scenario.tf.run(['plan', '-detailed-exitcode']);
    expect(again.code, diagnostics(again)).toBe(0);

    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    await expectAccountEmpty(scenario.cloud);
  });
});

/**
 * The seed's Example Usage (`alicloud_image` from an instance, with the zones, instance
 * types, images and resource groups data sources and the VPC, vSwitch, security group and
 * instance around it), with real terraform against a fresh local cloud. The only change
 * to the seed: `random_integer` is a variable, since no other provider can be downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { createTerraformWorkspace, diagnostics, ensureProviderBuilt, type TerraformWorkspace } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';

export const SEED_EXAMPLE = `
variable "name_suffix" {
  type    = number
  default = 10000
}

data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}

data "alicloud_instance_types" "default" {
  instance_type_family = "ecs.sn1ne"
}

data "alicloud_images" "default" {
  name_regex = "^ubuntu_18.*64"
  owners     = "system"
}

resource "alicloud_vpc" "default" {
  vpc_name   = "terraform-example"
  cidr_block = "172.17.3.0/24"
}

resource "alicloud_vswitch" "default" {
  vswitch_name = "terraform-example"
  cidr_block   = "172.17.3.0/24"
  vpc_id       = alicloud_vpc.default.id
  zone_id      = data.alicloud_zones.default.zones.0.id
}

resource "alicloud_security_group" "default" {
  name   = "terraform-example"
  vpc_id = alicloud_vpc.default.id
}

resource "alicloud_instance" "default" {
  availability_zone          = data.alicloud_zones.default.zones.0.id
  instance_name              = "terraform-example"
  security_groups            = [alicloud_security_group.default.id]
  vswitch_id                 = alicloud_vswitch.default.id
  instance_type              = data.alicloud_instance_types.default.ids[0]
  image_id                   = data.alicloud_images.default.ids[0]
  internet_max_bandwidth_out = 10
}
data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_image" "default" {
  instance_id       = alicloud_instance.default.id
  image_name        = "terraform-example-\${var.name_suffix}"
  description       = "terraform-example"
  architecture      = "x86_64"
  resource_group_id = data.alicloud_resource_manager_resource_groups.default.ids.0
  tags = {
    FinanceDept = "FinanceDeptJoshua"
  }
}
`;

describe('seed 000: alicloud_image Example Usage', () => {
  let cloud: TestCloud;
  let tf: TerraformWorkspace;

  beforeAll(async () => {
    ensureProviderBuilt();
    cloud = await startTestCloud();
    tf = createTerraformWorkspace({ cloud });
    tf.write(SEED_EXAMPLE);
  });

  afterAll(async () => {
    tf?.remove();
    await cloud?.close();
  });

  it('applies, plans again with no changes, and destroys everything', async () => {
    const applied = await tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);

    const state = await tf.state();
    const instance = state.resource('alicloud_instance.default').values;
    expect(instance).toMatchObject({ status: 'Running', instance_type: 'ecs.sn1ne.large', internet_max_bandwidth_out: 10 });
    expect(String(instance['image_id'])).toMatch(/^ubuntu_18_04_x64_/);
    expect(String(instance['public_ip'])).not.toBe('');
    const image = state.resource('alicloud_image.default').values;
    expect(image).toMatchObject({ image_name: 'terraform-example-10000', status: 'Available', tags: { FinanceDept: 'FinanceDeptJoshua' } });
    expect(state.resource('alicloud_vswitch.default').values).toMatchObject({ zone_id: 'cn-hangzhou-g', availability_zone: 'cn-hangzhou-g' });
    expect(state.resource('alicloud_security_group.default').values).toMatchObject({ name: 'terraform-example', security_group_name: 'terraform-example' });

    const again = await tf.run(['plan', '-detailed-exitcode']);
    expect(again.code, diagnostics(again)).toBe(0);

    const destroyed = await tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    await expectAccountEmpty(cloud);
  });
});

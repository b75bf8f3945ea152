/**
 * The data sources around images with real terraform: `alicloud_zones`,
 * `alicloud_instance_types`, `alicloud_images` and `alicloud_resource_manager_resource_groups`
 * — their filters against the local cloud's catalogue, and plan-time validation.
 */
import { describe, expect, it } from 'vitest';
import { createTerraformWorkspace, diagnostics, useTerraformScenario } from '../support/terraform.js';

const CONFIG = `
data "alicloud_zones" "instance" {
  available_resource_creation = "Instance"
  enable_details              = true
}
data "alicloud_zones" "essd_entry" {
  available_disk_category = "cloud_essd_entry"
}
data "alicloud_instance_types" "sn1ne" {
  instance_type_family = "ecs.sn1ne"
}
data "alicloud_instance_types" "small" {
  availability_zone = "cn-hangzhou-h"
  cpu_core_count    = 2
  memory_size       = 8
}
data "alicloud_instance_types" "for_arm_image" {
  image_id = "ubuntu_22_04_arm64_20G_alibase_20240220.vhd"
}
data "alicloud_images" "ubuntu" {
  name_regex = "^ubuntu_18.*64"
  owners     = "system"
}
data "alicloud_images" "arm_newest" {
  owners       = "system"
  architecture = "arm64"
  most_recent  = true
}
data "alicloud_resource_manager_resource_groups" "all" {}

output "zones" { value = data.alicloud_zones.instance }
output "essd_entry_zones" { value = data.alicloud_zones.essd_entry.ids }
output "sn1ne" { value = data.alicloud_instance_types.sn1ne }
output "small" { value = data.alicloud_instance_types.small.instance_types }
output "for_arm_image" { value = data.alicloud_instance_types.for_arm_image.instance_types }
output "ubuntu" { value = data.alicloud_images.ubuntu.ids }
output "arm_newest" { value = data.alicloud_images.arm_newest.images }
output "groups" { value = data.alicloud_resource_manager_resource_groups.all }
`;

type Outputs = Record<string, { value: unknown }>;

describe('data sources', () => {
  const scenario = useTerraformScenario({ workspaces: 0 });

  it('filter the catalogue as the real data sources do', async () => {
    const tf = createTerraformWorkspace({ cloud: scenario.cloud });
    try {
      tf.write(CONFIG);
      const applied = await tf.apply();
      expect(applied.code, diagnostics(applied)).toBe(0);
      const shown = await tf.run(['output', '-json']);
      const outputs = JSON.parse(shown.stdout) as Outputs;
      const value = <T>(name: string): T => outputs[name]!.value as T;

      const zones = value<{ ids: string[]; zones: { id: string; local_name: string; available_instance_types: string[] }[] }>('zones');
      expect(zones.ids).toEqual(['cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
      expect(zones.zones[0]!.local_name).not.toBe('');
      expect(zones.zones[0]!.available_instance_types).toContain('ecs.sn1ne.large');
      expect(value<string[]>('essd_entry_zones')).not.toContain('cn-hangzhou-g');

      const sn1ne = value<{ ids: string[]; instance_types: { cpu_core_count: number; family: string }[] }>('sn1ne');
      expect(sn1ne.ids[0]).toBe('ecs.sn1ne.large');
      expect(sn1ne.instance_types.every((type) => type.family === 'ecs.sn1ne')).toBe(true);
      const cpus = sn1ne.instance_types.map((type) => type.cpu_core_count);
      expect(cpus).toEqual([...cpus].sort((a, b) => a - b));

      const small = value<{ cpu_core_count: number; memory_size: number; availability_zones: string[] }[]>('small');
      expect(small.length).toBeGreaterThan(0);
      expect(small.every((type) => type.cpu_core_count === 2 && type.memory_size === 8 && type.availability_zones.includes('cn-hangzhou-h'))).toBe(true);

      const forArm = value<{ id: string }[]>('for_arm_image');
      expect(forArm.length).toBeGreaterThan(0);
      expect(forArm.every((type) => /^ecs\.(g8y|c8y|r8y|g6r|c6r)\./.test(type.id))).toBe(true);

      const ubuntu = value<string[]>('ubuntu');
      expect(ubuntu[0]).toMatch(/^ubuntu_18_04_x64_/);
      expect(ubuntu).toContain('ubuntu_18_04_arm64_20G_alibase_20240115.vhd');
      const arm = value<{ architecture: string; image_owner_alias: string }[]>('arm_newest');
      expect(arm).toHaveLength(1);
      expect(arm[0]).toMatchObject({ architecture: 'arm64', image_owner_alias: 'system' });

      const groups = value<{ ids: string[]; groups: { id: string; status: string }[] }>('groups');
      expect(groups.ids.length).toBeGreaterThan(0);
      expect(groups.groups[0]).toMatchObject({ id: groups.ids[0], status: 'OK' });
    } finally {
      tf.remove();
    }
  });

  it('reject invalid filters at plan time, naming the attribute', async () => {
    const tf = createTerraformWorkspace({ cloud: scenario.cloud });
    try {
      tf.write(`
data "alicloud_images" "bad" {
  owners     = "everyone"
  name_regex = "("
}
data "alicloud_zones" "bad" {
  available_resource_creation = "Spaceship"
}
data "alicloud_instance_types" "bad" {
  cpu_core_count = 0
}
`);
      const planned = await tf.run(['plan']);
      expect(planned.code).toBe(1);
      const raw = diagnostics(planned);
      const text = raw.replace(/\s+/g, ' ');
      expect(text).toContain('expected owners to be one of ["system" "self" "others" "marketplace"], got "everyone"');
      expect(text).toContain('name_regex is not a valid regular expression');
      expect(text).toContain('expected available_resource_creation to be one of');
      expect(text).toContain('expected cpu_core_count to be at least (1), got 0');
      expect(raw).toMatch(/with data\.alicloud_images\.bad,\n.*\n.*owners\s+= "everyone"/);
    } finally {
      tf.remove();
    }
  });
});

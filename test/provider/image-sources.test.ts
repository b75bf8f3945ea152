/**
 * `alicloud_image` from an instance (the seed's example: RunInstances through the SDK,
 * then the image) and from disk device mappings (a system and a data disk snapshot), in
 * one workspace; `terraform import` of an existing image into a second workspace with a
 * clean plan after it; and destroy, which by default (`delete_auto_snapshot` unset) deletes
 * the snapshots the instance image's creation made but never the snapshots the user
 * supplied, and keeps the creation's snapshots too with `delete_auto_snapshot = false`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { describeImage, makeSources, mappingBlocks, PROVIDER_HEADER, snapshotExists, startImageCloud, type Sources } from './image-support.js';

const STEP_TIMEOUT = 240_000;

function sourcesConfig(sources: Sources): string {
  return `${PROVIDER_HEADER}
resource "alicloud_image" "from_instance" {
  instance_id = "${sources.instanceId}"
  image_name  = "from-instance"
  description = "made from a running instance"
  tags        = { FinanceDept = "FinanceDeptJoshua" }
}

resource "alicloud_image" "kept_snapshots" {
  instance_id          = "${sources.instanceId}"
  image_name           = "kept-snapshots"
  delete_auto_snapshot = false
}

resource "alicloud_image" "from_disks" {
  image_name   = "from-disks"
  platform     = "CentOS"
  architecture = "x86_64"
${mappingBlocks(sources)}
}
`;
}

function importConfig(sources: Sources): string {
  return `${PROVIDER_HEADER}
resource "alicloud_image" "imported" {
  image_name   = "from-disks"
  platform     = "CentOS"
  disk_device_mapping {
    snapshot_id = "${sources.systemSnapshotId}"
    disk_type   = "system"
  }
  disk_device_mapping {
    snapshot_id = "${sources.dataSnapshotId}"
    disk_type   = "data"
    size        = 60
  }
}
`;
}

describe('alicloud_image from an instance and from disk mappings; import; snapshots on destroy', () => {
  let sources: Sources;
  let instanceImageId = '';
  let disksImageId = '';
  let instanceSnapshots: string[] = [];
  let keptSnapshots: string[] = [];
  const scenario = useTerraformScenario({ workspaces: 2, start: () => startImageCloud() });

  beforeAll(async () => {
    sources = await makeSources(scenario.cloud);
  });

  it('creates both images; every attribute is in the state once refreshed; the second plan is empty', async () => {
    scenario.tf.write(sourcesConfig(sources));
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);

    // A configured disk_device_mapping is planned as written, so the values ECS fills in
    // (format, progress…) reach the state with the next refresh.
    const refreshed = await scenario.tf.apply(['-refresh-only']);
    expect(refreshed.code, diagnostics(refreshed)).toBe(0);
    const state = await scenario.tf.state();

    const fromInstance = state.resource('alicloud_image.from_instance').values;
    instanceImageId = String(fromInstance['id']);
    const mappings = fromInstance['disk_device_mapping'] as Record<string, unknown>[];
    instanceSnapshots = mappings.map((m) => String(m['snapshot_id']));
    expect(fromInstance).toMatchObject({
      instance_id: sources.instanceId,
      image_name: 'from-instance',
      description: 'made from a running instance',
      architecture: 'x86_64',
      platform: 'Ubuntu',
      boot_mode: 'BIOS',
      status: 'Available',
      usable: true,
      tags: { FinanceDept: 'FinanceDeptJoshua' },
      snapshot_id: null,
      image_version: null,
      features: [{ nvme_support: expect.stringMatching(/^(un)?supported$/) }],
      resource_group_id: expect.stringMatching(/^rg-/),
    });
    // The instance's own device names (the local cloud attaches them as /dev/xvd*).
    expect(mappings.map((m) => [m['disk_type'], m['device'], m['size'], m['progress']])).toEqual([
      ['system', expect.stringMatching(/^\/dev\/x?vda$/), 40, '100%'],
      ['data', expect.stringMatching(/^\/dev\/x?vdb$/), 40, '100%'],
    ]);
    // Creating an image from an instance snapshots each of its disks.
    for (const id of instanceSnapshots) {
      expect(id).toMatch(/^s-/);
      expect([sources.systemSnapshotId, sources.dataSnapshotId]).not.toContain(id);
      expect(await snapshotExists(scenario.cloud, id)).toBe(true);
    }
    const kept = state.resource('alicloud_image.kept_snapshots').values;
    expect(kept).toMatchObject({ instance_id: sources.instanceId, delete_auto_snapshot: false, status: 'Available' });
    keptSnapshots = (kept['disk_device_mapping'] as Record<string, unknown>[]).map((m) => String(m['snapshot_id']));
    expect(keptSnapshots).toHaveLength(2);
    for (const id of keptSnapshots) expect(instanceSnapshots).not.toContain(id);

    const fromDisks = state.resource('alicloud_image.from_disks').values;
    disksImageId = String(fromDisks['id']);
    expect(fromDisks).toMatchObject({ image_name: 'from-disks', platform: 'CentOS', architecture: 'x86_64', status: 'Available', instance_id: null });
    expect(fromDisks['disk_device_mapping']).toEqual([
      {
        device: '/dev/xvda',
        disk_type: 'system',
        size: 40,
        snapshot_id: sources.systemSnapshotId,
        format: '',
        import_oss_bucket: '',
        import_oss_object: '',
        progress: '100%',
        remain_time: 0,
      },
      {
        device: '/dev/vdb',
        disk_type: 'data',
        size: 60,
        snapshot_id: sources.dataSnapshotId,
        format: '',
        import_oss_bucket: '',
        import_oss_object: '',
        progress: '100%',
        remain_time: 0,
      },
    ]);

    const plan = await scenario.tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('imports an existing image by id; the plan after the import is empty', async () => {
    scenario.workspaces[1]!.write(importConfig(sources));
    const imported = await scenario.workspaces[1]!.import('alicloud_image.imported', disksImageId);
    expect(imported.code, diagnostics(imported)).toBe(0);
    expect(imported.stdout).toContain('Import successful');
    const values = (await scenario.workspaces[1]!.state()).resource('alicloud_image.imported').values;
    expect(values).toMatchObject({ id: disksImageId, image_name: 'from-disks', name: 'from-disks', force: false, timeouts: null });

    const plan = await scenario.workspaces[1]!.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes).toEqual([]);

    // Hand the image back to the first workspace.
    const removed = await scenario.workspaces[1]!.run(['state', 'rm', 'alicloud_image.imported']);
    expect(removed.code, diagnostics(removed)).toBe(0);

    const missing = await scenario.workspaces[1]!.import('alicloud_image.imported', 'm-bp0doesnotexist00000');
    expect(missing.code).not.toBe(0);
    expect(diagnostics(missing)).toContain('Cannot import non-existent remote object');
  }, STEP_TIMEOUT);

  it('destroy deletes the snapshots made for an instance image unless delete_auto_snapshot = false, never the supplied ones', async () => {
    const keptImageId = String((await scenario.tf.state()).resource('alicloud_image.kept_snapshots').values['id']);
    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    expect(await describeImage(scenario.cloud, instanceImageId)).toBeUndefined();
    expect(await describeImage(scenario.cloud, keptImageId)).toBeUndefined();
    expect(await describeImage(scenario.cloud, disksImageId)).toBeUndefined();
    // delete_auto_snapshot unset: the creation's snapshots go with the image.
    expect(instanceSnapshots.length).toBeGreaterThan(0);
    for (const id of instanceSnapshots) expect(await snapshotExists(scenario.cloud, id)).toBe(false);
    // delete_auto_snapshot = false: they stay.
    for (const id of keptSnapshots) expect(await snapshotExists(scenario.cloud, id)).toBe(true);
    // Supplied snapshots stay whatever the setting.
    expect(await snapshotExists(scenario.cloud, sources.systemSnapshotId)).toBe(true);
    expect(await snapshotExists(scenario.cloud, sources.dataSnapshotId)).toBe(true);
  }, STEP_TIMEOUT);
});

/**
 * `alicloud_image` from a system disk snapshot, through its whole life with the real
 * terraform: create with every argument set (all attributes checked in `show -json` and
 * in the cloud), an empty second plan, in-place updates, a ForceNew replacement, drift
 * (deleted behind terraform's back → planned for creation again), and destroy with
 * `delete_auto_snapshot`, which must leave the user's own snapshot alone.
 * One workspace, steps in order: each step starts from the previous one's state.
 */
import { DeleteImageRequest } from '@alicloud/ecs20140526';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { describeImage, makeSources, PROVIDER_HEADER, resourceGroups, snapshotExists, startImageCloud, type Sources } from './image-support.js';

const ADDRESS = 'alicloud_image.app';
const STEP_TIMEOUT = 240_000;

interface Settings {
  readonly name: string;
  readonly description: string;
  readonly family: string;
  readonly version: string;
  readonly bootMode: string;
  readonly licenseType: string;
  readonly resourceGroupId: string;
  readonly tags: Readonly<Record<string, string>>;
}

function config(sources: Sources, s: Settings): string {
  const tags = Object.entries(s.tags)
    .map(([key, value]) => `    ${JSON.stringify(key)} = ${JSON.stringify(value)}`)
    .join('\n');
  return `${PROVIDER_HEADER}
resource "alicloud_image" "app" {
  snapshot_id          = "${sources.systemSnapshotId}"
  image_name           = "${s.name}"
  description          = "${s.description}"
  architecture         = "x86_64"
  platform             = "Ubuntu"
  boot_mode            = "${s.bootMode}"
  image_family         = "${s.family}"
  image_version        = "${s.version}"
  license_type         = "${s.licenseType}"
  detection_strategy   = "Standard"
  resource_group_id    = "${s.resourceGroupId}"
  force                = true
  delete_auto_snapshot = true
  features {
    nvme_support = "supported"
  }
  tags = {
${tags}
  }
}
`;
}

describe('alicloud_image from a snapshot: create, update, replace, drift, destroy', () => {
  let sources: Sources;
  let groups: { defaultId: string; otherId: string };
  let firstId = '';
  let secondId = '';
  let settings: Settings;
  const scenario = useTerraformScenario({ start: () => startImageCloud() });

  beforeAll(async () => {
    sources = await makeSources(scenario.cloud);
    groups = await resourceGroups(scenario.cloud);
    settings = {
      name: 'app-image-1',
      description: 'first build',
      family: 'app-family',
      version: '1.0.0',
      bootMode: 'UEFI',
      licenseType: 'BYOL',
      resourceGroupId: groups.defaultId,
      tags: { team: 'images', stage: 'dev', remove: 'me' },
    };
  });

  it('creates the image with every argument, as show -json and the cloud report it; the second plan is empty', async () => {
    scenario.tf.write(config(sources, settings));
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    expect(applied.stdout).toMatch(/alicloud_image\.app: Creation complete after \d+s \[id=m-/);

    const image = (await scenario.tf.state()).resource(ADDRESS);
    expect(image.tainted).toBe(false);
    firstId = String(image.values['id']);
    expect(firstId).toMatch(/^m-[a-z0-9]+$/);
    expect(image.values).toEqual({
      id: firstId,
      architecture: 'x86_64',
      boot_mode: 'UEFI',
      create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      delete_auto_snapshot: true,
      description: 'first build',
      detection_strategy: 'Standard',
      disk_device_mapping: [
        {
          device: '/dev/xvda',
          disk_type: 'system',
          format: '',
          import_oss_bucket: '',
          import_oss_object: '',
          progress: '100%',
          remain_time: 0,
          size: 40,
          snapshot_id: sources.systemSnapshotId,
        },
      ],
      features: [{ nvme_support: 'supported' }],
      force: true,
      image_family: 'app-family',
      image_name: 'app-image-1',
      image_version: '1.0.0',
      instance_id: null,
      license_type: 'BYOL',
      name: 'app-image-1',
      platform: 'Ubuntu',
      resource_group_id: groups.defaultId,
      snapshot_id: sources.systemSnapshotId,
      status: 'Available',
      tags: { team: 'images', stage: 'dev', remove: 'me' },
      timeouts: null,
      usable: true,
    });

    const remote = await describeImage(scenario.cloud, firstId);
    expect(remote).toMatchObject({
      imageName: 'app-image-1',
      description: 'first build',
      bootMode: 'UEFI',
      licenseType: 'BYOL',
      imageVersion: '1.0.0',
      usable: true,
      features: { nvmeSupport: 'supported' },
    });

    const plan = await scenario.tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('updates name, description, family, boot mode, license type, resource group and tags in place', async () => {
    settings = {
      ...settings,
      name: 'app-image-renamed',
      description: 'second description',
      family: 'app-family-2',
      bootMode: 'BIOS',
      licenseType: 'Aliyun',
      resourceGroupId: groups.otherId,
      tags: { team: 'platform', stage: 'dev', added: 'yes' },
    };
    scenario.tf.write(config(sources, settings));
    const plan = await scenario.tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes.map((c) => [c.address, c.actions])).toEqual([[ADDRESS, ['update']]]);

    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const image = (await scenario.tf.state()).resource(ADDRESS);
    expect(image.values['id']).toBe(firstId);
    expect(image.values).toMatchObject({
      image_name: 'app-image-renamed',
      name: 'app-image-renamed',
      description: 'second description',
      image_family: 'app-family-2',
      boot_mode: 'BIOS',
      license_type: 'Aliyun',
      resource_group_id: groups.otherId,
      tags: { team: 'platform', stage: 'dev', added: 'yes' },
    });
    const remote = await describeImage(scenario.cloud, firstId);
    expect(remote).toMatchObject({
      imageName: 'app-image-renamed',
      description: 'second description',
      imageFamily: 'app-family-2',
      bootMode: 'BIOS',
      licenseType: 'Aliyun',
      resourceGroupId: groups.otherId,
    });
    const remoteTags = Object.fromEntries((remote?.tags?.tag ?? []).map((t) => [t.tagKey, t.tagValue]));
    expect(remoteTags).toEqual({ team: 'platform', stage: 'dev', added: 'yes' });

    const again = await scenario.tf.plan();
    expect(again.changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('replaces the image when a ForceNew argument (image_version) changes', async () => {
    settings = { ...settings, version: '1.0.1' };
    scenario.tf.write(config(sources, settings));
    const plan = await scenario.tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]?.actions).toEqual(['delete', 'create']);
    expect(plan.changes[0]?.replacePaths).toContainEqual(['image_version']);

    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    secondId = String((await scenario.tf.state()).resource(ADDRESS).values['id']);
    expect(secondId).not.toBe(firstId);
    expect(await describeImage(scenario.cloud, firstId)).toBeUndefined();
    expect(await describeImage(scenario.cloud, secondId)).toMatchObject({ imageVersion: '1.0.1', status: 'Available' });
    // delete_auto_snapshot on the replaced image: the user's own snapshot stays.
    expect(await snapshotExists(scenario.cloud, sources.systemSnapshotId)).toBe(true);
  }, STEP_TIMEOUT);

  it('notices an image deleted outside terraform and plans to create it again', async () => {
    await scenario.cloud.ecsClient().deleteImage(new DeleteImageRequest({ regionId: scenario.cloud.regionId, imageId: secondId, force: true }));
    const plan = await scenario.tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes.map((c) => [c.address, c.actions])).toEqual([[ADDRESS, ['create']]]);
  }, STEP_TIMEOUT);

  it('destroys the image; delete_auto_snapshot never deletes a snapshot the user supplied', async () => {
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const thirdId = String((await scenario.tf.state()).resource(ADDRESS).values['id']);

    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    expect(await describeImage(scenario.cloud, thirdId)).toBeUndefined();
    expect((await scenario.tf.state()).resources).toEqual([]);
    expect(await snapshotExists(scenario.cloud, sources.systemSnapshotId)).toBe(true);
  }, STEP_TIMEOUT);
});

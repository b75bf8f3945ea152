/**
 * What goes wrong, with the real terraform: invalid arguments fail `terraform plan`
 * (attribute and rule in the message) before any API call; wrong or missing credentials
 * fail at plan time with a message naming the key; the deprecated `name` warns; a create
 * timeout shorter than the image takes, and Ctrl-C during apply, both leave the image in
 * state as tainted (never orphaned in the cloud).
 */
import { DescribeImagesRequest } from '@alicloud/ecs20140526';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestCloud } from '../support/cloud.js';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { makeSources, PROVIDER_HEADER, startImageCloud, type Sources } from './image-support.js';

const STEP_TIMEOUT = 240_000;

function image(name: string, body: string): string {
  return `resource "alicloud_image" "${name}" {\n${body}\n}\n`;
}

/** Flattens terraform's wrapped diagnostics ("│ " gutters, line breaks) into one line. */
function flat(text: string): string {
  return text.replace(/│/g, ' ').replace(/\s+/g, ' ');
}

async function ownImagesNamed(tc: TestCloud, imageName: string): Promise<string[]> {
  const response = await tc
    .ecsClient()
    .describeImages(new DescribeImagesRequest({ regionId: tc.regionId, imageOwnerAlias: 'self', status: 'ALL', imageName, pageSize: 100 }));
  return (response.body?.images?.image ?? []).map((found) => found.imageId ?? '');
}

describe('alicloud_image failures: validation, credentials, timeouts, Ctrl-C', () => {
  let sources: Sources;
  // Images take two minutes here: long enough for a timeout and a Ctrl-C to land mid-create.
  const scenario = useTerraformScenario({
    workspaces: 0,
    start: () => startImageCloud({ instanceTransitionMs: 100, snapshotCreationMs: 100, imageCreationMs: 120_000 }),
  });
  const workspace = scenario.workspace;

  beforeAll(async () => {
    sources = await makeSources(scenario.cloud);
  });

  it('rejects invalid arguments at plan time, naming the attribute and the rule', async () => {
    const tf = workspace();
    const snap = `  snapshot_id = "${sources.systemSnapshotId}"`;
    tf.write(
      PROVIDER_HEADER +
        image('bad_name', `${snap}\n  image_name = "1-starts-with-a-digit"`) +
        image('bad_prefix', `${snap}\n  image_name = "aliyun-reserved"`) +
        image('bad_arch', `${snap}\n  architecture = "amd64"`) +
        image('bad_platform', `${snap}\n  platform = "Windows 11"`) +
        image('bad_description', `${snap}\n  description = "http://example.com/image"`) +
        image('bad_family', `${snap}\n  image_family = "acs:family"`) +
        image('bad_boot', `${snap}\n  boot_mode = "Legacy"`) +
        image('bad_license', `${snap}\n  license_type = "GPL"`) +
        image('bad_tags', `${snap}\n  tags = { "aliyun:owner" = "x" }`) +
        image('bad_timeout', `${snap}\n  timeouts {\n    create = "5d"\n  }`) +
        image('bad_mapping', `  disk_device_mapping {\n    snapshot_id = "${sources.systemSnapshotId}"\n    disk_type = "boot"\n  }`) +
        image('bad_size', `  disk_device_mapping {\n    snapshot_id = "${sources.systemSnapshotId}"\n    size = 40000\n  }`) +
        image('both_names', `${snap}\n  image_name = "one"\n  name = "two"`),
    );
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    const text = flat(diagnostics(plan));
    for (const expected of [
      'invalid value for image_name (the image name must start with a letter), got "1-starts-with-a-digit"',
      'invalid value for image_name (the image name must not start with "aliyun" or "acs:"), got "aliyun-reserved"',
      'expected architecture to be one of ["i386" "x86_64" "arm64"], got "amd64"',
      'expected platform to be one of',
      'invalid value for description (the description must not start with "http://" or "https://")',
      'invalid value for image_family',
      'expected boot_mode to be one of ["BIOS" "UEFI" "UEFI-Preferred"], got "Legacy"',
      'expected license_type to be one of ["Auto" "Aliyun" "BYOL"], got "GPL"',
      'invalid tag key "aliyun:owner" in tags',
      'Error parsing "create" timeout: time: unknown unit "d" in duration "5d"',
      'expected disk_device_mapping.0.disk_type to be one of ["system" "data"], got "boot"',
      'expected disk_device_mapping.0.size to be in the range (5 - 32768), got 40000',
      'Conflicting configuration arguments',
      '"image_name": conflicts with name',
    ]) {
      expect(text).toContain(expected);
    }
    // Each error is tied to its resource and configuration line.
    expect(text).toContain('with alicloud_image.bad_arch');
    expect(text).toMatch(/on main\.tf line \d+, in resource "alicloud_image" "bad_arch"/);
    expect(await ownImagesNamed(scenario.cloud, 'one')).toEqual([]);
  }, STEP_TIMEOUT);

  it('rejects a create without a source and two system disks at plan time; warns about the deprecated name', async () => {
    const tf = workspace();
    tf.write(PROVIDER_HEADER + image('no_source', '  image_name = "nowhere"'));
    const noSource = await tf.plan();
    expect(noSource.code).toBe(1);
    expect(flat(diagnostics(noSource))).toContain('Set one of instance_id, snapshot_id or disk_device_mapping');

    tf.write(
      PROVIDER_HEADER +
        image(
          'two_systems',
          `  disk_device_mapping {\n    snapshot_id = "${sources.systemSnapshotId}"\n    disk_type = "system"\n  }\n` +
            `  disk_device_mapping {\n    snapshot_id = "${sources.dataSnapshotId}"\n    disk_type = "system"\n  }`,
        ),
    );
    const twoSystems = await tf.plan();
    expect(twoSystems.code).toBe(1);
    expect(flat(diagnostics(twoSystems))).toContain('disk_device_mapping.1.disk_type: an image has exactly one system disk');

    tf.write(PROVIDER_HEADER + image('old_name', `  snapshot_id = "${sources.systemSnapshotId}"\n  name = "legacy-name"`));
    const deprecated = await tf.plan();
    expect(deprecated.code, diagnostics(deprecated)).toBe(0);
    expect(flat(diagnostics(deprecated))).toContain("Field 'name' has been deprecated since provider version 1.227.0. New field 'image_name' instead.");
    expect(deprecated.changes[0]?.after).toMatchObject({ name: 'legacy-name' });
  }, STEP_TIMEOUT);

  it('fails at plan time with a clear message when the credentials are wrong or missing', async () => {
    const wrongSecret = workspace({ ALICLOUD_SECRET_KEY: 'not-the-secret' });
    wrongSecret.write(PROVIDER_HEADER + image('x', `  snapshot_id = "${sources.systemSnapshotId}"`));
    const wrong = await wrongSecret.plan();
    expect(wrong.code).toBe(1);
    expect(flat(diagnostics(wrong))).toContain('the secret key does not match the access key');

    const unknownKey = workspace({ ALICLOUD_ACCESS_KEY: 'LTAInotakey0000000000000' });
    unknownKey.write(PROVIDER_HEADER + image('x', `  snapshot_id = "${sources.systemSnapshotId}"`));
    const unknown = await unknownKey.plan();
    expect(unknown.code).toBe(1);
    expect(flat(diagnostics(unknown))).toContain('LTAInotakey0000000000000');

    const home = workspace();
    const none = workspace({ ALICLOUD_ACCESS_KEY: undefined, ALICLOUD_SECRET_KEY: undefined, HOME: home.dir });
    none.write(PROVIDER_HEADER + image('x', `  snapshot_id = "${sources.systemSnapshotId}"`));
    const missing = await none.plan();
    expect(missing.code).toBe(1);
    expect(flat(diagnostics(missing))).toContain('ALICLOUD_ACCESS_KEY');

    // The provider block's endpoints win over the environment's.
    const unreachable = workspace();
    unreachable.write(
      PROVIDER_HEADER +
        'provider "alicloud" {\n  endpoints {\n    ecs = "http://127.0.0.1:1"\n  }\n}\n' +
        image('x', `  snapshot_id = "${sources.systemSnapshotId}"`),
    );
    const refused = await unreachable.plan();
    expect(refused.code).toBe(1);
    expect(flat(diagnostics(refused))).toContain('cannot reach the ECS API at http://127.0.0.1:1');
  }, STEP_TIMEOUT);

  it('a create timeout shorter than the image takes fails clearly and keeps the image in state, tainted', async () => {
    const tf = workspace();
    tf.write(PROVIDER_HEADER + image('slow', `  snapshot_id = "${sources.systemSnapshotId}"\n  image_name = "too-slow"\n  timeouts {\n    create = "1s"\n  }`));
    const applied = await tf.apply();
    expect(applied.code).toBe(1);
    const text = flat(diagnostics(applied));
    expect(text).toMatch(/creating ECS Image \(m-[a-z0-9]+\): timed out after 1s \(raise timeouts\.create to wait longer\)/);

    const [created] = await ownImagesNamed(scenario.cloud, 'too-slow');
    const slow = (await tf.state()).resource('alicloud_image.slow');
    expect(slow.tainted).toBe(true);
    expect(slow.values['id']).toBe(created);
    expect(slow.values['timeouts']).toEqual({ create: '1s', update: null, delete: null });

    const plan = await tf.plan();
    expect(plan.changes.map((c) => c.actions)).toEqual([['delete', 'create']]);
  }, STEP_TIMEOUT);

  it('Ctrl-C during apply keeps the image being created in state, tainted', async () => {
    const tf = workspace();
    tf.write(PROVIDER_HEADER + image('interrupted', `  snapshot_id = "${sources.systemSnapshotId}"\n  image_name = "ctrl-c"`));
    const running = tf.start(['apply', '-auto-approve']);
    const deadline = Date.now() + 120_000;
    let imageIds: string[] = [];
    while (imageIds.length === 0 || !running.stdout().includes('Creating...')) {
      if (Date.now() > deadline) throw new Error(`the image was never created; terraform said:\n${running.stdout()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      imageIds = await ownImagesNamed(scenario.cloud, 'ctrl-c');
    }
    running.interrupt();
    const done = await running.done;
    expect(done.code).not.toBe(0);
    expect(flat(diagnostics(done))).toContain('interrupted');

    const interrupted = (await tf.state()).resource('alicloud_image.interrupted');
    expect(interrupted.tainted).toBe(true);
    expect(imageIds).toEqual([interrupted.values['id']]);
  }, STEP_TIMEOUT);
});

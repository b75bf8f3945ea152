/**
 * The operator API as a Terraform user's test suite drives it, with the real
 * terraform and our provider: injected `Throttling.User` on CreateImage is
 * retried (the log shows it) and the apply succeeds; a permanent
 * `InternalError` fails the apply with the code and leaves nothing half-made
 * in state or in the cloud; `ServiceUnavailable` on DescribeImages during the
 * wait is ridden out; and `state/reset` between two applies of the seed
 * example gives the second a clean cloud.
 */
import { DescribeImagesRequest } from '@alicloud/ecs20140526';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestCloud } from '../support/cloud.js';
import { REPO_ROOT, diagnostics, useTerraformScenario } from '../support/terraform.js';
import { adminCall, type AdminAnswer } from '../cloud/admin-support.js';
import { makeSources, PROVIDER_HEADER, startImageCloud, type Sources } from './image-support.js';

function admin(cloud: TestCloud, method: string, route: string, body?: unknown): Promise<AdminAnswer> {
  return adminCall(cloud.url, cloud.cloud.adminToken, method, route, body);
}

async function ownImagesNamed(cloud: TestCloud, imageName: string): Promise<string[]> {
  const answer = await cloud
    .ecsClient()
    .describeImages(new DescribeImagesRequest({ regionId: cloud.regionId, imageOwnerAlias: 'self', status: 'ALL', imageName, pageSize: 100 }));
  return (answer.body?.images?.image ?? []).map((image) => image.imageId ?? '');
}

function imageConfig(name: string, snapshotId: string, createTimeout?: string): string {
  const timeouts = createTimeout === undefined ? '' : `\n  timeouts {\n    create = "${createTimeout}"\n  }`;
  return `${PROVIDER_HEADER}resource "alicloud_image" "x" {\n  snapshot_id = "${snapshotId}"\n  image_name = "${name}"${timeouts}\n}\n`;
}

describe('alicloud_image against injected faults', () => {
  let sources: Sources;
  const scenario = useTerraformScenario({
    workspaces: 0,
    start: () => startImageCloud({ instanceTransitionMs: 100, snapshotCreationMs: 100, imageCreationMs: 3_000 }),
  });

  beforeAll(async () => {
    sources = await makeSources(scenario.cloud);
  });

  it('Throttling.User twice on CreateImage: the provider retries, the log shows it, the apply succeeds', async () => {
    const cloud = scenario.cloud;
    await admin(cloud, 'POST', 'faults', { action: 'CreateImage', times: 2, error: { code: 'Throttling.User' } });
    const tf = scenario.workspace({ TF_LOG: 'debug' });
    tf.write(imageConfig('throttled', sources.systemSnapshotId));
    const applied = await tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const retries = applied.stderr.match(/retrying CreateImage after Throttling\.User/g) ?? [];
    expect(retries).toHaveLength(2);
    expect((await admin(cloud, 'GET', 'faults')).body).toEqual({ faults: [] });
    const image = (await tf.state()).resource('alicloud_image.x').values;
    expect(image).toMatchObject({ image_name: 'throttled', status: 'Available' });
    expect(await ownImagesNamed(cloud, 'throttled')).toEqual([image['id']]);
  });

  it('a permanent InternalError on CreateImage fails the apply with the code, and nothing is half-made', async () => {
    const cloud = scenario.cloud;
    const rule = await admin(cloud, 'POST', 'faults', { action: 'CreateImage', error: { code: 'InternalError' } });
    try {
      const tf = scenario.workspace();
      tf.write(imageConfig('broken', sources.systemSnapshotId, '5s'));
      const applied = await tf.apply();
      expect(applied.code).toBe(1);
      // Whether the retries or the 5 s timeout end it first, the error names the code.
      expect(diagnostics(applied)).toMatch(/InternalError/);
      expect((await tf.state()).resources).toEqual([]);
      expect(await ownImagesNamed(cloud, 'broken')).toEqual([]);
      expect(((await admin(cloud, 'GET', 'faults')).body.faults[0] as { hits: number }).hits).toBeGreaterThanOrEqual(2);
    } finally {
      await admin(cloud, 'DELETE', `faults/${rule.body.id}`);
    }
  });

  it('ServiceUnavailable on DescribeImages while waiting for Available is ridden out', async () => {
    const cloud = scenario.cloud;
    await admin(cloud, 'POST', 'faults', { product: 'Ecs', action: 'DescribeImages', times: 3, error: { code: 'ServiceUnavailable' } });
    const tf = scenario.workspace({ TF_LOG: 'debug' });
    tf.write(imageConfig('waited', sources.systemSnapshotId));
    const applied = await tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    expect(applied.stderr).toMatch(/ServiceUnavailable/);
    expect((await admin(cloud, 'GET', 'faults')).body).toEqual({ faults: [] });
    expect((await tf.state()).resource('alicloud_image.x').values).toMatchObject({ image_name: 'waited', status: 'Available' });
  });
});

describe('state reset between two applies of the seed example', () => {
  const EXAMPLE_DIR = join(REPO_ROOT, 'examples', 'image-from-instance');
  const scenario = useTerraformScenario({ workspaces: 2 });

  beforeAll(() => {
    for (const tf of scenario.workspaces) {
      for (const file of readdirSync(EXAMPLE_DIR).filter((name) => name.endsWith('.tf'))) {
        tf.writeFile(file, readFileSync(join(EXAMPLE_DIR, file), 'utf8'));
      }
    }
  });

  it('each apply starts from an empty cloud, as a test suite resetting in beforeEach would', async () => {
    const [first, second] = scenario.workspaces as [(typeof scenario.workspaces)[number], (typeof scenario.workspaces)[number]];
    const cloud = scenario.cloud;
    const applied = await first.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const firstImage = String((await first.state()).resource('alicloud_image.default').values['id']);

    const reset = await admin(cloud, 'POST', 'state/reset');
    expect(reset.status).toBe(200);
    expect(reset.body.reset).toMatchObject({ images: 1, instances: 1, vpcs: 1, vSwitches: 1, securityGroups: 1 });
    expect(await ownImagesNamed(cloud, 'terraform-example-10000')).toEqual([]);

    const again = await second.apply();
    expect(again.code, diagnostics(again)).toBe(0);
    const secondImage = String((await second.state()).resource('alicloud_image.default').values['id']);
    expect(secondImage).not.toBe(firstImage);
    expect(await ownImagesNamed(cloud, 'terraform-example-10000')).toEqual([secondImage]);
    const plan = await second.run(['plan', '-detailed-exitcode']);
    expect(plan.code, diagnostics(plan)).toBe(0);
  });
});

/**
 * Every example under `examples/` runs as its README says: against a fresh local cloud, with
 * the environment `ecs-image env` produces (its own function, `prepareTerraformEnv`), real
 * terraform applies it with no `init`, a second plan shows no changes (`-detailed-exitcode`
 * 0), and destroy leaves nothing behind — checked through the official SDKs in every region:
 * no custom image, snapshot, disk, instance, security group, vSwitch or VPC that was not
 * there before the apply.
 *
 * Uses the compiled providers: run `npm run build` first (`npm test` does).
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeDisksRequest,
  DescribeImagesRequest,
  DescribeInstancesRequest,
  DescribeRegionsRequest,
  DescribeSecurityGroupsRequest,
  DescribeSnapshotsRequest,
} from '@alicloud/ecs20140526';
import { DescribeVSwitchesRequest, DescribeVpcsRequest } from '@alicloud/vpc20160428';
import { prepareTerraformEnv } from '../../src/cli/env-command.js';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { REPO_ROOT, createTerraformWorkspace, diagnostics, ensureProviderBuilt, type TerraformWorkspace } from '../support/terraform.js';

const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/**
 * Examples whose own test already applies them, with more than this file checks: running them
 * here too would only add minutes to the suite.
 */
const EXAMPLES_WITH_THEIR_OWN_TEST: Readonly<Record<string, string>> = {
  'image-copy-and-share': 'test/provider/image-family-proof.test.ts',
  'terraform-test': 'test/examples/terraform-test.test.ts',
};

/** Every directory of `examples/` holding a configuration, but those tested elsewhere. */
function exampleNames(): string[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !(entry.name in EXAMPLES_WITH_THEIR_OWN_TEST))
    .filter((entry) => readdirSync(join(EXAMPLES_DIR, entry.name)).some((file) => file.endsWith('.tf')))
    .map((entry) => entry.name)
    .sort();
}

/** The configuration files only: never a developer's local state or `.terraform/`. */
function copyExample(name: string, into: string): void {
  cpSync(join(EXAMPLES_DIR, name), into, {
    recursive: true,
    filter: (source) => !/(^|\/)(\.terraform(\.lock\.hcl)?|terraform\.tfstate(\.backup)?|\.terraform\.tfstate\.lock\.info)$/.test(source),
  });
}

/** Ids of everything of the account the examples may create, per kind, across all regions. */
async function inventory(tc: TestCloud): Promise<Record<string, string[]>> {
  const ecs = tc.ecsClient();
  const vpc = tc.vpcClient();
  const regions = (await ecs.describeRegions(new DescribeRegionsRequest({}))).body?.regions?.region ?? [];
  const found: Record<string, string[]> = { images: [], snapshots: [], disks: [], instances: [], securityGroups: [], vSwitches: [], vpcs: [] };
  for (const { regionId } of regions) {
    if (regionId === undefined) continue;
    const page = { regionId, pageSize: 100 };
    const images = await ecs.describeImages(new DescribeImagesRequest({ ...page, imageOwnerAlias: 'self', status: 'ALL' }));
    found['images']!.push(...(images.body?.images?.image ?? []).map((image) => image.imageId ?? '?'));
    const snapshots = await ecs.describeSnapshots(new DescribeSnapshotsRequest(page));
    found['snapshots']!.push(...(snapshots.body?.snapshots?.snapshot ?? []).map((snapshot) => snapshot.snapshotId ?? '?'));
    const disks = await ecs.describeDisks(new DescribeDisksRequest(page));
    found['disks']!.push(...(disks.body?.disks?.disk ?? []).map((disk) => disk.diskId ?? '?'));
    const instances = await ecs.describeInstances(new DescribeInstancesRequest(page));
    found['instances']!.push(...(instances.body?.instances?.instance ?? []).map((instance) => instance.instanceId ?? '?'));
    const groups = await ecs.describeSecurityGroups(new DescribeSecurityGroupsRequest(page));
    found['securityGroups']!.push(...(groups.body?.securityGroups?.securityGroup ?? []).map((group) => group.securityGroupId ?? '?'));
    const vSwitches = await vpc.describeVSwitches(new DescribeVSwitchesRequest({ regionId, pageSize: 50 }));
    found['vSwitches']!.push(...(vSwitches.body?.vSwitches?.vSwitch ?? []).map((vSwitch) => vSwitch.vSwitchId ?? '?'));
    const vpcs = await vpc.describeVpcs(new DescribeVpcsRequest({ regionId, pageSize: 50 }));
    found['vpcs']!.push(...(vpcs.body?.vpcs?.vpc ?? []).map((entry) => entry.vpcId ?? '?'));
  }
  return found;
}

function count(found: Record<string, string[]>): number {
  return Object.values(found).reduce((sum, ids) => sum + ids.length, 0);
}

const examples = exampleNames();

describe.each(examples)('examples/%s', (name) => {
  let tc: TestCloud;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    ensureProviderBuilt(name.startsWith('alibabacloudstack') ? 'alibabacloudstack' : 'alicloud');
    tc = await startTestCloud({ settings: { imageCreationMs: 300, snapshotCreationMs: 200, instanceTransitionMs: 100 } });
    // Exactly what `ecs-image env` exports for this cloud (CLI config written into its data dir).
    const env = await prepareTerraformEnv(
      { url: tc.url, accessKeyId: tc.credentials.accessKeyId, accessKeySecret: tc.credentials.accessKeySecret, regionId: tc.regionId },
      tc.dataDir,
    );
    ws = createTerraformWorkspace({ cloud: tc, env, timeoutMs: 240_000 });
    copyExample(name, ws.dir);
  });
  afterAll(async () => {
    ws?.remove();
    await tc?.close();
  });

  it('applies, plans no changes, destroys, and leaves nothing behind', async () => {
    const before = await inventory(tc);

    const applied = await ws.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    expect(existsSync(join(ws.dir, '.terraform')), 'no terraform init may be needed').toBe(false);
    const during = await inventory(tc);
    expect(count(during)).toBeGreaterThan(count(before));

    const planned = await ws.run(['plan', '-detailed-exitcode']);
    expect(planned.code, diagnostics(planned)).toBe(0);

    const destroyed = await ws.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    expect((await ws.state()).resources.filter((resource) => !resource.address.startsWith('data.'))).toEqual([]);
    expect(await inventory(tc)).toEqual(before);
  }, 600_000);
});

it('there are examples to run, and every other example has a test of its own', () => {
  expect(examples).toEqual(expect.arrayContaining(['image-from-instance', 'image-from-snapshot', 'image-from-disk-mappings', 'alibabacloudstack-image']));
  for (const [name, test] of Object.entries(EXAMPLES_WITH_THEIR_OWN_TEST)) {
    expect(existsSync(join(EXAMPLES_DIR, name)), name).toBe(true);
    expect(readFileSync(join(REPO_ROOT, test), 'utf8'), test).toContain(`'${name}'`);
  }
});

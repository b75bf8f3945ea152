/**
 * HashiCorp Packer 1.6.6 (Debian's `packer`, its `alicloud-ecs` builder) builds an image
 * against a real `ecs-image serve` through proxy mode, with exactly what
 * `ecs-image env --proxy` prints. The template uses `communicator: none` (nothing to SSH into),
 * `ssh_private_ip` (no EIP), tags, `image_copy_regions`, `image_share_account` and
 * `image_force_delete` (an older image of the same name is waiting to be replaced). The
 * official SDK then checks the image, its tags (on its snapshot too), the copy, the share, and
 * that nothing is left of Packer's temporary instance, security group, VPC, vSwitch and key pair.
 * Slow: run it alone, `--maxWorkers=1`. Needs `npm run build`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateImageRequest,
  CreateSecurityGroupRequest,
  CreateVSwitchRequest,
  CreateVpcRequest,
  DescribeImageSharePermissionRequest,
  DescribeImagesRequest,
  DescribeInstancesRequest,
  DescribeKeyPairsRequest,
  DescribeSecurityGroupsRequest,
  DescribeSnapshotsRequest,
  DescribeVSwitchesRequest,
  DescribeVpcsRequest,
  RunInstancesRequest,
  type DescribeImagesResponseBodyImagesImage,
} from '@alicloud/ecs20140526';
import { proxyEnv } from '../../src/cli/tool-wiring.js';
import type { EcsClient } from '../support/cloud.js';
import { PACKER, requireDebianPackages } from '../support/debian-packages.js';
import { CLI_MAIN, CLI_MISSING_REASON, cliBuilt, ecsClientFor, runCli, startServe, type Replica } from '../cloud/scale-out-support.js';

const run = promisify(execFile);
const REGION = 'cn-hangzhou';
const COPY_REGION = 'cn-shanghai';
const IMAGE_NAME = 'packer-built';
const SOURCE_IMAGE = 'ubuntu_22_04_x64_20G_alibase_20240220.vhd';

function tagsOf(resource: { tags?: { tag?: Array<{ tagKey?: string; tagValue?: string }> } }): Record<string, string> {
  return Object.fromEntries((resource.tags?.tag ?? []).map((tag) => [tag.tagKey ?? '', tag.tagValue ?? '']));
}

async function imagesNamed(ecs: EcsClient, regionId: string): Promise<DescribeImagesResponseBodyImagesImage[]> {
  const response = await ecs.describeImages(new DescribeImagesRequest({ regionId, imageName: IMAGE_NAME, imageOwnerAlias: 'self', status: 'Creating,Available' }));
  return response.body!.images!.image!;
}

/** Ids of what Packer makes and should remove, in the account. */
async function leftovers(ecs: EcsClient): Promise<Record<string, string[]>> {
  const [instances, groups, vpcs, vswitches, keyPairs] = await Promise.all([
    ecs.describeInstances(new DescribeInstancesRequest({ regionId: REGION, pageSize: 100 })),
    ecs.describeSecurityGroups(new DescribeSecurityGroupsRequest({ regionId: REGION, pageSize: 50 })),
    ecs.describeVpcs(new DescribeVpcsRequest({ regionId: REGION, pageSize: 50 })),
    ecs.describeVSwitches(new DescribeVSwitchesRequest({ regionId: REGION, pageSize: 50 })),
    ecs.describeKeyPairs(new DescribeKeyPairsRequest({ regionId: REGION, pageSize: 50 })),
  ]);
  return {
    instances: instances.body!.instances!.instance!.map((item) => item.instanceId!),
    securityGroups: groups.body!.securityGroups!.securityGroup!.map((item) => item.securityGroupId!),
    vpcs: vpcs.body!.vpcs!.vpc!.map((item) => item.vpcId!),
    vSwitches: vswitches.body!.vSwitches!.vSwitch!.map((item) => item.vSwitchId!),
    keyPairs: keyPairs.body!.keyPairs!.keyPair!.map((item) => item.keyPairName!),
  };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('packer build (alicloud-ecs) against ecs-image serve in proxy mode', () => {
  let dataDir: string;
  let served: Replica | undefined;
  let ecs: EcsClient;
  let shareAccount: string;

  beforeAll(async () => {
    requireDebianPackages(PACKER);
    if (!cliBuilt()) throw new Error(CLI_MISSING_REASON);
    dataDir = mkdtempSync(join(tmpdir(), 'ecs-image-packer-'));
    served = await startServe(['--data', dataDir, '--image-creation-seconds', '1']);
    ecs = ecsClientFor(served.hostPort, served.line);
    const account = await runCli(['accounts', 'create', '--data', dataDir]);
    shareAccount = (JSON.parse(account.stdout) as { accountId: string }).accountId;
  }, 600_000);

  afterAll(async () => {
    await served?.kill('SIGTERM');
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  /** An older image named like Packer's, for `image_force_delete` to replace; returns what was made for it. */
  async function olderImage(): Promise<{ imageId: string; made: Record<string, string[]> }> {
    const vpcId = (await ecs.createVpc(new CreateVpcRequest({ regionId: REGION }))).body!.vpcId!;
    const vSwitchId = (await ecs.createVSwitch(new CreateVSwitchRequest({ regionId: REGION, vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: '172.16.9.0/24' }))).body!.vSwitchId!;
    const groupId = (await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: REGION, vpcId }))).body!.securityGroupId!;
    const run = await ecs.runInstances(new RunInstancesRequest({ regionId: REGION, imageId: SOURCE_IMAGE, instanceType: 'ecs.g7.large', vSwitchId, securityGroupId: groupId }));
    const instanceId = run.body!.instanceIdSets!.instanceIdSet![0]!;
    await eventually(async () => (await ecs.describeInstances(new DescribeInstancesRequest({ regionId: REGION, instanceIds: JSON.stringify([instanceId]) }))).body!.instances!.instance![0]?.status, (status) => status === 'Running');
    const imageId = (await ecs.createImage(new CreateImageRequest({ regionId: REGION, instanceId, imageName: IMAGE_NAME }))).body!.imageId!;
    await eventually(() => imagesNamed(ecs, REGION), (images) => images.some((image) => image.imageId === imageId && image.status === 'Available'));
    return { imageId, made: await leftovers(ecs) };
  }

  it('builds, tags, copies and shares the image, replaces the older one and cleans up after itself', async () => {
    const older = await olderImage();
    const workspace = mkdtempSync(join(tmpdir(), 'ecs-image-packer-build-'));
    try {
      writeFileSync(
        join(workspace, 'packer.json'),
        JSON.stringify({
          builders: [
            {
              type: 'alicloud-ecs',
              region: REGION,
              image_name: IMAGE_NAME,
              image_description: 'built by packer against the local cloud',
              source_image: SOURCE_IMAGE,
              instance_type: 'ecs.g7.large',
              io_optimized: true,
              communicator: 'none',
              ssh_private_ip: true,
              image_force_delete: true,
              image_copy_regions: [COPY_REGION],
              image_share_account: [shareAccount],
              tags: { team: 'images', 'built-by': 'packer' },
            },
          ],
        }),
      );
      const { stdout } = await run('packer', ['build', '-machine-readable', '-color=false', 'packer.json'], {
        cwd: workspace,
        // Exactly what `ecs-image env --proxy` prints, and nothing of the developer's environment.
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: workspace, ...proxyEnv({ url: served!.line.endpoint, ...served!.line, regionId: REGION }) },
        timeout: 900_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      expect(stdout).toContain('Deleting duplicated image and snapshot');
      const artifact = /artifact,0,id,(.*)/.exec(stdout)?.[1] ?? '';
      const [sourceImageId, copyImageId] = [/cn-hangzhou:(m-[a-z0-9]+)/.exec(artifact)?.[1], /cn-shanghai:(m-[a-z0-9]+)/.exec(artifact)?.[1]];
      expect(sourceImageId).toMatch(/^m-/);

      const [image] = await imagesNamed(ecs, REGION);
      expect(image).toMatchObject({ imageId: sourceImageId, status: 'Available', description: 'built by packer against the local cloud' });
      expect(image!.imageId).not.toBe(older.imageId);
      expect(tagsOf(image!)).toEqual({ team: 'images', 'built-by': 'packer' });
      const snapshotIds = image!.diskDeviceMappings!.diskDeviceMapping!.map((disk) => disk.snapshotId!);
      expect(snapshotIds.length).toBeGreaterThan(0);
      const snapshots = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify(snapshotIds) }));
      for (const snapshot of snapshots.body!.snapshots!.snapshot!) expect(tagsOf(snapshot)).toEqual({ team: 'images', 'built-by': 'packer' });

      const shared = await ecs.describeImageSharePermission(new DescribeImageSharePermissionRequest({ regionId: REGION, imageId: sourceImageId }));
      expect(shared.body!.accounts!.account!.map((account) => account.aliyunId)).toEqual([shareAccount]);

      const copies = await eventually(() => imagesNamed(ecs, COPY_REGION), (images) => images.length === 1 && images[0]!.status === 'Available');
      expect(copies[0]!.imageId).toBe(copyImageId);

      // Packer's temporary resources are gone; only what the older image was made with remains.
      expect(await leftovers(ecs)).toEqual(older.made);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }, 900_000);
});

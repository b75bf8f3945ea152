/**
 * A Go program on Debian's aliyungo (test/tools/aliyungo/main.go), built here with
 * GO111MODULE=off, drives the cloud through proxy mode the way it would drive Alibaba Cloud:
 * ECS-versioned VPC calls, CreateInstance, aliyungo's instance waiter (DescribeInstanceAttribute),
 * CreateImage, its image waiter and the legacy AddTags. The official SDK then checks the result.
 * Slow (aliyungo's waiters poll every 5 s): run it alone, `--maxWorkers=1`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DescribeImagesRequest, DescribeUserDataRequest, DescribeVpcsRequest } from '@alicloud/ecs20140526';
import { proxyEnv } from '../../src/cli/tool-wiring.js';
import { useTestCloud } from '../support/cloud.js';
import { describeInstance, UBUNTU_X86 } from '../support/compute.js';
import { GO_ALIYUNGO, requireDebianPackages } from '../support/debian-packages.js';
import { REPO_ROOT } from '../support/terraform.js';

const run = promisify(execFile);
const WORK = join(tmpdir(), 'ecs-image-aliyungo');
const PROGRAM = join(WORK, 'aliyungo-builder');

describe('a Go program on aliyungo against the local cloud, through proxy mode', () => {
  const cloud = useTestCloud({ settings: { instanceTransitionMs: 500, imageCreationMs: 2_000 } });

  beforeAll(async () => {
    requireDebianPackages(GO_ALIYUNGO);
    mkdirSync(WORK, { recursive: true });
    await run('go', ['build', '-o', PROGRAM, '.'], {
      cwd: join(REPO_ROOT, 'test', 'tools', 'aliyungo'),
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: WORK, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: join(WORK, 'cache'), GOFLAGS: '' },
      timeout: 300_000,
    });
  }, 600_000);

  it('launches, waits with its own waiter, images and tags with AddTags', async () => {
    const { stdout } = await run(PROGRAM, [], {
      // Exactly what `ecs-image env --proxy` prints, and what the program itself needs.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ...proxyEnv({ url: cloud.url, ...cloud.credentials, regionId: cloud.regionId }),
        ZONE_ID: 'cn-hangzhou-h',
        IMAGE_ID: UBUNTU_X86,
        INSTANCE_TYPE: 'ecs.sn1ne.large',
      },
      timeout: 400_000,
    });
    const ids = JSON.parse(stdout) as Record<string, string>;
    const ecs = cloud.ecsClient();

    const image = (await ecs.describeImages(new DescribeImagesRequest({ regionId: cloud.regionId, imageId: ids['imageId'] }))).body!.images!.image![0]!;
    expect([image.imageName, image.status, image.progress]).toEqual(['go-built-image', 'Available', '100%']);
    expect(Object.fromEntries(image.tags!.tag!.map((tag) => [tag.tagKey, tag.tagValue]))).toEqual({ 'built-by': 'aliyungo', stage: 'test' });

    const instance = (await describeInstance(ecs, cloud.regionId, ids['instanceId'] ?? ''))!;
    expect([instance.instanceName, instance.status, instance.vpcAttributes!.vSwitchId]).toEqual(['go-builder', 'Stopped', ids['vSwitchId']]);
    const userData = (await ecs.describeUserData(new DescribeUserDataRequest({ regionId: cloud.regionId, instanceId: ids['instanceId'] }))).body!.userData!;
    expect(Buffer.from(userData, 'base64').toString()).toBe('#!/bin/sh\necho built by aliyungo\n');

    const vpc = (await ecs.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId, vpcId: ids['vpcId'] }))).body!.vpcs!.vpc![0]!;
    expect([vpc.vpcName, vpc.cidrBlock, vpc.vSwitchIds!.vSwitchId]).toEqual(['go-vpc', '172.16.0.0/16', [ids['vSwitchId']]]);
  }, 600_000);
});

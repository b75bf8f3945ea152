/**
 * Helpers for the instance, disk and snapshot tests: a cloud whose clock the
 * test moves (so status transitions are stepped, not slept through), a
 * VPC + vSwitch + security group made with the official SDKs, launching and
 * polling instances, and reading an SDK error's code and HTTP status.
 */
import {
  DescribeDisksRequest,
  DescribeInstancesRequest,
  DescribeSnapshotsRequest,
  RunInstancesRequest,
  type DescribeDisksResponseBodyDisksDisk,
  type DescribeInstancesResponseBodyInstancesInstance,
  type DescribeSnapshotsResponseBodySnapshotsSnapshot,
} from '@alicloud/ecs20140526';
import type { CloudSettings } from '../../src/cloud/api/action.js';
import { startTestCloud, type ClientOptions, type EcsClient, type TestCloud } from '../support/cloud.js';
import { createNetwork, type Network } from '../support/network.js';

export { ZONE, createNetwork, type Network } from '../support/network.js';

/** An old zone: no ecs.g8i / g8y / c8y, and basic `cloud` disks. */
export const OLD_ZONE = 'cn-hangzhou-g';
export const UBUNTU_X86 = 'ubuntu_18_04_x64_20G_alibase_20240115.vhd';
export const UBUNTU_ARM = 'ubuntu_18_04_arm64_20G_alibase_20240115.vhd';
export const ALIYUN_X86 = 'aliyun_3_x64_40G_alibase_20240326.vhd';

/**
 * A test cloud with a clock the test advances (`advance(ms)`), and jobs polled
 * every 20 ms. The signature check uses the same clock, so a test must stay
 * within the allowed timestamp skew (15 minutes) in all: keep steps small.
 */
export interface SteppedCloud {
  readonly tc: TestCloud;
  advance(ms: number): void;
  now(): number;
}

export async function startSteppedCloud(settings: Partial<CloudSettings> = {}): Promise<SteppedCloud> {
  let offset = 0;
  const now = (): number => Date.now() + offset;
  const tc = await startTestCloud({
    now,
    jobPollIntervalMs: 20,
    settings: { instanceTransitionMs: 20_000, snapshotCreationMs: 20_000, ...settings },
  });
  return {
    tc,
    advance: (ms) => {
      offset += ms;
    },
    now,
  };
}

export function runRequest(tc: TestCloud, network: Network, fields: Partial<RunInstancesRequest> = {}): RunInstancesRequest {
  return new RunInstancesRequest({
    regionId: tc.regionId,
    imageId: UBUNTU_X86,
    instanceType: 'ecs.sn1ne.large',
    vSwitchId: network.vSwitchId,
    securityGroupIds: [network.securityGroupId],
    ...fields,
  });
}

export async function runInstances(ecs: EcsClient, request: RunInstancesRequest): Promise<string[]> {
  const response = await ecs.runInstances(request);
  return response.body!.instanceIdSets!.instanceIdSet!;
}

export async function describeInstance(ecs: EcsClient, regionId: string, id: string): Promise<DescribeInstancesResponseBodyInstancesInstance | undefined> {
  const response = await ecs.describeInstances(new DescribeInstancesRequest({ regionId, instanceIds: JSON.stringify([id]) }));
  return response.body!.instances!.instance![0];
}

export async function describeDisks(ecs: EcsClient, fields: Partial<DescribeDisksRequest>): Promise<DescribeDisksResponseBodyDisksDisk[]> {
  const response = await ecs.describeDisks(new DescribeDisksRequest({ pageSize: 100, ...fields }));
  return response.body!.disks!.disk!;
}

export async function describeSnapshot(ecs: EcsClient, regionId: string, id: string): Promise<DescribeSnapshotsResponseBodySnapshotsSnapshot | undefined> {
  const response = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId, snapshotIds: JSON.stringify([id]) }));
  return response.body!.snapshots!.snapshot![0];
}

/** Polls until `read()` returns `want` (jobs run every 20 ms), failing after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, want: T, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (last !== want) {
    if (Date.now() > deadline) throw new Error(`expected ${String(want)}, still ${String(last)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await read();
  }
}

export async function waitForInstanceStatus(ecs: EcsClient, regionId: string, id: string, status: string): Promise<void> {
  await eventually(async () => (await describeInstance(ecs, regionId, id))?.status, status);
}

/** Moves the clock through both halves of a launch (`transitionMs` in all): Pending → Starting → Running. */
export async function untilRunning(cloud: SteppedCloud, ecs: EcsClient, id: string, transitionMs: number): Promise<void> {
  cloud.advance(transitionMs / 2);
  await waitForInstanceStatus(ecs, cloud.tc.regionId, id, 'Starting');
  cloud.advance(transitionMs / 2);
  await waitForInstanceStatus(ecs, cloud.tc.regionId, id, 'Running');
}

/** What each compute suite starts from: a stepped cloud, an ECS client on it, its region and one network. */
export interface ComputeSetup {
  readonly cloud: SteppedCloud;
  readonly ecs: EcsClient;
  readonly region: string;
  readonly network: Network;
}

export async function startCompute(settings: Partial<CloudSettings> = {}, client?: ClientOptions): Promise<ComputeSetup> {
  const cloud = await startSteppedCloud(settings);
  try {
    const ecs = cloud.tc.ecsClient(client);
    const network = await createNetwork(cloud.tc);
    return { cloud, ecs, region: cloud.tc.regionId, network };
  } catch (error) {
    // The caller never gets the cloud to close in its afterAll.
    await cloud.tc.close();
    throw error;
  }
}

/** Launches one instance on the set-up's network and steps it to Running; its id. */
export async function launchRunning(setup: ComputeSetup, transitionMs: number): Promise<string> {
  const [id] = (await runInstances(setup.ecs, runRequest(setup.cloud.tc, setup.network))) as [string];
  await untilRunning(setup.cloud, setup.ecs, id, transitionMs);
  return id;
}

export { expectEcsError } from '../support/sdk-error.js';

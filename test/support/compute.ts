/**
 * Compute through the official ECS SDK, for cloud and provider tests: the
 * images instances launch from, a RunInstances request on a test network,
 * describing one instance, disk or snapshot, and polling until a status.
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
import type { EcsClient, TestCloud } from './cloud.js';
import type { Network } from './network.js';

/** An old zone: no ecs.g8i / g8y / c8y, and basic `cloud` disks. */
export const OLD_ZONE = 'cn-hangzhou-g';
export const UBUNTU_X86 = 'ubuntu_18_04_x64_20G_alibase_20240115.vhd';
export const UBUNTU_ARM = 'ubuntu_18_04_arm64_20G_alibase_20240115.vhd';
export const ALIYUN_X86 = 'aliyun_3_x64_40G_alibase_20240326.vhd';

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

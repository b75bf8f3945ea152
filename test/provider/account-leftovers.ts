/**
 * After `terraform destroy`: asks the cloud, through the official SDKs, for every image,
 * snapshot, disk, instance, security group, vSwitch and VPC the test account still owns.
 */
import { expect } from 'vitest';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import type { ClientOptions, TestCloud } from '../support/cloud.js';

/** `options` picks another region or account (its keys) than the test cloud's own. */
export async function accountLeftovers(cloud: TestCloud, options: ClientOptions = {}): Promise<Record<string, string[]>> {
  const ecs = cloud.ecsClient(options);
  const vpc = cloud.vpcClient(options);
  const regionId = options.regionId ?? cloud.regionId;
  const images = await ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId, imageOwnerAlias: 'self', status: 'Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated', pageSize: 100 }));
  const snapshots = await ecs.describeSnapshots(new $Ecs.DescribeSnapshotsRequest({ regionId, pageSize: 100 }));
  const disks = await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId, pageSize: 100 }));
  const instances = await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId, pageSize: 100 }));
  const groups = await ecs.describeSecurityGroups(new $Ecs.DescribeSecurityGroupsRequest({ regionId, pageSize: 50 }));
  const vswitches = await vpc.describeVSwitches(new $Vpc.DescribeVSwitchesRequest({ regionId, pageSize: 50 }));
  const vpcs = await vpc.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId, pageSize: 50 }));
  return {
    images: (images.body?.images?.image ?? []).map((x) => x.imageId ?? ''),
    snapshots: (snapshots.body?.snapshots?.snapshot ?? []).map((x) => x.snapshotId ?? ''),
    disks: (disks.body?.disks?.disk ?? []).map((x) => x.diskId ?? ''),
    instances: (instances.body?.instances?.instance ?? []).map((x) => x.instanceId ?? ''),
    securityGroups: (groups.body?.securityGroups?.securityGroup ?? []).map((x) => x.securityGroupId ?? ''),
    vswitches: (vswitches.body?.vSwitches?.vSwitch ?? []).map((x) => x.vSwitchId ?? ''),
    vpcs: (vpcs.body?.vpcs?.vpc ?? []).map((x) => x.vpcId ?? ''),
  };
}

export async function expectAccountEmpty(cloud: TestCloud, options: ClientOptions = {}): Promise<void> {
  expect(await accountLeftovers(cloud, options)).toEqual({ images: [], snapshots: [], disks: [], instances: [], securityGroups: [], vswitches: [], vpcs: [] });
}

/**
 * A small world built through the official SDKs, for the operator API tests:
 * in one account a VPC, a vSwitch, a security group with an ingress rule, a
 * key pair, an instance holding it, a spare
 * disk, a snapshot of the instance's system disk,
 * an image from the snapshot (tagged and shared with a second account) and,
 * when asked, a second image still being created.
 */
import {
  AuthorizeSecurityGroupRequest,
  AuthorizeSecurityGroupRequestPermissions,
  CreateDiskRequest,
  CreateKeyPairRequest,
  CreateKeyPairRequestTag,
  CreateImageRequest,
  CreateSecurityGroupRequest,
  CreateSnapshotRequest,
  DescribeDisksRequest,
  DescribeInstancesRequest,
  DescribeSnapshotsRequest,
  ModifyImageSharePermissionRequest,
  RunInstancesRequest,
  TagResourcesRequest,
  TagResourcesRequestTag,
} from '@alicloud/ecs20140526';
import { CreateVSwitchRequest, CreateVpcRequest } from '@alicloud/vpc20160428';
import type { EcsClient, VpcClient } from '../support/cloud.js';

export const REGION = 'cn-hangzhou';
export const ZONE = 'cn-hangzhou-h';

export interface World {
  readonly vpcId: string;
  readonly vSwitchId: string;
  readonly securityGroupId: string;
  readonly instanceId: string;
  /** The spare data disk (the instance has its system disk besides). */
  readonly diskId: string;
  readonly snapshotId: string;
  readonly imageId: string;
}

async function waitUntil(what: string, done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within 30 s`);
}

export async function buildWorld(ecs: EcsClient, vpc: VpcClient, shareWith?: string, name = 'world'): Promise<World> {
  const vpcId = (await vpc.createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '172.16.0.0/12', vpcName: name }))).body!.vpcId!;
  const vSwitchId = (
    await vpc.createVSwitch(new CreateVSwitchRequest({ regionId: REGION, vpcId, zoneId: ZONE, cidrBlock: '172.16.1.0/24', vSwitchName: name }))
  ).body!.vSwitchId!;
  const securityGroupId = (
    await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: REGION, vpcId, securityGroupName: name }))
  ).body!.securityGroupId!;
  await ecs.authorizeSecurityGroup(
    new AuthorizeSecurityGroupRequest({
      regionId: REGION,
      securityGroupId,
      permissions: [new AuthorizeSecurityGroupRequestPermissions({ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0' })],
    }),
  );
  const keyPairName = `${name}-key`;
  await ecs.createKeyPair(
    new CreateKeyPairRequest({ regionId: REGION, keyPairName, tag: [new CreateKeyPairRequestTag({ key: 'suite', value: name })] }),
  );
  const diskId = (await ecs.createDisk(new CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: 'cloud_essd', size: 40, diskName: name })))
    .body!.diskId!;
  const instanceId = (
    await ecs.runInstances(
      new RunInstancesRequest({
        regionId: REGION,
        imageId: 'ubuntu_18_04_x64_20G_alibase_20240115.vhd',
        instanceType: 'ecs.sn1ne.large',
        vSwitchId,
        securityGroupIds: [securityGroupId],
        instanceName: name,
        keyPairName,
      }),
    )
  ).body!.instanceIdSets!.instanceIdSet![0]!;
  await waitUntil(`instance ${instanceId} Running`, async () => {
    const answer = await ecs.describeInstances(new DescribeInstancesRequest({ regionId: REGION, instanceIds: JSON.stringify([instanceId]) }));
    return answer.body?.instances?.instance?.[0]?.status === 'Running';
  });
  const systemDisk = (await ecs.describeDisks(new DescribeDisksRequest({ regionId: REGION, instanceId }))).body!.disks!.disk![0]!.diskId!;
  const snapshotId = (await ecs.createSnapshot(new CreateSnapshotRequest({ diskId: systemDisk, snapshotName: name }))).body!.snapshotId!;
  await waitUntil(`snapshot ${snapshotId} accomplished`, async () => {
    const answer = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify([snapshotId]) }));
    return answer.body?.snapshots?.snapshot?.[0]?.status === 'accomplished';
  });
  const imageId = (
    await ecs.createImage(new CreateImageRequest({ regionId: REGION, snapshotId, imageName: `${name}-image`, clientToken: `${name}-token` }))
  ).body!.imageId!;
  await ecs.tagResources(
    new TagResourcesRequest({
      regionId: REGION,
      resourceType: 'image',
      resourceId: [imageId],
      tag: [new TagResourcesRequestTag({ key: 'suite', value: name })],
    }),
  );
  if (shareWith !== undefined) {
    await ecs.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId: REGION, imageId, addAccount: [shareWith] }));
  }
  return { vpcId, vSwitchId, securityGroupId, instanceId, diskId, snapshotId, imageId };
}

/**
 * The in-place update actions the terraform resources call, through the official SDKs:
 * ModifyVpcAttribute, ModifyVSwitchAttribute, MoveResourceGroup (VPC), ModifySecurityGroup-
 * Attribute, ModifyInstanceAttribute, ModifyInstanceNetworkSpec, ModifyDiskAttribute,
 * ResizeDisk, ModifySnapshotAttribute — the change is visible in the Describe answers,
 * empty fields leave values alone, and the documented errors come back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import * as $RM from '@alicloud/resourcemanager20200331';
import { useTestCloud } from '../support/cloud.js';
import { createNetwork, type Network } from '../support/network.js';
import { describeDisks, describeInstance, describeSnapshot, eventually, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('modify actions', () => {
  const tc = useTestCloud();
  let network: Network;

  beforeAll(async () => {
    network = await createNetwork(tc);
  });

  it('ModifyVpcAttribute renames, describes and regrows the block, keeping vSwitches inside', async () => {
    const vpc = tc.vpcClient();
    const regionId = tc.regionId;
    await vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId, vpcId: network.vpcId, vpcName: 'renamed', description: 'new text' }));
    await vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId, vpcId: network.vpcId, vpcName: '', description: '' }));
    let described = await vpc.describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId, vpcId: network.vpcId }));
    expect(described.body).toMatchObject({ vpcName: 'renamed', description: 'new text', cidrBlock: '172.16.0.0/12' });
    await vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId, vpcId: network.vpcId, cidrBlock: '172.16.0.0/16' }));
    described = await vpc.describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId, vpcId: network.vpcId }));
    expect(described.body?.cidrBlock).toBe('172.16.0.0/16');
    await expectEcsError(vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId, vpcId: network.vpcId, cidrBlock: '10.0.0.0/16' })), 'InvalidCidrBlock.Malformed');
    await expectEcsError(vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId, vpcId: network.vpcId, vpcName: 'https://x' })), 'InvalidVpcName.Malformed');
    await expectEcsError(vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId, vpcId: 'vpc-missing', vpcName: 'x' })), 'InvalidVpcId.NotFound');
  });

  it('ModifyVSwitchAttribute and ModifySecurityGroupAttribute rename and describe', async () => {
    const regionId = tc.regionId;
    await tc.vpcClient().modifyVSwitchAttribute(new $Vpc.ModifyVSwitchAttributeRequest({ regionId, vSwitchId: network.vSwitchId, vSwitchName: 'sw2', description: 'switch text' }));
    const vsw = await tc.vpcClient().describeVSwitchAttributes(new $Vpc.DescribeVSwitchAttributesRequest({ regionId, vSwitchId: network.vSwitchId }));
    expect(vsw.body).toMatchObject({ vSwitchName: 'sw2', description: 'switch text' });
    const ecs = tc.ecsClient();
    await ecs.modifySecurityGroupAttribute(new $Ecs.ModifySecurityGroupAttributeRequest({ regionId, securityGroupId: network.securityGroupId, securityGroupName: 'group2', description: 'group text' }));
    const groups = await ecs.describeSecurityGroups(new $Ecs.DescribeSecurityGroupsRequest({ regionId, securityGroupId: network.securityGroupId }));
    expect(groups.body?.securityGroups?.securityGroup?.[0]).toMatchObject({ securityGroupName: 'group2', description: 'group text' });
    await expectEcsError(
      ecs.modifySecurityGroupAttribute(new $Ecs.ModifySecurityGroupAttributeRequest({ regionId, securityGroupId: network.securityGroupId, securityGroupName: '1bad' })),
      'InvalidSecurityGroupName.Malformed',
    );
  });

  it('MoveResourceGroup moves a VPC into another of the account groups', async () => {
    // The Resource Manager API here only lists groups: add a second one to the account's store.
    const groupId = 'rg-movedtarget0001';
    await tc.cloud.store.db
      .insertInto('resource_groups')
      .values({ id: groupId, account_id: tc.accountId, name: 'moved', display_name: 'moved', status: 'OK', is_default: 0, created_at: Date.now() })
      .execute();
    const listed = await tc.resourceManagerClient().listResourceGroups(new $RM.ListResourceGroupsRequest({}));
    expect(listed.body?.resourceGroups?.resourceGroup?.map((group) => group.id)).toContain(groupId);
    const vpc = tc.vpcClient();
    await vpc.moveResourceGroup(new $Vpc.MoveResourceGroupRequest({ regionId: tc.regionId, resourceId: network.vpcId, resourceType: 'vpc', newResourceGroupId: groupId }));
    const described = await vpc.describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId: tc.regionId, vpcId: network.vpcId }));
    expect(described.body?.resourceGroupId).toBe(groupId);
    await expectEcsError(
      vpc.moveResourceGroup(new $Vpc.MoveResourceGroupRequest({ regionId: tc.regionId, resourceId: network.vpcId, resourceType: 'vpc', newResourceGroupId: 'rg-missing' })),
      'InvalidResourceGroupId',
    );
  });

  it('ModifyInstanceAttribute, ModifyInstanceNetworkSpec, ModifyDiskAttribute and ResizeDisk', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const second = await ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId, vpcId: network.vpcId, securityGroupName: 'second' }));
    const [id] = await runInstances(ecs, runRequest(tc, network));
    await waitForInstanceStatus(ecs, regionId, id!, 'Running');
    await ecs.modifyInstanceAttribute(
      new $Ecs.ModifyInstanceAttributeRequest({
        instanceId: id,
        instanceName: 'renamed',
        description: 'about it',
        hostName: 'host-2',
        deletionProtection: true,
        securityGroupIds: [network.securityGroupId, second.body!.securityGroupId!],
      }),
    );
    await ecs.modifyInstanceNetworkSpec(new $Ecs.ModifyInstanceNetworkSpecRequest({ instanceId: id, internetMaxBandwidthOut: 7 }));
    const instance = await describeInstance(ecs, regionId, id!);
    expect(instance).toMatchObject({ instanceName: 'renamed', description: 'about it', hostName: 'host-2', deletionProtection: true, internetMaxBandwidthOut: 7 });
    expect(instance?.securityGroupIds?.securityGroupId).toHaveLength(2);
    expect(instance?.publicIpAddress?.ipAddress).toHaveLength(1);
    await expectEcsError(ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true })), 'InvalidOperation.DeletionProtection');
    await expectEcsError(ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, securityGroupIds: ['sg-missing'] })), 'InvalidSecurityGroupId.NotFound');
    await expectEcsError(ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, instanceName: '-bad' })), 'InvalidInstanceName.Malformed');

    const [systemDisk] = await describeDisks(ecs, { regionId, instanceId: id, diskType: 'system' });
    const diskId = systemDisk!.diskId!;
    await ecs.modifyDiskAttribute(new $Ecs.ModifyDiskAttributeRequest({ regionId, diskId, diskName: 'root', description: 'root disk', deleteAutoSnapshot: true }));
    await ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: (systemDisk!.size ?? 40) + 10, type: 'online' }));
    const [after] = await describeDisks(ecs, { regionId, diskIds: JSON.stringify([diskId]) });
    expect(after).toMatchObject({ diskName: 'root', description: 'root disk', deleteAutoSnapshot: true, size: (systemDisk!.size ?? 40) + 10 });
    await expectEcsError(ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 20 })), 'InvalidDiskSize.NotSupported');
  });

  it('ModifySnapshotAttribute renames and sets retention; names may not start with auto', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const [id] = await runInstances(ecs, runRequest(tc, network));
    await waitForInstanceStatus(ecs, regionId, id!, 'Running');
    const [systemDisk] = await describeDisks(ecs, { regionId, instanceId: id, diskType: 'system' });
    const snapshot = await ecs.createSnapshot(new $Ecs.CreateSnapshotRequest({ diskId: systemDisk!.diskId, snapshotName: 'first' }));
    const snapshotId = snapshot.body!.snapshotId!;
    await eventually(async () => (await describeSnapshot(ecs, regionId, snapshotId))?.status, 'accomplished');
    await ecs.modifySnapshotAttribute(new $Ecs.ModifySnapshotAttributeRequest({ snapshotId, snapshotName: 'second', description: 'kept', retentionDays: 7 }));
    expect(await describeSnapshot(ecs, regionId, snapshotId)).toMatchObject({ snapshotName: 'second', description: 'kept', retentionDays: 7 });
    await expectEcsError(ecs.modifySnapshotAttribute(new $Ecs.ModifySnapshotAttributeRequest({ snapshotId, snapshotName: 'automatic' })), 'InvalidSnapshotName.Malformed');
    await expectEcsError(ecs.modifySnapshotAttribute(new $Ecs.ModifySnapshotAttributeRequest({ snapshotId: 's-missing', snapshotName: 'x1' })), 'InvalidSnapshotId.NotFound');
  });
});

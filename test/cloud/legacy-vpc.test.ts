import { describe, expect, it } from 'vitest';
import {
  CreateSecurityGroupRequest,
  CreateVSwitchRequest,
  CreateVpcRequest,
  DeleteVSwitchRequest,
  DeleteVpcRequest,
  DescribeVSwitchesRequest,
  DescribeVpcsRequest,
} from '@alicloud/ecs20140526';
import { DescribeVSwitchAttributesRequest, DescribeVpcAttributeRequest, ModifyVpcAttributeRequest } from '@alicloud/vpc20160428';
import { useTestCloud } from '../support/cloud.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('ECS-versioned VPC actions (2014-05-26) with the official ECS SDK', () => {
  const cloud = useTestCloud();

  it('creates, describes and deletes the same VPCs and vSwitches the VPC API sees, in the ECS shape', async () => {
    const ecs = cloud.ecsClient({ signature: 'v1' });
    const vpcApi = cloud.vpcClient();
    const created = (await ecs.createVpc(new CreateVpcRequest({ regionId: cloud.regionId, vpcName: 'packer-vpc' }))).body!;
    expect(created.vpcId).toMatch(/^vpc-/);
    expect(created.VRouterId).toMatch(/^vrt-/);
    expect(created.routeTableId).toMatch(/^vtb-/);
    expect(Object.keys(created.toMap()).sort()).toEqual(['RequestId', 'RouteTableId', 'VRouterId', 'VpcId']);
    const vpcId = created.vpcId!;
    // The VPC product sees it, with the default block that holds Packer's default vSwitch block.
    const attribute = (await vpcApi.describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId }))).body!;
    expect([attribute.vpcName, attribute.cidrBlock, attribute.status]).toEqual(['packer-vpc', '172.16.0.0/12', 'Available']);
    await vpcApi.modifyVpcAttribute(new ModifyVpcAttributeRequest({ regionId: cloud.regionId, vpcId, description: 'changed by the VPC API' }));

    const vsw = (await ecs.createVSwitch(new CreateVSwitchRequest({ regionId: cloud.regionId, vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: '172.16.0.0/24' }))).body!;
    const vSwitchId = vsw.vSwitchId!;
    expect(vSwitchId).toMatch(/^vsw-/);
    const fromVpcApi = (await vpcApi.describeVSwitchAttributes(new DescribeVSwitchAttributesRequest({ regionId: cloud.regionId, vSwitchId }))).body!;
    expect(fromVpcApi.vpcId).toBe(vpcId);

    const vpcs = (await ecs.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId, vpcId }))).body!;
    expect(vpcs.totalCount).toBe(1);
    const vpc = vpcs.vpcs!.vpc![0]!;
    expect([vpc.vpcId, vpc.status, vpc.description, vpc.isDefault]).toEqual([vpcId, 'Available', 'changed by the VPC API', false]);
    expect(vpc.vSwitchIds!.vSwitchId).toEqual([vSwitchId]);
    expect(vpc.toMap()).not.toHaveProperty('ResourceGroupId');

    const vswitches = (await ecs.describeVSwitches(new DescribeVSwitchesRequest({ vpcId, vSwitchId }))).body!;
    const item = vswitches.vSwitches!.vSwitch![0]!;
    expect([item.vSwitchId, item.status, item.cidrBlock, item.zoneId]).toEqual([vSwitchId, 'Available', '172.16.0.0/24', 'cn-hangzhou-h']);
    expect(item.toMap()).not.toHaveProperty('Tags');

    await expectEcsError(ecs.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId })), 'DependencyViolation.VSwitch', 400);
    await ecs.deleteVSwitch(new DeleteVSwitchRequest({ regionId: cloud.regionId, vSwitchId }));
    await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId }));
    await expectEcsError(ecs.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId })), 'DependencyViolation.SecurityGroup', 400);
  });

  it('answers the documented errors and ignores what the ECS version does not take', async () => {
    const ecs = cloud.ecsClient();
    await expectEcsError(ecs.createVpc(new CreateVpcRequest({ regionId: cloud.regionId, cidrBlock: '8.8.0.0/16' })), 'InvalidParameter', 400);
    await expectEcsError(ecs.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId: 'vpc-missing' })), 'InvalidVpcId.NotFound', 404);
    await expectEcsError(ecs.deleteVSwitch(new DeleteVSwitchRequest({ regionId: cloud.regionId, vSwitchId: 'vsw-missing' })), 'InvalidVSwitchId.NotFound', 404);
    const vpcId = (await ecs.createVpc(new CreateVpcRequest({ regionId: cloud.regionId, cidrBlock: '10.0.0.0/16' }))).body!.vpcId!;
    await expectEcsError(
      ecs.createVSwitch(new CreateVSwitchRequest({ regionId: cloud.regionId, vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.0.0/24' })),
      'InvalidCidrBlock.Malformed',
      400,
    );
    await expectEcsError(ecs.createVSwitch(new CreateVSwitchRequest({ regionId: cloud.regionId, vpcId, zoneId: 'cn-hangzhou-h' })), 'MissingParameter', 400);
    await expectEcsError(ecs.describeVpcs(new DescribeVpcsRequest({})), 'MissingParameter', 400);
    await ecs.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId }));
    const gone = (await ecs.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId, vpcId }))).body!;
    expect(gone.vpcs!.vpc).toEqual([]);
  });
});

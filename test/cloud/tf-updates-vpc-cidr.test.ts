/**
 * `alicloud_vpc`'s secondary CIDR blocks (ecs-api.md §TF, Update), through the official
 * VPC SDK: AssociateVpcCidrBlock adds one that DescribeVpcs and DescribeVpcAttribute list
 * under SecondaryCidrBlocks and that vSwitches may then use; UnassociateVpcCidrBlock
 * removes it, but not while a vSwitch lies in it.
 */
import { describe, expect, it } from 'vitest';
import * as $Vpc from '@alicloud/vpc20160428';
import { useTestCloud } from '../support/cloud.js';
import { createVpcWithVSwitch } from '../support/network.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('VPC secondary CIDR blocks', () => {
  const tc = useTestCloud();

  it('associates a block, lists it, lets a vSwitch use it, and unassociates it once free', async () => {
    const vpc = tc.vpcClient();
    const regionId = tc.regionId;
    const { vpcId, zoneId } = await createVpcWithVSwitch(tc, { vpcCidr: '172.16.0.0/16' });
    const associate = (block: string) => vpc.associateVpcCidrBlock(new $Vpc.AssociateVpcCidrBlockRequest({ regionId, vpcId, secondaryCidrBlock: block }));
    const unassociate = (block: string) => vpc.unassociateVpcCidrBlock(new $Vpc.UnassociateVpcCidrBlockRequest({ regionId, vpcId, secondaryCidrBlock: block }));
    await associate('192.168.0.0/16');
    const attribute = await vpc.describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId, vpcId }));
    expect(attribute.body?.secondaryCidrBlocks?.secondaryCidrBlock).toEqual(['192.168.0.0/16']);
    const listed = await vpc.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId, vpcId }));
    expect(listed.body?.vpcs?.vpc?.[0]?.secondaryCidrBlocks?.secondaryCidrBlock).toEqual(['192.168.0.0/16']);

    const vSwitch = await vpc.createVSwitch(new $Vpc.CreateVSwitchRequest({ regionId, vpcId, zoneId, cidrBlock: '192.168.1.0/24' }));
    await expectEcsError(unassociate('192.168.0.0/16'), 'DependencyViolation.VSwitch');
    await vpc.deleteVSwitch(new $Vpc.DeleteVSwitchRequest({ regionId, vSwitchId: vSwitch.body!.vSwitchId! }));
    await unassociate('192.168.0.0/16');
    const after = await vpc.describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId, vpcId }));
    expect(after.body?.secondaryCidrBlocks?.secondaryCidrBlock ?? []).toEqual([]);
    await expectEcsError(vpc.createVSwitch(new $Vpc.CreateVSwitchRequest({ regionId, vpcId, zoneId, cidrBlock: '192.168.1.0/24' })), 'InvalidCidrBlock.Malformed');
  });

  it('answers the documented errors', async () => {
    const vpc = tc.vpcClient();
    const regionId = tc.regionId;
    const { vpcId } = await createVpcWithVSwitch(tc, { vpcCidr: '172.16.0.0/16' });
    const associate = (block?: string) => vpc.associateVpcCidrBlock(new $Vpc.AssociateVpcCidrBlockRequest({ regionId, vpcId, secondaryCidrBlock: block }));
    await expectEcsError(associate('172.16.128.0/17'), 'InvalidCidrBlock.Overlapped');
    await expectEcsError(associate('100.64.0.0/16'), 'InvalidCidrBlock.Malformed');
    await expectEcsError(associate('10.0.0.1/8'), 'InvalidCidrBlock.Malformed');
    await expectEcsError(associate('10.0.0.0/29'), 'InvalidCidrBlock.Malformed');
    await expectEcsError(associate(), 'MissingParameter');
    await expectEcsError(
      vpc.associateVpcCidrBlock(new $Vpc.AssociateVpcCidrBlockRequest({ regionId, vpcId: 'vpc-missing', secondaryCidrBlock: '10.0.0.0/16' })),
      'InvalidVpcId.NotFound',
    );
    for (const block of ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16']) await associate(block);
    await expectEcsError(associate('10.1.0.0/24'), 'InvalidCidrBlock.Overlapped');
    await expectEcsError(associate('10.6.0.0/16'), 'QuotaExceeded.SecondaryCidrBlock');
    await expectEcsError(
      vpc.unassociateVpcCidrBlock(new $Vpc.UnassociateVpcCidrBlockRequest({ regionId, vpcId, secondaryCidrBlock: '10.9.0.0/16' })),
      'InvalidCidrBlock.NotFound',
    );
    // ModifyVpcAttribute may not grow the primary block over a secondary one.
    await expectEcsError(vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId, vpcId, cidrBlock: '10.0.0.0/8' })), 'InvalidCidrBlock.Overlapped');
  });
});

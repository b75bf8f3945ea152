import { describe, expect, it } from 'vitest';
import { DescribeRouteTableListRequest, ModifyRouteTableAttributesRequest } from '@alicloud/vpc20160428';
import { useTestCloud } from '../support/cloud.js';
import { createVpcWithVSwitch } from '../support/network.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('ModifyRouteTableAttributes on the system route table (alicloud_vpc updates), with the official VPC SDK', () => {
  const cloud = useTestCloud();

  it('renames and describes the route table, switches propagation, and DescribeRouteTableList reads it back', async () => {
    const vpc = cloud.vpcClient();
    const { vpcId } = await createVpcWithVSwitch(cloud);
    const list = async () => (await vpc.describeRouteTableList(new DescribeRouteTableListRequest({ regionId: cloud.regionId, vpcId }))).body!.routerTableList!.routerTableListType![0]!;
    const before = await list();
    expect([before.routeTableName, before.description, before.routePropagationEnable]).toEqual(['', '', true]);
    const routeTableId = before.routeTableId!;
    await vpc.modifyRouteTableAttributes(
      new ModifyRouteTableAttributesRequest({ regionId: cloud.regionId, routeTableId, routeTableName: 'system-main', description: 'the main table', routePropagationEnable: false }),
    );
    const after = await list();
    expect([after.routeTableName, after.description, after.routePropagationEnable]).toEqual(['system-main', 'the main table', false]);
    await vpc.modifyRouteTableAttributes(new ModifyRouteTableAttributesRequest({ regionId: cloud.regionId, routeTableId, description: 'changed' }));
    expect((await list()).routeTableName).toBe('system-main');

    await expectEcsError(vpc.modifyRouteTableAttributes(new ModifyRouteTableAttributesRequest({ regionId: cloud.regionId, routeTableId: 'vtb-missing', routeTableName: 'x' })), 'InvalidRouteTableId.NotFound', 404);
    await expectEcsError(
      vpc.modifyRouteTableAttributes(new ModifyRouteTableAttributesRequest({ regionId: cloud.regionId, routeTableId, routeTableName: 'http://bad' })),
      'InvalidRouteTableName.Malformed',
      400,
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateVSwitchRequest,
  CreateVSwitchRequestTag,
  CreateVpcRequest,
  CreateVpcRequestTag,
  DeleteVSwitchRequest,
  DeleteVpcRequest,
  DescribeRouteTableListRequest,
  DescribeVSwitchAttributesRequest,
  DescribeVSwitchesRequest,
  DescribeVpcAttributeRequest,
  DescribeVpcsRequest,
  DescribeVpcsRequestTag,
  ListTagResourcesRequest,
  TagResourcesRequest,
  TagResourcesRequestTag,
  UnTagResourcesRequest,
} from '@alicloud/vpc20160428';
import { CreateSecurityGroupRequest, DeleteSecurityGroupRequest } from '@alicloud/ecs20140526';
import { useTestCloud, type VpcClient } from '../support/cloud.js';
import { deleteInstance, insertInstance, sdkError } from './network-fixtures.js';

const ZONE = 'cn-hangzhou-h';

describe('VPC and vSwitches with the official VPC SDK', () => {
  const cloud = useTestCloud();
  let vpc: VpcClient;

  beforeAll(async () => {
    vpc = cloud.vpcClient();
  });

  async function createVpc(fields: Partial<CreateVpcRequest> = {}) {
    const response = await vpc.createVpc(new CreateVpcRequest({ regionId: cloud.regionId, ...fields }));
    return response.body!;
  }

  async function createVSwitch(vpcId: string, cidrBlock: string, fields: Partial<CreateVSwitchRequest> = {}) {
    const response = await vpc.createVSwitch(
      new CreateVSwitchRequest({ regionId: cloud.regionId, vpcId, zoneId: ZONE, cidrBlock, ...fields }),
    );
    return response.body!.vSwitchId!;
  }

  it('creates a VPC with its vRouter, route table and default resource group, Available at once', async () => {
    const created = await createVpc({
      cidrBlock: '172.17.3.0/24',
      vpcName: 'terraform-example',
      description: 'the seed VPC',
      tag: [new CreateVpcRequestTag({ key: 'team', value: 'net' })],
    });
    expect(created.vpcId).toMatch(/^vpc-bp[0-9a-z]{18}$/);
    expect(created.VRouterId).toMatch(/^vrt-/);
    expect(created.routeTableId).toMatch(/^vtb-/);
    expect(created.resourceGroupId).toMatch(/^rg-/);

    const attribute = (
      await vpc.describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId: created.vpcId }))
    ).body!;
    expect(attribute).toMatchObject({
      vpcId: created.vpcId,
      vpcName: 'terraform-example',
      description: 'the seed VPC',
      status: 'Available',
      cidrBlock: '172.17.3.0/24',
      regionId: 'cn-hangzhou',
      VRouterId: created.VRouterId,
      isDefault: false,
      resourceGroupId: created.resourceGroupId,
      classicLinkEnabled: false,
    });
    expect(attribute.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(attribute.vSwitchIds?.vSwitchId).toEqual([]);
    expect(attribute.tags?.tag).toEqual([expect.objectContaining({ key: 'team', value: 'net' })]);
  });

  it('defaults the CIDR block to 172.16.0.0/12', async () => {
    const { vpcId } = await createVpc();
    const attribute = await vpc.describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId }));
    expect(attribute.body?.cidrBlock).toBe('172.16.0.0/12');
  });

  it.each([
    ['8.8.8.0/24', 'InvalidParameter'],
    ['172.32.0.0/16', 'InvalidParameter'],
    ['10.0.0.1/16', 'InvalidParameter'],
    ['not-a-cidr', 'InvalidParameter'],
    ['10.0.0.0/29', 'IllegalParam.CidrBlockMask'],
    ['10.0.0.0/7', 'IllegalParam.CidrBlockMask'],
  ])('refuses the VPC block %s with %s', async (cidrBlock, code) => {
    const failure = await sdkError(createVpc({ cidrBlock }));
    expect(failure.code).toBe(code);
    expect(failure.statusCode).toBe(400);
  });

  it('accepts every private range at the mask limits', async () => {
    for (const cidrBlock of ['10.0.0.0/8', '192.168.0.0/16', '192.168.10.0/28']) {
      const { vpcId } = await createVpc({ cidrBlock });
      expect(vpcId).toMatch(/^vpc-/);
    }
  });

  it('enforces the name, description, tag and resource group rules', async () => {
    expect((await sdkError(createVpc({ vpcName: 'http://x' }))).code).toBe('InvalidVpcName.Malformed');
    expect((await sdkError(createVpc({ vpcName: 'n'.repeat(129) }))).code).toBe('InvalidVpcName.Malformed');
    expect((await sdkError(createVpc({ description: 'd'.repeat(257) }))).code).toBe('InvalidVpcDiscription.Malformed');
    expect((await sdkError(createVpc({ tag: [new CreateVpcRequestTag({ key: 'aliyun:x', value: 'v' })] }))).code).toBe(
      'InvalidTagKey.Malformed',
    );
    expect((await sdkError(createVpc({ resourceGroupId: 'rg-acfmnothere00000' }))).code).toBe('InvalidResourceGroupId');
  });

  it('answers DryRun without creating anything', async () => {
    const before = (await vpc.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId }))).body!.totalCount;
    expect((await sdkError(createVpc({ dryRun: true, vpcName: 'dry' }))).code).toBe('DryRunOperation');
    const after = (await vpc.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId }))).body!.totalCount;
    expect(after).toBe(before);
  });

  it('is idempotent with a ClientToken', async () => {
    const first = await createVpc({ clientToken: 'vpc-token-1', vpcName: 'idem' });
    const again = await createVpc({ clientToken: 'vpc-token-1', vpcName: 'idem' });
    expect(again.vpcId).toBe(first.vpcId);
    expect((await sdkError(createVpc({ clientToken: 'vpc-token-1', vpcName: 'other' }))).code).toBe(
      'IdempotentParameterMismatch',
    );
  });

  it('describes VPCs with filters and pages of at most 50', async () => {
    const name = `list-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await createVpc({ vpcName: name, cidrBlock: `10.${i}.0.0/16` })).vpcId!);
    await vpc.tagResources(
      new TagResourcesRequest({
        regionId: cloud.regionId,
        resourceType: 'VPC',
        resourceId: [ids[1]!],
        tag: [new TagResourcesRequestTag({ key: 'pick', value: 'me' })],
      }),
    );

    const byName = (await vpc.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId, vpcName: name }))).body!;
    expect(byName.totalCount).toBe(3);
    expect(byName.vpcs?.vpc?.map((item) => item.vpcId).sort()).toEqual([...ids].sort());
    const first = byName.vpcs!.vpc![0]!;
    expect(first.routerTableIds?.routerTableIds).toHaveLength(1);
    expect(first.status).toBe('Available');
    expect(first.ownerId).toBeGreaterThan(0);

    const byIds = await vpc.describeVpcs(
      new DescribeVpcsRequest({ regionId: cloud.regionId, vpcId: `${ids[0]},${ids[2]}` }),
    );
    expect(byIds.body?.vpcs?.vpc?.map((item) => item.vpcId).sort()).toEqual([ids[0], ids[2]].sort());

    const byTag = await vpc.describeVpcs(
      new DescribeVpcsRequest({ regionId: cloud.regionId, tag: [new DescribeVpcsRequestTag({ key: 'pick', value: 'me' })] }),
    );
    expect(byTag.body?.vpcs?.vpc?.map((item) => item.vpcId)).toEqual([ids[1]]);
    expect(byTag.body?.vpcs?.vpc?.[0]?.tags?.tag).toEqual([expect.objectContaining({ key: 'pick', value: 'me' })]);

    const page = await vpc.describeVpcs(
      new DescribeVpcsRequest({ regionId: cloud.regionId, vpcName: name, pageSize: 2, pageNumber: 2 }),
    );
    expect(page.body).toMatchObject({ pageNumber: 2, pageSize: 2, totalCount: 3 });
    expect(page.body?.vpcs?.vpc).toHaveLength(1);
    expect((await sdkError(vpc.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId, pageSize: 51 })))).code).toBe(
      'InvalidParameter',
    );
    const defaults = await vpc.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId, isDefault: true }));
    expect(defaults.body?.totalCount).toBe(0);
  });

  it('answers InvalidVpcId.NotFound for an unknown VPC', async () => {
    const failure = await sdkError(
      vpc.describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId: 'vpc-bpnothere' })),
    );
    expect(failure).toMatchObject({ code: 'InvalidVpcId.NotFound', statusCode: 404 });
    expect((await sdkError(vpc.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId: 'vpc-bpnothere' })))).code).toBe(
      'InvalidVpcId.NotFound',
    );
  });

  it('creates vSwitches inside the VPC block, never overlapping, in a real zone', async () => {
    const { vpcId } = await createVpc({ cidrBlock: '10.20.0.0/16' });
    const first = await createVSwitch(vpcId!, '10.20.1.0/24', {
      vSwitchName: 'web',
      description: 'web tier',
      tag: [new CreateVSwitchRequestTag({ key: 'tier', value: 'web' })],
    });
    expect(first).toMatch(/^vsw-bp/);

    const attributes = (
      await vpc.describeVSwitchAttributes(new DescribeVSwitchAttributesRequest({ regionId: cloud.regionId, vSwitchId: first }))
    ).body!;
    expect(attributes).toMatchObject({
      vSwitchId: first,
      vpcId,
      zoneId: ZONE,
      cidrBlock: '10.20.1.0/24',
      status: 'Available',
      vSwitchName: 'web',
      description: 'web tier',
      availableIpAddressCount: 252,
      isDefault: false,
    });
    expect(attributes.routeTable?.routeTableType).toBe('System');
    expect(attributes.routeTable?.routeTableId).toMatch(/^vtb-/);
    expect(attributes.tags?.tag).toEqual([expect.objectContaining({ key: 'tier', value: 'web' })]);

    const cases: Array<[string, string]> = [
      ['10.20.1.128/25', 'InvalidCidrBlock.Overlapped'],
      ['10.20.0.0/16', 'InvalidCidrBlock.Overlapped'],
      ['10.21.0.0/24', 'InvalidCidrBlock.Malformed'],
      ['10.20.2.0/30', 'InvalidCidrBlock.Malformed'],
      ['10.20.2.1/24', 'InvalidCidrBlock.Malformed'],
    ];
    for (const [cidrBlock, code] of cases) {
      expect((await sdkError(createVSwitch(vpcId!, cidrBlock))).code, cidrBlock).toBe(code);
    }
    expect((await sdkError(createVSwitch(vpcId!, '10.20.2.0/24', { zoneId: 'cn-hangzhou-z' }))).code).toBe(
      'InvalidZoneId.NotFound',
    );
    expect((await sdkError(createVSwitch(vpcId!, '10.20.2.0/24', { zoneId: 'cn-shanghai-e' }))).code).toBe(
      'InvalidZoneId.NotFound',
    );
    expect((await sdkError(createVSwitch('vpc-bpnothere', '10.20.2.0/24'))).code).toBe('InvalidVpcId.NotFound');
    expect(
      (await sdkError(vpc.createVSwitch(new CreateVSwitchRequest({ regionId: cloud.regionId, vpcId, zoneId: ZONE })))).code,
    ).toBe('MissingParameter');

    const second = await createVSwitch(vpcId!, '10.20.2.0/29');
    const vpcView = (await vpc.describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId }))).body!;
    expect(vpcView.vSwitchIds?.vSwitchId?.sort()).toEqual([first, second].sort());
  });

  it('picks the first free block of CidrMask when no CidrBlock is given', async () => {
    const { vpcId } = await createVpc({ cidrBlock: '192.168.0.0/16' });
    await createVSwitch(vpcId!, '192.168.0.0/24');
    const response = await vpc.createVSwitch(
      new CreateVSwitchRequest({ regionId: cloud.regionId, vpcId, zoneId: ZONE, cidrMask: 24 }),
    );
    const attributes = await vpc.describeVSwitchAttributes(
      new DescribeVSwitchAttributesRequest({ regionId: cloud.regionId, vSwitchId: response.body!.vSwitchId }),
    );
    expect(attributes.body?.cidrBlock).toBe('192.168.1.0/24');
  });

  it('lists vSwitches by VPC, zone, name and tag, with both paging styles', async () => {
    const { vpcId } = await createVpc({ cidrBlock: '10.30.0.0/16' });
    const ids = [
      await createVSwitch(vpcId!, '10.30.1.0/24', { vSwitchName: 'a' }),
      await createVSwitch(vpcId!, '10.30.2.0/24', { vSwitchName: 'b', zoneId: 'cn-hangzhou-i' }),
      await createVSwitch(vpcId!, '10.30.3.0/24', { vSwitchName: 'c' }),
    ];
    const all = (await vpc.describeVSwitches(new DescribeVSwitchesRequest({ regionId: cloud.regionId, vpcId }))).body!;
    expect(all.totalCount).toBe(3);
    expect(all.vSwitches?.vSwitch?.map((item) => item.vSwitchId).sort()).toEqual([...ids].sort());
    const item = all.vSwitches!.vSwitch!.find((entry) => entry.vSwitchId === ids[0])!;
    expect(item).toMatchObject({ vpcId, zoneId: ZONE, cidrBlock: '10.30.1.0/24', status: 'Available', availableIpAddressCount: 252 });

    const inZone = await vpc.describeVSwitches(
      new DescribeVSwitchesRequest({ regionId: cloud.regionId, vpcId, zoneId: 'cn-hangzhou-i' }),
    );
    expect(inZone.body?.vSwitches?.vSwitch?.map((entry) => entry.vSwitchId)).toEqual([ids[1]]);
    const byName = await vpc.describeVSwitches(new DescribeVSwitchesRequest({ regionId: cloud.regionId, vSwitchName: 'c', vpcId }));
    expect(byName.body?.vSwitches?.vSwitch?.map((entry) => entry.vSwitchId)).toEqual([ids[2]]);

    const page = await vpc.describeVSwitches(
      new DescribeVSwitchesRequest({ regionId: cloud.regionId, vpcId, pageSize: 2, pageNumber: 2 }),
    );
    expect(page.body).toMatchObject({ totalCount: 3, pageNumber: 2, pageSize: 2 });
    expect(page.body?.vSwitches?.vSwitch).toHaveLength(1);
  });

  it('counts instance addresses and refuses to delete a vSwitch or VPC that is still used', async () => {
    const { vpcId } = await createVpc({ cidrBlock: '10.40.0.0/16' });
    const vswitchId = await createVSwitch(vpcId!, '10.40.0.0/29');
    const instanceId = await insertInstance(cloud.cloud.store.db, {
      accountId: cloud.accountId,
      regionId: cloud.regionId,
      zoneId: ZONE,
      vpcId: vpcId!,
      vswitchId,
      securityGroupIds: [],
      privateIp: '10.40.0.1',
    });
    const attributes = await vpc.describeVSwitchAttributes(
      new DescribeVSwitchAttributesRequest({ regionId: cloud.regionId, vSwitchId: vswitchId }),
    );
    expect(attributes.body?.availableIpAddressCount).toBe(3);

    const inUse = await sdkError(vpc.deleteVSwitch(new DeleteVSwitchRequest({ regionId: cloud.regionId, vSwitchId: vswitchId })));
    expect(inUse).toMatchObject({ code: 'DependencyViolation', statusCode: 400 });
    expect(inUse.message).toContain('Specified object has dependent resources.');
    const withVSwitch = await sdkError(vpc.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId })));
    expect(withVSwitch).toMatchObject({ code: 'DependencyViolation.VSwitch', statusCode: 400 });

    await deleteInstance(cloud.cloud.store.db, instanceId);
    await vpc.deleteVSwitch(new DeleteVSwitchRequest({ regionId: cloud.regionId, vSwitchId: vswitchId }));
    expect(
      (await sdkError(vpc.describeVSwitchAttributes(new DescribeVSwitchAttributesRequest({ regionId: cloud.regionId, vSwitchId: vswitchId })))).code,
    ).toBe('InvalidVSwitchId.NotFound');
    expect((await sdkError(vpc.deleteVSwitch(new DeleteVSwitchRequest({ regionId: cloud.regionId, vSwitchId: vswitchId })))).code).toBe(
      'InvalidVSwitchId.NotFound',
    );

    const ecs = cloud.ecsClient();
    const group = await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId }));
    const withGroup = await sdkError(vpc.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId })));
    expect(withGroup).toMatchObject({ code: 'DependencyViolation.SecurityGroup', statusCode: 400 });
    await ecs.deleteSecurityGroup(
      new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: group.body!.securityGroupId }),
    );

    await vpc.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId }));
    expect(
      (await sdkError(vpc.describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId })))).code,
    ).toBe('InvalidVpcId.NotFound');
  });

  it('describes the system route table terraform reads', async () => {
    const created = await createVpc({ cidrBlock: '10.50.0.0/16' });
    const vswitchId = await createVSwitch(created.vpcId!, '10.50.1.0/24');
    const list = await vpc.describeRouteTableList(
      new DescribeRouteTableListRequest({ regionId: cloud.regionId, vpcId: created.vpcId }),
    );
    expect(list.body?.routerTableList?.routerTableListType).toEqual([
      expect.objectContaining({
        routeTableId: created.routeTableId,
        routeTableType: 'System',
        routerId: created.VRouterId,
        vpcId: created.vpcId,
        status: 'Available',
      }),
    ]);
    expect(list.body?.routerTableList?.routerTableListType?.[0]?.vSwitchIds?.vSwitchId).toEqual([vswitchId]);
  });

  it('tags VPCs and vSwitches through the VPC product tag actions', async () => {
    const { vpcId } = await createVpc({ cidrBlock: '10.60.0.0/16' });
    const vswitchId = await createVSwitch(vpcId!, '10.60.1.0/24');
    await vpc.tagResources(
      new TagResourcesRequest({
        regionId: cloud.regionId,
        resourceType: 'VSWITCH',
        resourceId: [vswitchId],
        tag: [new TagResourcesRequestTag({ key: 'a', value: '1' }), new TagResourcesRequestTag({ key: 'b', value: '2' })],
      }),
    );
    await vpc.unTagResources(
      new UnTagResourcesRequest({ regionId: cloud.regionId, resourceType: 'VSWITCH', resourceId: [vswitchId], tagKey: ['a'] }),
    );
    const listed = await vpc.listTagResources(
      new ListTagResourcesRequest({ regionId: cloud.regionId, resourceType: 'VSWITCH', resourceId: [vswitchId] }),
    );
    expect(listed.body?.tagResources?.tagResource).toEqual([
      expect.objectContaining({ resourceId: vswitchId, resourceType: 'VSWITCH', tagKey: 'b', tagValue: '2' }),
    ]);
    const wrongType = await sdkError(
      vpc.tagResources(
        new TagResourcesRequest({
          regionId: cloud.regionId,
          resourceType: 'VPC',
          resourceId: [vswitchId],
          tag: [new TagResourcesRequestTag({ key: 'a', value: '1' })],
        }),
      ),
    );
    expect(wrongType.code).toBe('InvalidResourceId.NotFound');
  });

  it('hides one account’s VPCs and vSwitches from another', async () => {
    const { vpcId } = await createVpc({ cidrBlock: '10.70.0.0/16', vpcName: 'private-net' });
    const vswitchId = await createVSwitch(vpcId!, '10.70.1.0/24');
    const other = await cloud.createAccount();
    const stranger = cloud.vpcClient({ accessKeyId: other.accessKeyId, accessKeySecret: other.accessKeySecret });

    const listed = await stranger.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId }));
    expect(listed.body?.totalCount).toBe(0);
    expect(listed.body?.vpcs?.vpc).toEqual([]);
    expect(
      (await sdkError(stranger.describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId })))).code,
    ).toBe('InvalidVpcId.NotFound');
    expect((await sdkError(stranger.deleteVpc(new DeleteVpcRequest({ regionId: cloud.regionId, vpcId })))).code).toBe(
      'InvalidVpcId.NotFound',
    );
    expect(
      (
        await sdkError(
          stranger.createVSwitch(
            new CreateVSwitchRequest({ regionId: cloud.regionId, vpcId, zoneId: ZONE, cidrBlock: '10.70.2.0/24' }),
          ),
        )
      ).code,
    ).toBe('InvalidVpcId.NotFound');
    expect(
      (await sdkError(stranger.deleteVSwitch(new DeleteVSwitchRequest({ regionId: cloud.regionId, vSwitchId: vswitchId })))).code,
    ).toBe('InvalidVSwitchId.NotFound');
    const switches = await stranger.describeVSwitches(new DescribeVSwitchesRequest({ regionId: cloud.regionId, vpcId }));
    expect(switches.body?.totalCount).toBe(0);

    // The same block is free in the other account's own VPC.
    const own = await stranger.createVpc(new CreateVpcRequest({ regionId: cloud.regionId, cidrBlock: '10.70.0.0/16' }));
    expect(own.body?.vpcId).not.toBe(vpcId);
  });

  it('works with the RPC HMAC-SHA1 signature too', async () => {
    const v1 = cloud.vpcClient({ signature: 'v1' });
    const created = await v1.createVpc(new CreateVpcRequest({ regionId: cloud.regionId, cidrBlock: '192.168.50.0/24' }));
    const described = await v1.describeVpcs(new DescribeVpcsRequest({ regionId: cloud.regionId, vpcId: created.body!.vpcId }));
    expect(described.body?.vpcs?.vpc?.[0]?.cidrBlock).toBe('192.168.50.0/24');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateSecurityGroupRequest,
  CreateSecurityGroupRequestTag,
  DeleteSecurityGroupRequest,
  DescribeSecurityGroupAttributeRequest,
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsRequestTag,
} from '@alicloud/ecs20140526';
import { CreateVpcRequest } from '@alicloud/vpc20160428';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { createVpcWithVSwitch, seededResourceGroups } from '../support/network.js';
import { deleteInstance, insertInstance, sdkError } from './network-fixtures.js';

describe('security groups with the official ECS SDK', () => {
  const cloud = useTestCloud();
  let ecs: EcsClient;
  let vpcId: string;
  let vswitchId: string;
  let secondGroupId: string;

  beforeAll(async () => {
    ecs = cloud.ecsClient();
    ({ vpcId, vSwitchId: vswitchId } = await createVpcWithVSwitch(cloud, { vpcCidr: '172.17.3.0/24', cidrBlock: '172.17.3.0/24', zoneId: 'cn-hangzhou-h' }));
    secondGroupId = (await seededResourceGroups(cloud)).otherId;
  });

  async function create(fields: Partial<CreateSecurityGroupRequest> = {}): Promise<string> {
    const response = await ecs.createSecurityGroup(
      new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId, ...fields }),
    );
    return response.body!.securityGroupId!;
  }

  async function describe1(securityGroupId: string) {
    const response = await ecs.describeSecurityGroups(
      new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, securityGroupId }),
    );
    return response.body!;
  }

  it('creates a group in a VPC and describes it as terraform reads it', async () => {
    const id = await create({
      securityGroupName: 'terraform-example',
      description: 'web servers',
      tag: [new CreateSecurityGroupRequestTag({ key: 'env', value: 'test' })],
    });
    expect(id).toMatch(/^sg-bp[0-9a-z]{18}$/);
    const listed = await describe1(id);
    expect(listed).toMatchObject({ totalCount: 1, pageNumber: 1, regionId: 'cn-hangzhou' });
    const group = listed.securityGroups!.securityGroup![0]!;
    expect(group).toMatchObject({
      securityGroupId: id,
      securityGroupName: 'terraform-example',
      description: 'web servers',
      vpcId,
      securityGroupType: 'normal',
      serviceManaged: false,
      ecsCount: 0,
      availableInstanceAmount: 2000,
    });
    expect(group.resourceGroupId).toMatch(/^rg-/);
    expect(group.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(group.tags?.tag).toEqual([expect.objectContaining({ tagKey: 'env', tagValue: 'test' })]);

    const attribute = await ecs.describeSecurityGroupAttribute(
      new DescribeSecurityGroupAttributeRequest({ regionId: cloud.regionId, securityGroupId: id }),
    );
    expect(attribute.body).toMatchObject({
      securityGroupId: id,
      securityGroupName: 'terraform-example',
      description: 'web servers',
      vpcId,
      innerAccessPolicy: 'Accept',
      regionId: 'cn-hangzhou',
    });
    expect(attribute.body?.permissions?.permission).toEqual([]);
  });

  it('creates an enterprise group in a chosen resource group', async () => {
    const id = await create({ securityGroupType: 'enterprise', resourceGroupId: secondGroupId });
    const group = (await describe1(id)).securityGroups!.securityGroup![0]!;
    expect(group).toMatchObject({ securityGroupType: 'enterprise', resourceGroupId: secondGroupId, securityGroupName: '' });
    const attribute = await ecs.describeSecurityGroupAttribute(
      new DescribeSecurityGroupAttributeRequest({ regionId: cloud.regionId, securityGroupId: id }),
    );
    expect(attribute.body?.innerAccessPolicy).toBe('Drop');
  });

  it('enforces the documented rules with ECS codes', async () => {
    const cases: Array<[Partial<CreateSecurityGroupRequest>, string, number]> = [
      [{ securityGroupName: 'a' }, 'InvalidSecurityGroupName.Malformed', 400],
      [{ securityGroupName: '1abc' }, 'InvalidSecurityGroupName.Malformed', 400],
      [{ securityGroupName: 'http://abc' }, 'InvalidSecurityGroupName.Malformed', 400],
      [{ securityGroupName: 'n'.repeat(129) }, 'InvalidSecurityGroupName.Malformed', 400],
      [{ description: 'd' }, 'InvalidSecurityGroupDiscription.Malformed', 400],
      [{ description: 'https://d' }, 'InvalidSecurityGroupDiscription.Malformed', 400],
      [{ securityGroupType: 'premium' }, 'InvalidParameter', 400],
      [{ vpcId: 'vpc-bpnothere' }, 'InvalidVpcId.NotFound', 404],
      [{ vpcId: '' }, 'InvalidVpcId.NotFound', 404],
      [{ resourceGroupId: 'rg-acfmnothere00000' }, 'InvalidResourceGroup.NotFound', 404],
      [{ tag: [new CreateSecurityGroupRequestTag({ key: 'acs:x', value: '1' })] }, 'InvalidTagKey.Malformed', 400],
      [{ tag: [new CreateSecurityGroupRequestTag({ key: 'k', value: 'http://x' })] }, 'InvalidTagValue.Malformed', 400],
      [
        {
          tag: [
            new CreateSecurityGroupRequestTag({ key: 'k', value: '1' }),
            new CreateSecurityGroupRequestTag({ key: 'k', value: '2' }),
          ],
        },
        'Duplicate.TagKey',
        400,
      ],
      [
        { tag: Array.from({ length: 21 }, (_, i) => new CreateSecurityGroupRequestTag({ key: `k${i}`, value: 'v' })) },
        'NumberExceed.Tags',
        400,
      ],
    ];
    for (const [fields, code, status] of cases) {
      const failure = await sdkError(create(fields));
      expect({ code: failure.code, status: failure.statusCode }, JSON.stringify(fields).slice(0, 80)).toEqual({ code, status });
    }
    expect(await create({ securityGroupName: '安全组-1', description: 'ok' })).toMatch(/^sg-/);
  });

  it('is idempotent with a ClientToken', async () => {
    const first = await create({ clientToken: 'sg-token', securityGroupName: 'idem' });
    expect(await create({ clientToken: 'sg-token', securityGroupName: 'idem' })).toBe(first);
    expect((await sdkError(create({ clientToken: 'sg-token', securityGroupName: 'other' }))).code).toBe(
      'IdempotentParameterMismatch',
    );
  });

  it('filters by ids, VPC, name, type, resource group and tags, with both paging styles', async () => {
    const vpc = cloud.vpcClient();
    const otherVpc = (await vpc.createVpc(new CreateVpcRequest({ regionId: cloud.regionId, cidrBlock: '10.9.0.0/16' }))).body!
      .vpcId!;
    const ids = [
      await create({ vpcId: otherVpc, securityGroupName: 'alpha', tag: [new CreateSecurityGroupRequestTag({ key: 'app', value: 'a' })] }),
      await create({ vpcId: otherVpc, securityGroupName: 'beta', tag: [new CreateSecurityGroupRequestTag({ key: 'app', value: 'b' })] }),
      await create({ vpcId: otherVpc, securityGroupName: 'gamma', securityGroupType: 'enterprise', resourceGroupId: secondGroupId }),
    ];
    const request = (fields: Partial<DescribeSecurityGroupsRequest>) =>
      ecs.describeSecurityGroups(new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, ...fields }));
    const idsOf = (body: Awaited<ReturnType<typeof request>>) =>
      body.body!.securityGroups!.securityGroup!.map((group) => group.securityGroupId).sort();

    expect(idsOf(await request({ vpcId: otherVpc }))).toEqual([...ids].sort());
    expect(idsOf(await request({ securityGroupIds: JSON.stringify([ids[0], ids[2]]) }))).toEqual([ids[0], ids[2]].sort());
    expect(idsOf(await request({ vpcId: otherVpc, securityGroupName: 'beta' }))).toEqual([ids[1]]);
    expect(idsOf(await request({ vpcId: otherVpc, securityGroupType: 'enterprise' }))).toEqual([ids[2]]);
    expect(idsOf(await request({ vpcId: otherVpc, resourceGroupId: secondGroupId }))).toEqual([ids[2]]);
    expect(idsOf(await request({ tag: [new DescribeSecurityGroupsRequestTag({ key: 'app', value: 'a' })] }))).toEqual([ids[0]]);
    expect(idsOf(await request({ vpcId: otherVpc, tag: [new DescribeSecurityGroupsRequestTag({ key: 'app' })] }))).toEqual(
      [ids[0], ids[1]].sort(),
    );
    expect(
      idsOf(
        await request({
          tag: [
            new DescribeSecurityGroupsRequestTag({ key: 'app', value: 'a' }),
            new DescribeSecurityGroupsRequestTag({ key: 'app', value: 'b' }),
          ],
        }),
      ),
    ).toEqual([]);

    const page1 = await request({ vpcId: otherVpc, pageSize: 2, pageNumber: 1 });
    expect(page1.body).toMatchObject({ totalCount: 3, pageSize: 2, pageNumber: 1 });
    const page2 = await request({ vpcId: otherVpc, pageSize: 2, pageNumber: 2 });
    expect(page2.body?.securityGroups?.securityGroup).toHaveLength(1);

    const token1 = await request({ vpcId: otherVpc, maxResults: 2 });
    expect(token1.body?.securityGroups?.securityGroup).toHaveLength(2);
    expect(token1.body?.nextToken).not.toBe('');
    const token2 = await request({ vpcId: otherVpc, maxResults: 2, nextToken: token1.body!.nextToken! });
    expect(token2.body?.securityGroups?.securityGroup).toHaveLength(1);
    expect(token2.body?.nextToken).toBe('');
    const seen = [...idsOf(token1), ...idsOf(token2)].sort();
    expect(seen).toEqual([...ids].sort());

    expect((await sdkError(request({ securityGroupIds: 'sg-not-json' }))).code).toBe('InvalidParameter');
    expect((await sdkError(request({ nextToken: 'garbage' }))).code).toBe('InvalidParameter');
    expect((await sdkError(request({ dryRun: true }))).code).toBe('DryRunOperation');
  });

  it('refuses to delete a group that instances use, then deletes it', async () => {
    const id = await create({ securityGroupName: 'busy' });
    const instanceId = await insertInstance(cloud.cloud.store.db, {
      accountId: cloud.accountId,
      regionId: cloud.regionId,
      zoneId: 'cn-hangzhou-h',
      vpcId,
      vswitchId,
      securityGroupIds: [id],
      privateIp: '172.17.3.1',
    });
    const group = (await describe1(id)).securityGroups!.securityGroup![0]!;
    expect(group).toMatchObject({ ecsCount: 1, availableInstanceAmount: 1999 });

    const failure = await sdkError(
      ecs.deleteSecurityGroup(new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: id })),
    );
    expect(failure.code).toBe('DependencyViolation');
    expect(failure.message).toContain('There is still instance(s) in the specified security group.');

    await deleteInstance(cloud.cloud.store.db, instanceId);
    await ecs.deleteSecurityGroup(new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: id }));
    expect((await describe1(id)).securityGroups?.securityGroup).toEqual([]);
    const gone = await sdkError(
      ecs.describeSecurityGroupAttribute(new DescribeSecurityGroupAttributeRequest({ regionId: cloud.regionId, securityGroupId: id })),
    );
    expect(gone).toMatchObject({ code: 'InvalidSecurityGroupId.NotFound', statusCode: 404 });
    expect(
      (await sdkError(ecs.deleteSecurityGroup(new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: id })))).code,
    ).toBe('InvalidSecurityGroupId.NotFound');
  });

  it('hides one account’s groups from another', async () => {
    const id = await create({ securityGroupName: 'mine' });
    const other = await cloud.createAccount();
    const stranger = cloud.ecsClient({ accessKeyId: other.accessKeyId, accessKeySecret: other.accessKeySecret });
    const listed = await stranger.describeSecurityGroups(
      new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, securityGroupIds: JSON.stringify([id]) }),
    );
    expect(listed.body?.totalCount).toBe(0);
    expect(
      (
        await sdkError(
          stranger.describeSecurityGroupAttribute(
            new DescribeSecurityGroupAttributeRequest({ regionId: cloud.regionId, securityGroupId: id }),
          ),
        )
      ).code,
    ).toBe('InvalidSecurityGroupId.NotFound');
    expect(
      (await sdkError(stranger.deleteSecurityGroup(new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: id }))))
        .code,
    ).toBe('InvalidSecurityGroupId.NotFound');
    // Nor may it put a group into someone else's VPC.
    expect(
      (await sdkError(stranger.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId })))).code,
    ).toBe('InvalidVpcId.NotFound');
    expect((await describe1(id)).totalCount).toBe(1);
  });

  it('works with the RPC HMAC-SHA1 signature too', async () => {
    const v1 = cloud.ecsClient({ signature: 'v1' });
    const created = await v1.createSecurityGroup(
      new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId, securityGroupName: 'signed-v1' }),
    );
    const listed = await v1.describeSecurityGroups(
      new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, securityGroupId: created.body!.securityGroupId }),
    );
    expect(listed.body?.securityGroups?.securityGroup?.[0]?.securityGroupName).toBe('signed-v1');
  });
});

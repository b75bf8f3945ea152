import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateSecurityGroupRequest,
  DescribeSecurityGroupsRequest,
  JoinResourceGroupRequest,
  ListTagResourcesRequest,
  ListTagResourcesRequestTag,
  ListTagResourcesRequestTagFilter,
  TagResourcesRequest,
  TagResourcesRequestTag,
  UntagResourcesRequest,
} from '@alicloud/ecs20140526';
import { ListResourceGroupsRequest } from '@alicloud/resourcemanager20200331';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { createVpcWithVSwitch, seededResourceGroups } from '../support/network.js';
import { insertInstance, sdkError } from './network-fixtures.js';

const tag = (key: string, value: string) => new TagResourcesRequestTag({ key, value });

describe('ECS tags and resource groups with the official ECS SDK', () => {
  const cloud = useTestCloud();
  let ecs: EcsClient;
  let vpcId: string;
  let vswitchId: string;
  let defaultGroupId: string;
  let otherGroupId: string;

  beforeAll(async () => {
    ecs = cloud.ecsClient();
    ({ vpcId, vSwitchId: vswitchId } = await createVpcWithVSwitch(cloud, { vpcCidr: '10.1.0.0/16', cidrBlock: '10.1.0.0/24', zoneId: 'cn-hangzhou-i' }));
    ({ defaultId: defaultGroupId, otherId: otherGroupId } = await seededResourceGroups(cloud));
  });

  async function newGroup(): Promise<string> {
    const response = await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId }));
    return response.body!.securityGroupId!;
  }

  function tagResources(ids: string[], tags: TagResourcesRequestTag[], resourceType = 'securitygroup', client = ecs) {
    return client.tagResources(new TagResourcesRequest({ regionId: cloud.regionId, resourceType, resourceId: ids, tag: tags }));
  }

  async function listTags(ids: string[], resourceType = 'securitygroup') {
    const response = await ecs.listTagResources(
      new ListTagResourcesRequest({ regionId: cloud.regionId, resourceType, resourceId: ids }),
    );
    return response.body!.tagResources!.tagResource!.map((row) => [row.resourceId, row.tagKey, row.tagValue]);
  }

  it('tags several resources at once, upserting existing keys, and lists them', async () => {
    const [a, b] = [await newGroup(), await newGroup()];
    await tagResources([a, b], [tag('env', 'dev'), tag('owner', 'ops')]);
    await tagResources([a], [tag('env', 'prod'), tag('empty', '')]);
    const rows = await listTags([a, b]);
    expect(rows).toEqual(
      [
        [a, 'empty', ''],
        [a, 'env', 'prod'],
        [a, 'owner', 'ops'],
        [b, 'env', 'dev'],
        [b, 'owner', 'ops'],
      ].sort((x, y) => (x.join() < y.join() ? -1 : 1)),
    );
    const listed = await ecs.listTagResources(
      new ListTagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [b] }),
    );
    expect(listed.body?.tagResources?.tagResource?.[0]?.resourceType).toBe('securitygroup');
    expect(listed.body?.nextToken).toBe('');

    // Describe actions show the same tags.
    const described = await ecs.describeSecurityGroups(
      new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, securityGroupId: a }),
    );
    expect(described.body?.securityGroups?.securityGroup?.[0]?.tags?.tag?.map((t) => [t.tagKey, t.tagValue])).toEqual([
      ['empty', ''],
      ['env', 'prod'],
      ['owner', 'ops'],
    ]);
  });

  it('untags by key, and everything with All=true', async () => {
    const id = await newGroup();
    await tagResources([id], [tag('a', '1'), tag('b', '2'), tag('c', '3')]);
    await ecs.untagResources(
      new UntagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [id], tagKey: ['a', 'missing'] }),
    );
    expect(await listTags([id])).toEqual([
      [id, 'b', '2'],
      [id, 'c', '3'],
    ]);
    await ecs.untagResources(
      new UntagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [id], all: true }),
    );
    expect(await listTags([id])).toEqual([]);
    const nothing = await sdkError(
      ecs.untagResources(new UntagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [id] })),
    );
    expect(nothing.code).toBe('MissingParameter.Tags');
  });

  it('keeps at most 20 tags on a resource', async () => {
    const id = await newGroup();
    await tagResources([id], Array.from({ length: 15 }, (_, i) => tag(`k${i}`, 'v')));
    // Overwriting existing keys does not count against the quota.
    await tagResources([id], Array.from({ length: 20 }, (_, i) => tag(`k${i}`, 'w')));
    const over = await sdkError(tagResources([id], [tag('k20', 'v')]));
    expect(over).toMatchObject({ code: 'OperationDenied.QuotaExceed', statusCode: 400 });
    expect(await listTags([id])).toHaveLength(20);
  });

  it('answers the documented errors and changes nothing', async () => {
    const id = await newGroup();
    // Thunks: each call starts only when its turn comes, so no rejection waits unobserved.
    const cases: Array<[() => Promise<unknown>, string, number]> = [
      [() => tagResources([id], [tag('aliyun-x', 'v')]), 'InvalidTagKey.Malformed', 400],
      [() => tagResources([id], [tag('', 'v')]), 'InvalidTagKey.Malformed', 400],
      [() => tagResources([id], [tag('k', 'acs:v')]), 'InvalidTagValue.Malformed', 400],
      [() => tagResources([id], [tag('k', 'v'.repeat(129))]), 'InvalidTagValue.Malformed', 400],
      [() => tagResources([id], [tag('k', '1'), tag('k', '2')]), 'Duplicate.TagKey', 400],
      [() => tagResources([id], Array.from({ length: 21 }, (_, i) => tag(`k${i}`, 'v'))), 'NumberExceed.Tags', 400],
      [() => tagResources(Array.from({ length: 51 }, (_, i) => `sg-${i}`), [tag('k', 'v')]), 'NumberExceed.ResourceIds', 400],
      [() => tagResources([id], []), 'MissingParameter.Tags', 404],
      [() => tagResources([id, 'sg-bpnothere'], [tag('k', 'v')]), 'InvalidResourceId.NotFound', 404],
      [() => tagResources([id], [tag('k', 'v')], 'instance'), 'InvalidResourceId.NotFound', 404],
      [() => tagResources([id], [tag('k', 'v')], 'keypair'), 'InvalidResourceId.NotFound', 404],
      [() => tagResources([id], [tag('k', 'v')], 'bucket'), 'InvalidResourceType.NotFound', 404],
      [() => tagResources([id], [tag('k', 'v')], 'vpc'), 'InvalidResourceType.NotFound', 404],
    ];
    for (const [call, code, status] of cases) {
      const failure = await sdkError(call());
      expect({ code: failure.code, status: failure.statusCode }).toEqual({ code, status });
    }
    const missingType = await sdkError(
      ecs.tagResources(new TagResourcesRequest({ regionId: cloud.regionId, resourceId: [id], tag: [tag('k', 'v')] })),
    );
    expect(missingType.code).toBe('MissingParameter.ResourceType');
    expect(await listTags([id])).toEqual([]);
  });

  it('tags other areas’ resources by type, here an instance', async () => {
    const instanceId = await insertInstance(cloud.cloud.store.db, {
      accountId: cloud.accountId,
      regionId: cloud.regionId,
      zoneId: 'cn-hangzhou-i',
      vpcId,
      vswitchId,
      securityGroupIds: [],
      privateIp: '10.1.0.1',
    });
    await tagResources([instanceId], [tag('role', 'builder')], 'instance');
    expect(await listTags([instanceId], 'instance')).toEqual([[instanceId, 'role', 'builder']]);
    // The same id under another type is not found.
    expect(await listTags([instanceId], 'disk')).toEqual([]);
  });

  it('lists by Tag.N and TagFilter.N, paging with NextToken', async () => {
    const ids = [await newGroup(), await newGroup(), await newGroup()];
    await tagResources([ids[0]!], [tag('stage', 'a'), tag('team', 'x')]);
    await tagResources([ids[1]!], [tag('stage', 'b'), tag('team', 'x')]);
    await tagResources([ids[2]!], [tag('stage', 'c')]);
    const list = (fields: Partial<ListTagResourcesRequest>) =>
      ecs.listTagResources(new ListTagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', ...fields }));

    const byTag = await list({ tag: [new ListTagResourcesRequestTag({ key: 'team', value: 'x' })] });
    expect(new Set(byTag.body!.tagResources!.tagResource!.map((row) => row.resourceId))).toEqual(new Set([ids[0], ids[1]]));
    const byFilter = await list({
      tagFilter: [new ListTagResourcesRequestTagFilter({ tagKey: 'stage', tagValues: ['a', 'c'] })],
    });
    expect(new Set(byFilter.body!.tagResources!.tagResource!.map((row) => row.resourceId))).toEqual(new Set([ids[0], ids[2]]));

    // 59 rows in all: more than one page of 50.
    for (const id of ids) await tagResources([id], Array.from({ length: 18 }, (_, i) => tag(`extra${i}`, 'v')));

    const pages: string[] = [];
    let calls = 0;
    let nextToken: string | undefined;
    do {
      const response = await ecs.listTagResources(
        new ListTagResourcesRequest({
          regionId: cloud.regionId,
          resourceType: 'securitygroup',
          resourceId: ids,
          ...(nextToken !== undefined ? { nextToken } : {}),
        }),
      );
      calls += 1;
      pages.push(...response.body!.tagResources!.tagResource!.map((row) => `${row.resourceId}:${row.tagKey}`));
      nextToken = response.body!.nextToken || undefined;
    } while (nextToken !== undefined);
    expect(calls).toBe(2);
    expect(pages).toHaveLength(59);
    expect(new Set(pages).size).toBe(59);

    const missing = await sdkError(list({}));
    expect(missing.code).toBe('MissingParameter');
    expect((await sdkError(list({ resourceId: ids, nextToken: 'nope' }))).code).toBe('InvalidParameter');
  });

  it('moves a resource into another resource group', async () => {
    const id = await newGroup();
    const before = await ecs.describeSecurityGroups(new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, securityGroupId: id }));
    expect(before.body?.securityGroups?.securityGroup?.[0]?.resourceGroupId).toBe(defaultGroupId);

    const join = (fields: Partial<JoinResourceGroupRequest>) =>
      ecs.joinResourceGroup(
        new JoinResourceGroupRequest({
          regionId: cloud.regionId,
          resourceType: 'securitygroup',
          resourceId: id,
          resourceGroupId: otherGroupId,
          ...fields,
        }),
      );
    await join({});
    const after = await ecs.describeSecurityGroups(
      new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, resourceGroupId: otherGroupId, securityGroupId: id }),
    );
    expect(after.body?.securityGroups?.securityGroup?.[0]?.resourceGroupId).toBe(otherGroupId);

    expect(await sdkError(join({}))).toMatchObject({ code: 'InvalidResourceGroup.Duplicate', statusCode: 403 });
    expect(await sdkError(join({ resourceGroupId: 'rg-acfmnothere00000' }))).toMatchObject({
      code: 'InvalidResourceGroup.NotFound',
      statusCode: 404,
    });
    expect(await sdkError(join({ resourceId: 'sg-bpnothere' }))).toMatchObject({ code: 'InvalidResourceId.NotFound', statusCode: 404 });
    expect(await sdkError(join({ resourceType: 'image' }))).toMatchObject({ code: 'InvalidResourceId.NotFound' });
    expect(await sdkError(join({ resourceType: 'vpc' }))).toMatchObject({ code: 'InvalidResourceType.NotFound' });
    expect((await sdkError(join({ resourceGroupId: '' }))).code).toBe('MissingParameter');
    await join({ resourceGroupId: defaultGroupId });
  });

  it('keeps accounts apart: no tagging, listing or moving of others’ resources', async () => {
    const id = await newGroup();
    await tagResources([id], [tag('secret', 'yes')]);
    const other = await cloud.createAccount();
    const stranger = cloud.ecsClient({ accessKeyId: other.accessKeyId, accessKeySecret: other.accessKeySecret });

    expect((await sdkError(tagResources([id], [tag('mine', 'now')], 'securitygroup', stranger))).code).toBe(
      'InvalidResourceId.NotFound',
    );
    expect(
      (
        await sdkError(
          stranger.untagResources(
            new UntagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [id], all: true }),
          ),
        )
      ).code,
    ).toBe('InvalidResourceId.NotFound');
    const listed = await stranger.listTagResources(
      new ListTagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [id] }),
    );
    expect(listed.body?.tagResources?.tagResource).toEqual([]);

    // The stranger's own groups cannot receive this account's resources, nor the reverse.
    const strangerGroups = await cloud
      .resourceManagerClient({ accessKeyId: other.accessKeyId, accessKeySecret: other.accessKeySecret })
      .listResourceGroups(new ListResourceGroupsRequest({}));
    const strangerGroupId = strangerGroups.body!.resourceGroups!.resourceGroup![0]!.id!;
    const joinStrangerGroup = async (client: EcsClient): Promise<string> =>
      (
        await sdkError(
          client.joinResourceGroup(
            new JoinResourceGroupRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: id, resourceGroupId: strangerGroupId }),
          ),
        )
      ).code;
    expect(await joinStrangerGroup(ecs)).toBe('InvalidResourceGroup.NotFound');
    expect(await joinStrangerGroup(stranger)).toBe('InvalidResourceId.NotFound');
    expect(await listTags([id])).toEqual([[id, 'secret', 'yes']]);
  });
});

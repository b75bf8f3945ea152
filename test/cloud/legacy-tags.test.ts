import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddTagsRequest,
  AddTagsRequestTag,
  CreateSecurityGroupRequest,
  DescribeSecurityGroupsRequest,
  DescribeTagsRequest,
  DescribeTagsRequestTag,
  ListTagResourcesRequest,
  RemoveTagsRequest,
  RemoveTagsRequestTag,
  TagResourcesRequest,
  TagResourcesRequestTag,
} from '@alicloud/ecs20140526';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { createVpcWithVSwitch } from '../support/network.js';
import { expectEcsError } from '../support/sdk-error.js';

const pair = (key: string, value: string) => new AddTagsRequestTag({ key, value });

describe('legacy AddTags / RemoveTags / DescribeTags with the official ECS SDK', () => {
  const cloud = useTestCloud();
  let ecs: EcsClient;
  let vpcId: string;

  beforeAll(async () => {
    ecs = cloud.ecsClient({ signature: 'v1' });
    ({ vpcId } = await createVpcWithVSwitch(cloud, { vpcCidr: '10.7.0.0/16', cidrBlock: '10.7.0.0/24' }));
  });

  async function newGroup(): Promise<string> {
    return (await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId }))).body!.securityGroupId!;
  }

  const addTags = (resourceId: string, tag: AddTagsRequestTag[], resourceType = 'securitygroup') =>
    ecs.addTags(new AddTagsRequest({ regionId: cloud.regionId, resourceId, resourceType, tag }));

  async function listed(id: string): Promise<string[][]> {
    const response = await ecs.listTagResources(new ListTagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [id] }));
    return response.body!.tagResources!.tagResource!.map((row) => [row.tagKey!, row.tagValue!]);
  }

  it('adds tags that TagResources, ListTagResources and DescribeSecurityGroups see, overwriting a key', async () => {
    const id = await newGroup();
    await addTags(id, [pair('env', 'dev'), pair('team', 'images')]);
    await ecs.tagResources(new TagResourcesRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: [id], tag: [new TagResourcesRequestTag({ key: 'env', value: 'prod' })] }));
    await addTags(id, [pair('team', 'build')]);
    expect(await listed(id)).toEqual([
      ['env', 'prod'],
      ['team', 'build'],
    ]);
    const groups = await ecs.describeSecurityGroups(new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, securityGroupIds: JSON.stringify([id]) }));
    expect(groups.body!.securityGroups!.securityGroup![0]!.tags!.tag!.map((tag) => tag.tagKey)).toEqual(['env', 'team']);
  });

  it('removes by key, or only the exact pair when a value is given', async () => {
    const id = await newGroup();
    await addTags(id, [pair('a', '1'), pair('b', '2'), pair('c', '3')]);
    const remove = (tag: RemoveTagsRequestTag[]) => ecs.removeTags(new RemoveTagsRequest({ regionId: cloud.regionId, resourceId: id, resourceType: 'securitygroup', tag }));
    await remove([new RemoveTagsRequestTag({ key: 'a' }), new RemoveTagsRequestTag({ key: 'b', value: 'not-2' })]);
    expect(await listed(id)).toEqual([
      ['b', '2'],
      ['c', '3'],
    ]);
    await remove([new RemoveTagsRequestTag({ key: 'b', value: '2' }), new RemoveTagsRequestTag({ key: 'missing' })]);
    expect(await listed(id)).toEqual([['c', '3']]);
  });

  it('describes tag pairs with how many resources of each type carry them', async () => {
    const [one, two] = [await newGroup(), await newGroup()];
    await addTags(one, [pair('describe-me', 'x'), pair('other', 'y')]);
    await addTags(two, [pair('describe-me', 'x')]);
    const response = await ecs.describeTags(
      new DescribeTagsRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', tag: [new DescribeTagsRequestTag({ key: 'describe-me' })] }),
    );
    const body = response.body!;
    expect(body.totalCount).toBe(1);
    expect(body.pageSize).toBe(50);
    const found = body.tags!.tag![0]!;
    expect([found.tagKey, found.tagValue]).toEqual(['describe-me', 'x']);
    expect(found.resourceTypeCount!.securitygroup).toBe(2);
    expect(found.resourceTypeCount!.instance).toBe(0);
    const ofOne = await ecs.describeTags(new DescribeTagsRequest({ regionId: cloud.regionId, resourceType: 'securitygroup', resourceId: one }));
    expect(ofOne.body!.tags!.tag!.map((tag) => `${tag.tagKey}=${tag.tagValue}`)).toEqual(['describe-me=x', 'other=y']);
  });

  it('answers the documented errors', async () => {
    const id = await newGroup();
    await expectEcsError(addTags(id, [pair('k', 'v')], 'bucket'), 'InvalidResourceType.NotFound', 404);
    await expectEcsError(addTags('sg-doesnotexist', [pair('k', 'v')]), 'InvalidResourceId.NotFound', 404);
    await expectEcsError(addTags(id, [new AddTagsRequestTag({ value: 'orphan' })]), 'InvalidTag.Mismatch', 400);
    await expectEcsError(addTags(id, [pair('aliyun-reserved', 'v')]), 'InvalidTagKey.Malformed', 400);
    await addTags(id, Array.from({ length: 15 }, (_, n) => pair(`first-${n}`, 'v')));
    await expectEcsError(addTags(id, Array.from({ length: 6 }, (_, n) => pair(`second-${n}`, 'v'))), 'InvalidTagCount', 400);
    await expectEcsError(ecs.describeTags(new DescribeTagsRequest({ regionId: cloud.regionId, resourceType: 'bucket' })), 'InvalidResourceType.NotFound', 404);
    await expectEcsError(ecs.addTags(new AddTagsRequest({ resourceId: id, resourceType: 'securitygroup', tag: [pair('k', 'v')] })), 'MissingParameter', 400);
  });
});

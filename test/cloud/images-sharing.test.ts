import { beforeAll, describe, expect, it } from 'vitest';
import {
  CopyImageRequest,
  CreateImageRequest,
  DescribeImageSharePermissionRequest,
  DescribeImagesRequest,
  ModifyImageSharePermissionRequest,
} from '@alicloud/ecs20140526';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { describeImage, waitForImage } from './images-support.js';
import { expectEcsError } from '../support/sdk-error.js';
import { insertSnapshot } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';

/** Long beside the real time a test takes: an image is done when the test moves the clock past it. */
const CREATION_MS = 10_000;

describe('image sharing, isolation and CopyImage with the official SDK', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS } });
  let owner: EcsClient;
  let friend: EcsClient;
  let friendId = '';
  let stranger: EcsClient;
  let imageId = '';

  beforeAll(async () => {
    owner = tc.ecsClient();
    const friendKeys = await tc.createAccount();
    friendId = friendKeys.accountId;
    friend = tc.ecsClient({ accessKeyId: friendKeys.accessKeyId, accessKeySecret: friendKeys.accessKeySecret, signature: 'v1' });
    const strangerKeys = await tc.createAccount();
    stranger = tc.ecsClient({ accessKeyId: strangerKeys.accessKeyId, accessKeySecret: strangerKeys.accessKeySecret });
    const snapshotId = await insertSnapshot(tc);
    const created = await owner.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'shared-one' }));
    imageId = created.body?.imageId ?? '';
    clock.advance(CREATION_MS);
    await waitForImage(owner, imageId, (image) => image.usable === true);
  });

  const visibleTo = async (ecs: EcsClient, alias?: string) => {
    const response = await ecs.describeImages(
      new DescribeImagesRequest({ regionId, imageId, ...(alias === undefined ? {} : { imageOwnerAlias: alias }) }),
    );
    return response.body?.images?.image ?? [];
  };

  it('other accounts never see an unshared image', async () => {
    expect(await visibleTo(friend)).toEqual([]);
    expect(await visibleTo(stranger, 'others')).toEqual([]);
    await expectEcsError(
      friend.describeImageSharePermission(new DescribeImageSharePermissionRequest({ regionId, imageId })),
      'InvalidImageId.NotFound',
      404,
    );
  });

  it('shares with AddAccount.N: the friend sees it as others, the stranger still does not', async () => {
    await owner.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, addAccount: [friendId] }));
    const seen = await visibleTo(friend);
    expect(seen.map((image) => [image.imageId, image.imageOwnerAlias, image.isSelfShared])).toEqual([[imageId, 'others', 'False']]);
    expect(await visibleTo(friend, 'others')).toHaveLength(1);
    expect(await visibleTo(friend, 'self')).toEqual([]);
    expect(await visibleTo(stranger)).toEqual([]);
    expect((await visibleTo(owner))[0]?.isSelfShared).toBe('True');

    const permission = await owner.describeImageSharePermission(new DescribeImageSharePermissionRequest({ regionId, imageId }));
    expect(permission.body?.accounts?.account?.map((account) => account.aliyunId)).toEqual([friendId]);
    expect(permission.body?.accounts?.account?.[0]?.sharedTime).toMatch(/Z$/);
    expect(permission.body).toMatchObject({ imageId, pageNumber: 1, pageSize: 10, totalCount: 1, regionId });
    expect(permission.body?.shareGroups?.shareGroup).toEqual([]);
  });

  it('the friend can use but not change or delete a shared image', async () => {
    await expectEcsError(
      friend.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, addAccount: [friendId] })),
      'Forbidden',
      403,
    );
  });

  it('refuses sharing with oneself, with unknown accounts and more than 10 per call', async () => {
    const modify = (fields: Record<string, unknown>) =>
      owner.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, ...fields }));
    await expectEcsError(modify({ addAccount: [tc.accountId] }), 'InvalidAccount.Forbbiden', 404);
    await expectEcsError(modify({ addAccount: ['999999999999'] }), 'InvalidAccount.NotFound', 404);
    await expectEcsError(modify({ addAccount: Array.from({ length: 11 }, (_, index) => `10000${index}`) }), 'InvalidParameter', 400);
    await expectEcsError(modify({ imageId: 'm-bp1doesnotexist00000', addAccount: [friendId] }), 'InvalidImageId.NotFound', 404);
  });

  it('IsPublic publishes a community image (ShareGroup all) and RemoveAccount.N unshares', async () => {
    await owner.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, isPublic: true }));
    const permission = await owner.describeImageSharePermission(new DescribeImageSharePermissionRequest({ regionId, imageId }));
    expect(permission.body?.shareGroups?.shareGroup?.map((group) => group.group)).toEqual(['all']);
    const community = await stranger.describeImages(new DescribeImagesRequest({ regionId, imageId, imageOwnerAlias: 'others', isPublic: true }));
    expect(community.body?.images?.image?.[0]?.isPublic).toBe(true);
    await owner.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, isPublic: false, removeAccount: [friendId] }));
    expect(await visibleTo(friend)).toEqual([]);
    const after = await owner.describeImageSharePermission(new DescribeImageSharePermissionRequest({ regionId, imageId }));
    expect(after.body?.totalCount).toBe(0);
  });

  it('CopyImage makes a new image in the destination region that becomes Available', async () => {
    const copied = await owner.copyImage(
      new CopyImageRequest({ regionId, imageId, destinationRegionId: 'cn-shanghai', destinationImageName: 'copied-one', clientToken: 'copy-1' }),
    );
    const copyId = copied.body?.imageId ?? '';
    expect(copyId).toMatch(/^m-uf/);
    expect(copyId).not.toBe(imageId);
    const replay = await owner.copyImage(
      new CopyImageRequest({ regionId, imageId, destinationRegionId: 'cn-shanghai', destinationImageName: 'copied-one', clientToken: 'copy-1' }),
    );
    expect(replay.body?.imageId).toBe(copyId);
    const shanghai = tc.ecsClient({ regionId: 'cn-shanghai' });
    const creating = await describeImage(shanghai, copyId, 'cn-shanghai');
    expect(creating?.status).toBe('Creating');
    clock.advance(CREATION_MS);
    const done = await waitForImage(shanghai, copyId, (image) => image.usable === true, 10_000, 'cn-shanghai');
    expect(done).toMatchObject({ imageName: 'copied-one', status: 'Available', size: 40 });
    expect(done.diskDeviceMappings?.diskDeviceMapping?.[0]?.snapshotId).toMatch(/^s-uf/);
    expect(await describeImage(owner, copyId)).toBeUndefined();
  });

  it('CopyImage errors', async () => {
    const copy = (fields: Record<string, unknown>) => owner.copyImage(new CopyImageRequest({ regionId, imageId, ...fields }));
    await expectEcsError(copy({ destinationRegionId: regionId }), 'IncorrectDestinationRegion', 403);
    await expectEcsError(copy({ destinationRegionId: 'mars-north-1' }), 'DestinationRegion.NotFound', 400);
    await expectEcsError(copy({ destinationRegionId: 'cn-shanghai', destinationImageName: '1bad' }), 'InvalidImageName.Malformed', 400);
    await expectEcsError(copy({ destinationRegionId: 'cn-shanghai', destinationDescription: 'x' }), 'InvalidDescription.Malformed', 400);
    await expectEcsError(copy({ destinationRegionId: 'cn-shanghai', imageId: 'm-bp1doesnotexist00000' }), 'InvalidImageId.NotFound', 404);
    await expectEcsError(
      stranger.copyImage(new CopyImageRequest({ regionId, imageId, destinationRegionId: 'cn-shanghai' })),
      'InvalidImageId.NotFound',
      404,
    );
    const snapshotId = await insertSnapshot(tc);
    const creating = await owner.createImage(new CreateImageRequest({ regionId, snapshotId }));
    await expectEcsError(
      copy({ imageId: creating.body?.imageId, destinationRegionId: 'cn-shanghai' }),
      'IncorrectImageStatus',
      400,
    );
  });
});

/**
 * DescribeImages by id keeps the rows it read (`id-lookup-batch.ts`): with
 * the official SDK, every change to what the caller may see of an image —
 * through the API or written by another process straight into the store —
 * shows in the next lookup, for its owner and for the account it is shared with.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateImageRequest, DescribeImagesRequest, ModifyImageSharePermissionRequest, type DescribeImagesResponseBodyImagesImage } from '@alicloud/ecs20140526';
import { useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { waitForImage } from './images-support.js';
import { insertInstance, insertSnapshot } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';
const CREATION_MS = 10_000;

describe('DescribeImages by id follows every change of a kept row', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS } });
  let friend: { accessKeyId: string; accessKeySecret: string; accountId: string };
  let imageId = '';

  beforeAll(async () => {
    friend = await tc.createAccount();
    const ecs = tc.ecsClient();
    const snapshotId = await insertSnapshot(tc);
    imageId = (await ecs.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'kept' }))).body?.imageId ?? '';
    clock.advance(CREATION_MS);
    await waitForImage(ecs, imageId, (image) => image.usable === true);
  });

  async function lookup(keys?: { accessKeyId: string; accessKeySecret: string }): Promise<DescribeImagesResponseBodyImagesImage | undefined> {
    const ecs = keys === undefined ? tc.ecsClient() : tc.ecsClient(keys);
    // Twice: the second answer comes from the kept row when nothing changed.
    const first = (await ecs.describeImages(new DescribeImagesRequest({ regionId, imageId }))).body?.images?.image?.[0];
    const second = (await ecs.describeImages(new DescribeImagesRequest({ regionId, imageId }))).body?.images?.image?.[0];
    expect(second).toEqual(first);
    return second;
  }

  it('shows changes written by another process to the row, its tags, its shares and the instances using it', async () => {
    const db = tc.cloud.store.db;
    expect((await lookup())?.imageName).toBe('kept');
    await db.updateTable('images').set({ image_name: 'renamed' }).where('id', '=', imageId).execute();
    expect((await lookup())?.imageName).toBe('renamed');
    await db.insertInto('tags').values({ account_id: tc.accountId, resource_type: 'image', resource_id: imageId, tag_key: 'k', tag_value: 'v' }).execute();
    expect((await lookup())?.tags?.tag?.map((tag) => [tag.tagKey, tag.tagValue])).toEqual([['k', 'v']]);
    expect((await lookup())?.isSelfShared).toBe('False');
    expect(await lookup(friend)).toBeUndefined();
    await db.insertInto('image_shares').values({ image_id: imageId, account_id: friend.accountId, created_at: 1 }).execute();
    expect((await lookup())?.isSelfShared).toBe('True');
    expect((await lookup(friend))?.imageName).toBe('renamed');
    expect((await lookup())?.usage).toBe('none');
    await insertInstance(tc, { imageId });
    expect((await lookup())?.usage).toBe('instance');
    expect((await lookup(friend))?.usage).toBe('instance');
  });

  it('shows changes made through the API, and forgets an image no longer shared', async () => {
    const ecs = tc.ecsClient();
    await ecs.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, removeAccount: [friend.accountId] }));
    expect(await lookup(friend)).toBeUndefined();
    expect((await lookup())?.isSelfShared).toBe('False');
    await tc.cloud.store.db.updateTable('images').set({ status: 'Deprecated' }).where('id', '=', imageId).execute();
    expect(await lookup()).toBeUndefined(); // Status defaults to Available
  });
});

/**
 * Issue 14 item 1: an image made by CopyImage says `IsCopied: true` in its
 * destination region (its source and every other image say false), and the
 * source cannot be deleted while the copy is still being made. The cloud's
 * clock is the test's, so "still being made" does not depend on timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyImageRequest, CreateImageRequest, DeleteImageRequest } from '@alicloud/ecs20140526';
import { startTestCloud, type EcsClient, type TestCloud } from '../support/cloud.js';
import { expectEcsError } from '../support/sdk-error.js';
import { insertSnapshot } from '../support/store-rows.js';
import { describeImage, waitForImage } from './images-support.js';

const regionId = 'cn-hangzhou';
const destination = 'cn-shanghai';
const creationMs = 60_000;

describe('CopyImage copies are marked IsCopied', () => {
  let tc: TestCloud;
  let ecs: EcsClient;
  let shanghai: EcsClient;
  let offset = 0;

  beforeAll(async () => {
    tc = await startTestCloud({ settings: { imageCreationMs: creationMs }, now: () => Date.now() + offset });
    ecs = tc.ecsClient();
    shanghai = tc.ecsClient({ regionId: destination });
  });
  afterAll(async () => {
    await tc?.close();
  });

  it('the copy says true in its region, the source false; the source is undeletable until the copy is done', async () => {
    const snapshotId = await insertSnapshot(tc);
    const created = await ecs.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'copy-source' }));
    const sourceId = created.body?.imageId ?? '';
    offset += creationMs;
    await waitForImage(ecs, sourceId, (image) => image.usable === true);

    const copied = await ecs.copyImage(new CopyImageRequest({ regionId, imageId: sourceId, destinationRegionId: destination }));
    const copyId = copied.body?.imageId ?? '';
    expect((await describeImage(shanghai, copyId, destination))?.isCopied).toBe(true);
    expect((await describeImage(ecs, sourceId))?.isCopied).toBe(false);
    await expectEcsError(ecs.deleteImage(new DeleteImageRequest({ regionId, imageId: sourceId })), 'OperationDenied.ImageCopying', 403);

    offset += creationMs;
    const done = await waitForImage(shanghai, copyId, (image) => image.usable === true, 10_000, destination);
    expect(done).toMatchObject({ isCopied: true, status: 'Available', imageName: 'copy-source' });
    await ecs.deleteImage(new DeleteImageRequest({ regionId, imageId: sourceId }));
    expect((await describeImage(shanghai, copyId, destination))?.isCopied).toBe(true);
  });
});

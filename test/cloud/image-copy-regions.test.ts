/**
 * CopyImage as `alicloud_image_copy` sends it (ecs-api-more.md §7.3): a
 * GET-less legacy call with `RegionId` = the source region,
 * `DestinationRegionId` = the provider's region, `Encrypted` always present,
 * `KMSKeyId` and `Tag.N`. The copy lives, is tagged and is encrypted in the
 * destination region only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateImageRequest,
  DescribeSnapshotsRequest,
  ListTagResourcesRequest,
} from '@alicloud/ecs20140526';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { insertSnapshot } from '../support/store-rows.js';
import { describeImage, waitForImage } from './images-support.js';
import { callAction } from './call-action.js';

const SOURCE = 'cn-hangzhou';
const DESTINATION = 'cn-shanghai';
const CREATION_MS = 10_000;

describe('CopyImage across regions, as the provider sends it', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS } });
  let ecs: EcsClient;
  let sourceImageId = '';

  beforeAll(async () => {
    ecs = tc.ecsClient();
    const snapshotId = await insertSnapshot(tc);
    const created = await ecs.createImage(new CreateImageRequest({ regionId: SOURCE, snapshotId, imageName: 'copy-source' }));
    sourceImageId = created.body!.imageId!;
    clock.advance(CREATION_MS);
    await waitForImage(ecs, sourceImageId, (image) => image.usable === true);
  });

  async function copy(extra: Record<string, string>): Promise<string> {
    const answer = await callAction(ecs, {
      action: 'CopyImage',
      version: '2014-05-26',
      query: { RegionId: SOURCE, ImageId: sourceImageId, DestinationRegionId: DESTINATION, ...extra },
    });
    return (answer.body as { ImageId: string }).ImageId;
  }

  async function copiedSnapshots(imageId: string) {
    const image = await describeImage(ecs, imageId, DESTINATION);
    const snapshotIds = image!.diskDeviceMappings!.diskDeviceMapping!.map((disk) => disk.snapshotId!);
    const response = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId: DESTINATION, snapshotIds: JSON.stringify(snapshotIds) }));
    return { image: image!, snapshots: response.body!.snapshots!.snapshot! };
  }

  it('makes the copy in DestinationRegionId with its name, description and tags; unencrypted with Encrypted=false', async () => {
    const copyId = await copy({
      DestinationImageName: 'copied-plain',
      DestinationDescription: 'a copy',
      Encrypted: 'false',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
    });
    expect(copyId).toMatch(/^m-uf/);
    expect(await describeImage(ecs, copyId, SOURCE)).toBeUndefined();
    clock.advance(CREATION_MS);
    const done = await waitForImage(ecs, copyId, (image) => image.status === 'Available', 15_000, DESTINATION);
    expect(done).toMatchObject({ imageName: 'copied-plain', description: 'a copy', isCopied: true });
    expect(done.tags!.tag).toEqual([{ tagKey: 'env', tagValue: 'prod' }]);
    const tags = await ecs.listTagResources(new ListTagResourcesRequest({ regionId: DESTINATION, resourceType: 'image', resourceId: [copyId] }));
    expect(tags.body!.tagResources!.tagResource).toEqual([{ resourceId: copyId, resourceType: 'image', tagKey: 'env', tagValue: 'prod' }]);
    const { image, snapshots } = await copiedSnapshots(copyId);
    expect(image.diskDeviceMappings!.diskDeviceMapping!.every((disk) => disk.encrypted === false)).toBe(true);
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.every((snapshot) => snapshot.encrypted === false && snapshot.KMSKeyId === '')).toBe(true);
  });

  it('encrypts the copy with Encrypted=true and KMSKeyId, and a copy of that copy stays encrypted', async () => {
    const kmsKeyId = 'e522b26d-abf6-4e0d-b5da-04b7a0b13c00';
    const copyId = await copy({ DestinationImageName: 'copied-encrypted', Encrypted: 'true', KMSKeyId: kmsKeyId });
    const { image, snapshots } = await copiedSnapshots(copyId);
    expect(image.diskDeviceMappings!.diskDeviceMapping!.every((disk) => disk.encrypted === true)).toBe(true);
    expect(snapshots.every((snapshot) => snapshot.encrypted === true && snapshot.KMSKeyId === kmsKeyId)).toBe(true);

    clock.advance(CREATION_MS);
    await waitForImage(ecs, copyId, (found) => found.status === 'Available', 15_000, DESTINATION);
    const back = await callAction(ecs, {
      action: 'CopyImage',
      version: '2014-05-26',
      query: { RegionId: DESTINATION, ImageId: copyId, DestinationRegionId: SOURCE, Encrypted: 'false' },
    });
    const backId = (back.body as { ImageId: string }).ImageId;
    const backImage = await describeImage(ecs, backId, SOURCE);
    expect(backImage!.diskDeviceMappings!.diskDeviceMapping!.every((disk) => disk.encrypted === true)).toBe(true);
  });
});

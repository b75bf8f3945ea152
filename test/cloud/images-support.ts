/**
 * Helpers for the image tests: reading one image with DescribeImages and
 * polling it until it settles, as the provider's waiter does.
 */
import { DescribeImagesRequest, type DescribeImagesResponseBodyImagesImage } from '@alicloud/ecs20140526';
import type { EcsClient } from '../support/cloud.js';

export async function describeImage(
  ecs: EcsClient,
  imageId: string,
  regionId = 'cn-hangzhou',
): Promise<DescribeImagesResponseBodyImagesImage | undefined> {
  const response = await ecs.describeImages(new DescribeImagesRequest({ regionId, imageId, status: 'ALL' }));
  return response.body?.images?.image?.[0];
}

/** Polls (as the provider's waiter does) until the image satisfies `done`. */
export async function waitForImage(
  ecs: EcsClient,
  imageId: string,
  done: (image: DescribeImagesResponseBodyImagesImage) => boolean,
  timeoutMs = 15_000,
  regionId = 'cn-hangzhou',
): Promise<DescribeImagesResponseBodyImagesImage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = await describeImage(ecs, imageId, regionId);
    if (image !== undefined && done(image)) return image;
    if (Date.now() > deadline) throw new Error(`image ${imageId} did not settle: ${JSON.stringify(image)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

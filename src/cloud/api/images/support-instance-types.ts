/**
 * DescribeImageSupportInstanceTypes: the instance types that can run an image
 * (terraform's `alicloud_instance_types` data source with `image_id` keeps
 * only these). Here that is every type of the image's CPU architecture; an
 * image that needs no NVMe runs on types that do not require it, and an
 * NVMe-capable one on both.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { listInstanceTypes } from '../catalog/catalog.js';
import { findImageInRegion, mayUseImage } from './image-lookup.js';

const ACTION_TYPES = new Set(['CreateEcs', 'ChangeOS']);

export async function describeImageSupportInstanceTypes(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const actionType = params.string('ActionType');
  if (actionType !== undefined && !ACTION_TYPES.has(actionType)) throw EcsError.invalidParameter('ActionType');
  // `Filter.N` with key `imageId` is the legacy way to name the image.
  const legacy = params.objectList('Filter').find((filter) => filter['Key'] === 'imageId')?.['Value'];
  const imageId = params.string('ImageId') ?? legacy;
  if (imageId === undefined || imageId === '') throw EcsError.missingParameter('ImageId');
  const image = await findImageInRegion(ctx.db, ctx.regionId, imageId);
  if (image === undefined || !(await mayUseImage(ctx.db, image, ctx.account.id))) throw new EcsError('InvalidImageId.NotFound');
  const architecture = image.architecture === 'arm64' ? 'ARM' : 'X86';
  const types = listInstanceTypes().filter(
    (type) => type.cpuArchitecture === architecture && (type.nvmeSupport !== 'required' || image.nvme_support === 'supported'),
  );
  return {
    RegionId: ctx.regionId,
    ImageId: image.id,
    InstanceTypes: {
      InstanceType: types.map((type) => ({
        InstanceTypeId: type.instanceTypeId,
        InstanceTypeFamily: type.family,
        CpuCoreCount: type.cpuCoreCount,
        MemorySize: type.memorySize,
      })),
    },
  };
}

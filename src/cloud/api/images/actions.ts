/** The images area's ECS actions (2014-05-26). */
import type { ActionTable } from '../action.js';
import { copyImage } from './copy-image.js';
import { createImage } from './create-image.js';
import { deleteImage } from './delete-image.js';
import { describeImages } from './describe-images.js';
import { modifyImageAttribute } from './modify-image-attribute.js';
import { describeImageSharePermission, modifyImageSharePermission } from './share-permission.js';
import { describeImageSupportInstanceTypes } from './support-instance-types.js';

export const imagesEcsActions: ActionTable = {
  CreateImage: { handler: createImage, regionIdRequired: true },
  DescribeImages: { handler: describeImages, readOnly: true, regionIdRequired: true },
  ModifyImageAttribute: { handler: modifyImageAttribute, regionIdRequired: true },
  DeleteImage: { handler: deleteImage, regionIdRequired: true },
  CopyImage: { handler: copyImage, regionIdRequired: true },
  ModifyImageSharePermission: { handler: modifyImageSharePermission, regionIdRequired: true },
  DescribeImageSharePermission: { handler: describeImageSharePermission, readOnly: true, regionIdRequired: true },
  DescribeImageSupportInstanceTypes: { handler: describeImageSupportInstanceTypes, readOnly: true, regionIdRequired: true },
};

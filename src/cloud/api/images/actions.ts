/** The images area's ECS actions (2014-05-26). */
import type { ActionTable } from '../action.js';
import { copyImage } from './copy-image.js';
import { createImage } from './create-image.js';
import { deleteImage } from './delete-image.js';
import { describeImages } from './describe-images.js';
import { modifyImageAttribute } from './modify-image-attribute.js';
import { describeImageSharePermission, modifyImageSharePermission } from './share-permission.js';

export const imagesEcsActions: ActionTable = {
  CreateImage: { handler: createImage },
  DescribeImages: { handler: describeImages, readOnly: true },
  ModifyImageAttribute: { handler: modifyImageAttribute },
  DeleteImage: { handler: deleteImage },
  CopyImage: { handler: copyImage },
  ModifyImageSharePermission: { handler: modifyImageSharePermission },
  DescribeImageSharePermission: { handler: describeImageSharePermission, readOnly: true },
};

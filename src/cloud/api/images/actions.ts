/** The images area's ECS actions (2014-05-26). */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { copyImage } from './copy-image.js';
import { createImage } from './create-image.js';
import { deleteImage } from './delete-image.js';
import { describeImages } from './describe-images.js';
import { modifyImageAttribute } from './modify-image-attribute.js';
import { describeImageSharePermission, modifyImageSharePermission } from './share-permission.js';

/** Every image action documents `RegionId` as required; the endpoint would otherwise default it. */
function regional(handler: (ctx: ActionContext) => Promise<ActionResult>): (ctx: ActionContext) => Promise<ActionResult> {
  return (ctx) => {
    ctx.params.requiredString('RegionId');
    return handler(ctx);
  };
}

export const imagesEcsActions: ActionTable = {
  CreateImage: { handler: regional(createImage) },
  DescribeImages: { handler: regional(describeImages), readOnly: true },
  ModifyImageAttribute: { handler: regional(modifyImageAttribute) },
  DeleteImage: { handler: regional(deleteImage) },
  CopyImage: { handler: regional(copyImage) },
  ModifyImageSharePermission: { handler: regional(modifyImageSharePermission) },
  DescribeImageSharePermission: { handler: regional(describeImageSharePermission), readOnly: true },
};

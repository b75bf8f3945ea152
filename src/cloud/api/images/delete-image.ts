/**
 * DeleteImage: removes one of the caller's custom images with its disk rows,
 * shares and tags. Refused while instances run on it (unless `Force=true`),
 * while it is shared or public, and while a copy of it is being made. The
 * snapshots made for it stay: ECS keeps them until their owner deletes them
 * (the alicloud provider's `delete_auto_snapshot` does so afterwards).
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { deleteTagsOf } from '../tags/tag-store.js';
import { endDryRun } from './image-attributes.js';
import { findOwnImage } from './image-lookup.js';

export async function deleteImage(ctx: ActionContext): Promise<ActionResult> {
  const imageId = ctx.params.requiredString('ImageId');
  const force = ctx.params.boolean('Force') ?? false;
  const image = await findOwnImage(ctx, imageId);

  const shared = await ctx.db.selectFrom('image_shares').select('account_id').where('image_id', '=', image.id).executeTakeFirst();
  if (shared !== undefined || image.is_public === 1) throw new EcsError('ImageUseShared');
  const copying = await ctx.db
    .selectFrom('images')
    .select('id')
    .where('copied_from_image_id', '=', image.id)
    .where('status', '=', 'Creating')
    .executeTakeFirst();
  if (copying !== undefined) throw new EcsError('OperationDenied.ImageCopying');
  if (!force) {
    const user = await ctx.db
      .selectFrom('instances')
      .select('id')
      .where('image_id', '=', image.id)
      .where('region_id', '=', image.region_id)
      .executeTakeFirst();
    if (user !== undefined) throw new EcsError('ImageUsingByInstance');
  }
  endDryRun(ctx.params);

  await ctx.db.deleteFrom('images').where('id', '=', image.id).where('region_id', '=', image.region_id).execute();
  await ctx.db.deleteFrom('image_disks').where('image_id', '=', image.id).execute();
  await deleteTagsOf(ctx.db, [image.id]);
  return {};
}

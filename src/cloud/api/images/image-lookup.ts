/**
 * Finding images on behalf of a caller. Another account's image is answered
 * as if it did not exist (`InvalidImageId.NotFound`), except where the caller
 * may use it (`image-visibility.ts`) but may not change it: `Forbidden`.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ActionContext } from '../action.js';
import { EcsError } from '../errors.js';
import type { Database, ImageTable } from '../../store/schema.js';
import { mayUse } from './image-visibility.js';

export type ImageRow = Selectable<ImageTable>;

async function findImageInRegion(db: Kysely<Database>, regionId: string, imageId: string): Promise<ImageRow | undefined> {
  return db.selectFrom('images').selectAll().where('id', '=', imageId).where('region_id', '=', regionId).executeTakeFirst();
}

export async function mayUseImage(db: Kysely<Database>, image: ImageRow, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('images')
    .select('id')
    .where('id', '=', image.id)
    .where('region_id', '=', image.region_id)
    .where((eb) => mayUse(eb, accountId))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The caller's own custom image in the request's region. A public or shared
 * image the caller can see but does not own → `Forbidden`; anything else →
 * `InvalidImageId.NotFound`.
 */
export async function findOwnImage(ctx: ActionContext, imageId: string): Promise<ImageRow> {
  const image = await findImageInRegion(ctx.db, ctx.regionId, imageId);
  if (image === undefined) throw new EcsError('InvalidImageId.NotFound');
  if (image.account_id === ctx.account.id) return image;
  throw new EcsError((await mayUseImage(ctx.db, image, ctx.account.id)) ? 'Forbidden' : 'InvalidImageId.NotFound');
}

/** True when another image of the account in the region already bears this name. */
export async function isImageNameTaken(
  db: Kysely<Database>,
  accountId: string,
  regionId: string,
  name: string,
  exceptImageId = '',
): Promise<boolean> {
  const row = await db
    .selectFrom('images')
    .select('id')
    .where('account_id', '=', accountId)
    .where('region_id', '=', regionId)
    .where('image_name', '=', name)
    .where('id', '!=', exceptImageId)
    .executeTakeFirst();
  return row !== undefined;
}

/** `QuotaExceed.Image` once the account owns `quota` custom images in the region. */
export async function checkImageQuota(db: Kysely<Database>, accountId: string, regionId: string, quota: number): Promise<void> {
  const row = await db
    .selectFrom('images')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where('account_id', '=', accountId)
    .where('region_id', '=', regionId)
    .executeTakeFirstOrThrow();
  if (Number(row.count) >= quota) throw new EcsError('QuotaExceed.Image');
}

export { findImageInRegion };

/**
 * Which image an account may launch: a system image of the region, one of its
 * own, or one shared with it. Anything else is `InvalidImageId.NotFound`, as
 * ECS hides images the caller cannot see.
 */
import type { Kysely, Selectable } from 'kysely';
import { EcsError } from '../errors.js';
import type { Database, ImageTable } from '../../store/schema.js';
import { mayUse } from '../images/image-visibility.js';

export type ImageRow = Selectable<ImageTable>;

export async function findVisibleImage(
  db: Kysely<Database>,
  accountId: string,
  regionId: string,
  imageId: string,
): Promise<ImageRow | undefined> {
  return db
    .selectFrom('images')
    .selectAll()
    .where('id', '=', imageId)
    .where('region_id', '=', regionId)
    .where((eb) => mayUse(eb, accountId))
    .executeTakeFirst();
}

/**
 * The image must be Available and usable: `Status` can turn Available before
 * the image is launchable (provider PR #10176), so `Usable` is checked too.
 */
export async function findLaunchableImage(
  db: Kysely<Database>,
  accountId: string,
  regionId: string,
  imageId: string,
): Promise<ImageRow> {
  const image = await findVisibleImage(db, accountId, regionId, imageId);
  if (image === undefined) throw new EcsError('InvalidImageId.NotFound');
  if (image.status !== 'Available' || image.usable !== 1) throw new EcsError('IncorrectImageStatus');
  return image;
}

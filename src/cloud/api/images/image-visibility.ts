/**
 * Which images an account may see, written once for every action:
 * - `mayUse`: what it may launch from or read by id — its own images, the system ones,
 *   public ones and those shared with it (RunInstances, and the line between
 *   `Forbidden` and `InvalidImageId.NotFound` when it addresses another's image);
 * - `visibility`: what DescribeImages lists, by `ImageOwnerAlias` — its own, the system
 *   (and marketplace) ones, and others' images shared with it or, with `IsPublic=true`,
 *   others' public ones too. Shared by the general query and the compiled lookup by id,
 *   so both read the same rows;
 * - `visibleParts`: the same images as `visibility`, as disjoint parts that each walk one
 *   index in DescribeImages' order (the caller's own images, the system's, …), so that a
 *   page over 100,000 own images does not sort them all (`image-page.ts`).
 *
 * "Shared with me" is an `IN` over the caller's `image_shares` rows, not a correlated
 * EXISTS: the database can then start from those few rows instead of testing every image.
 */
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { ImageOwnerAlias } from '../../../domain/image-enums.js';
import type { Database } from '../../store/schema.js';
import { SYSTEM_ACCOUNT_ID } from '../catalog/system-images.js';

export type ImageQuery = SelectQueryBuilder<Database, 'images', object>;
type Eb = ExpressionBuilder<Database, 'images'>;

export interface Viewer {
  readonly accountId: string;
  /** `IsPublic=true`: others' public images count as others' too. */
  readonly community: boolean;
  readonly alias: ImageOwnerAlias | undefined;
}

function sharedWith(eb: Eb, accountId: string) {
  return eb('images.id', 'in', eb.selectFrom('image_shares').select('image_shares.image_id').where('image_shares.account_id', '=', accountId));
}

export function visibility(query: ImageQuery, viewer: Viewer): ImageQuery {
  const me = viewer.accountId;
  const othersFilter = (eb: Eb) => {
    const shared = sharedWith(eb, me);
    const mine = eb('images.account_id', '!=', me);
    const notSystem = eb('images.account_id', '!=', SYSTEM_ACCOUNT_ID);
    return viewer.community
      ? eb.and([mine, notSystem, eb.or([shared, eb('images.is_public', '=', 1)])])
      : eb.and([mine, notSystem, shared]);
  };
  switch (viewer.alias) {
    case 'self':
      return query.where('images.account_id', '=', me);
    case 'system':
      return query.where('images.account_id', '=', SYSTEM_ACCOUNT_ID).where('images.image_owner_alias', '=', 'system');
    case 'marketplace':
      return query.where('images.account_id', '=', SYSTEM_ACCOUNT_ID).where('images.image_owner_alias', '=', 'marketplace');
    case 'others':
      return query.where(othersFilter);
    case undefined:
      return query.where((eb) =>
        eb.or([eb('images.account_id', '=', me), eb('images.account_id', '=', SYSTEM_ACCOUNT_ID), othersFilter(eb)]),
      );
  }
}

/**
 * `visibility` as disjoint parts whose union is the same images, each one
 * an index walk: without `ImageOwnerAlias`, the viewer's own images, the
 * system's, others' shared with the viewer, and (IsPublic) others' public
 * ones not shared with it; `others` is the last two.
 */
export function visibleParts(query: ImageQuery, viewer: Viewer): ImageQuery[] {
  const me = viewer.accountId;
  const others = query.where('images.account_id', '!=', me).where('images.account_id', '!=', SYSTEM_ACCOUNT_ID);
  const othersParts = [others.where((eb) => sharedWith(eb, me))];
  if (viewer.community) othersParts.push(others.where('images.is_public', '=', 1).where((eb) => eb.not(sharedWith(eb, me))));
  switch (viewer.alias) {
    case undefined:
      return [query.where('images.account_id', '=', me), query.where('images.account_id', '=', SYSTEM_ACCOUNT_ID), ...othersParts];
    case 'others':
      return othersParts;
    default:
      return [visibility(query, viewer)];
  }
}

/** An image the account may launch from or read by id (see the header). */
export function mayUse(eb: Eb, accountId: string) {
  return eb.or([
    eb('images.account_id', '=', accountId),
    eb('images.account_id', '=', SYSTEM_ACCOUNT_ID),
    eb('images.is_public', '=', 1),
    sharedWith(eb, accountId),
  ]);
}

/**
 * Which images a DescribeImages caller may see, by `ImageOwnerAlias`: its own,
 * the system (and marketplace) ones, and others' images shared with it — or,
 * with `IsPublic=true`, others' public ones too. Shared by the general query and
 * the compiled lookup by id, so both read the same rows.
 */
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { ImageOwnerAlias } from '../../../domain/image-enums.js';
import type { Database } from '../../store/schema.js';
import { SYSTEM_ACCOUNT_ID } from './image-lookup.js';

export type ImageQuery = SelectQueryBuilder<Database, 'images', object>;
type Eb = ExpressionBuilder<Database, 'images'>;

export interface Viewer {
  readonly accountId: string;
  /** `IsPublic=true`: others' public images count as others' too. */
  readonly community: boolean;
  readonly alias: ImageOwnerAlias | undefined;
}

function sharedWithCaller(eb: Eb, accountId: string) {
  return eb.exists(
    eb
      .selectFrom('image_shares')
      .select('image_shares.image_id')
      .whereRef('image_shares.image_id', '=', 'images.id')
      .where('image_shares.account_id', '=', accountId),
  );
}

export function visibility(query: ImageQuery, viewer: Viewer): ImageQuery {
  const me = viewer.accountId;
  const othersFilter = (eb: Eb) => {
    const shared = sharedWithCaller(eb, me);
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

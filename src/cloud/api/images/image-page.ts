/**
 * One page of DescribeImages' matches, newest first (creation time, then id),
 * with the match count. Each row also carries whether the image is shared and
 * whether an instance uses it (EXISTS columns, so no extra round trips).
 *
 * A lookup by a short ImageId list (what the providers poll with) is paged in
 * memory: the ids bound the matches, so one query without ORDER BY fetches
 * them all and their number is the total — no sorter, no COUNT. Otherwise the
 * database pages each disjoint part of the matches (`visibleParts`) in index
 * order, the parts' first rows are merged here, and each part is counted only
 * when its rows cannot tell.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { cachedCount } from './count-cache.js';
import { lookupImagesByIdTogether } from './id-lookup-batch.js';
import type { ImageQuery, Viewer } from './image-visibility.js';
import type { DescribedImageRow } from './image-view.js';

/** ECS takes at most 100 ids in `ImageId`; longer lists are paged by the database. */
const MAX_IDS_PAGED_IN_MEMORY = 100;

export interface PageWindow {
  readonly offset: number;
  readonly pageSize: number;
}

export interface PageRequest extends PageWindow {
  /** The region every part is of: the system's images have the same id in every region. */
  readonly regionId: string;
  /** How many ids the `ImageId` filter of `filtered` names (0: none). */
  readonly idCount: number;
  /** Whose DescribeImages it is: counts and rows are kept per viewer (`count-cache.ts`, `id-lookup-batch.ts`). */
  readonly viewer: Viewer;
  /** The same parts, in the same order, as queries that count faster (`image-id-filters.ts`); absent: the parts themselves. */
  readonly countParts?: readonly ImageQuery[] | undefined;
}

export interface ImagePage {
  readonly rows: DescribedImageRow[];
  readonly totalCount: number;
}

export async function readImagePage(db: Kysely<Database>, parts: readonly ImageQuery[], request: PageRequest): Promise<ImagePage> {
  if (request.idCount > 0 && request.idCount <= MAX_IDS_PAGED_IN_MEMORY) {
    const all = await Promise.all(parts.map((part) => withFacts(part).execute()));
    return pageInMemory(all.flat(), request);
  }
  const counted = (index: number): ImageQuery => (request.countParts ?? parts)[index] as ImageQuery;
  if (parts.length === 1) return readPart(db, { paged: parts[0] as ImageQuery, counted: counted(0) }, request, request);
  // Any row of the page is among the first offset + pageSize rows of its part.
  const window: PageWindow = { offset: 0, pageSize: request.offset + request.pageSize };
  const read = await Promise.all(parts.map((part, index) => readPart(db, { paged: part, counted: counted(index) }, window, request)));
  const merged = pageInMemory(read.flatMap((part) => part.rows), request);
  return { rows: merged.rows, totalCount: read.reduce((sum, part) => sum + part.totalCount, 0) };
}

/**
 * The window's ids first, from the part's index alone (the rows skipped by
 * the offset are never read), then their rows and facts as a lookup by id
 * reads them (`id-lookup-batch.ts`, whose kept rows a repeated page reuses):
 * a late page of a filter costs index steps, not a row lookup per skipped image.
 */
async function readPart(db: Kysely<Database>, part: { readonly paged: ImageQuery; readonly counted: ImageQuery }, window: PageWindow, request: PageRequest): Promise<ImagePage> {
  const ids = await part.paged.select('images.id').orderBy('images.creation_time', 'desc').orderBy('images.id').limit(window.pageSize).offset(window.offset).execute();
  // Every status and whatever the owner alias: the part chose them already (without an alias the lookup sees them all).
  const viewer: Viewer = { ...request.viewer, alias: undefined };
  const lookup = { regionId: request.regionId, viewer, ids: ids.map((row) => row.id), statuses: undefined };
  const rows = ids.length === 0 ? [] : await lookupImagesByIdTogether(db, lookup);
  rows.sort(newestFirst);
  return { rows, totalCount: await totalCount(db, part.counted, window, rows.length, request.viewer.accountId) };
}

/** Every match at hand (a lookup by a few ids): sorted and paged here. */
export function pageInMemory(all: DescribedImageRow[], window: PageWindow): ImagePage {
  all.sort(newestFirst);
  return { rows: all.slice(window.offset, window.offset + window.pageSize), totalCount: all.length };
}

/** The image columns and the two facts, as `DescribedImageRow`. */
export function withFacts(filtered: ImageQuery) {
  return filtered.selectAll('images').select((eb: ExpressionBuilder<Database, 'images'>) => [
    eb.exists(eb.selectFrom('image_shares').select('image_shares.image_id').whereRef('image_shares.image_id', '=', 'images.id')).as('shared'),
    eb
      .exists(
        eb
          .selectFrom('instances')
          .select('instances.id')
          .whereRef('instances.image_id', '=', 'images.id')
          .whereRef('instances.region_id', '=', 'images.region_id'),
      )
      .as('in_use'),
  ]);
}

/** The SQL order: `creation_time DESC, id` (ids are ASCII, so code-unit order is byte order). */
function newestFirst(a: DescribedImageRow, b: DescribedImageRow): number {
  const byTime = Number(b.creation_time) - Number(a.creation_time);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A page with rows that is not full holds the last matches, and an empty first page means none: no COUNT then. */
async function totalCount(db: Kysely<Database>, filtered: ImageQuery, request: PageWindow, found: number, viewerAccountId: string): Promise<number> {
  if (found > 0 && found < request.pageSize) return request.offset + found;
  if (found === 0 && request.offset === 0) return 0;
  return cachedCount(db, filtered.select((eb) => eb.fn.countAll<number | string | bigint>().as('count')), viewerAccountId);
}

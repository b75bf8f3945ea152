/**
 * DescribeImages' filters that name their images through another table's
 * index — Tag.N (tags), SnapshotId (the images' and disks' snapshot indexes),
 * Usage=instance (instances), ImageName (trigrams, SQLite) — and where a page
 * of them starts.
 *
 * A page walks a part's index in DescribeImages' order and stops after the
 * page; that suits a filter that most images pass. A filter that few images
 * pass makes the walk cross every image instead, and SQLite, without
 * statistics, keeps walking. So when a filter names at most `FEW` images, the
 * page starts from the filter's own index: its ids are the outer loop
 * (`CROSS JOIN`, which SQLite never reorders; PostgreSQL plans it itself),
 * each looked up by key, and only those are sorted. When it names more, its
 * condition is tested on the walk: a correlated EXISTS on the tags' primary
 * key for a tag (an `IN` would first collect every tagged image). A count
 * starts from the filter's ids in any case (`imageSources`).
 * PostgreSQL keeps statistics and chooses where to start itself; it gets
 * the conditions alone (before its first ANALYZE of new rows, the CROSS
 * JOIN and the nested `IN` of two tags made it loop over both sides).
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { TagFilter } from '../../../domain/tags.js';
import { dialectOf } from '../../store/dialect-of.js';
import { IMAGE_NAME_TRIGRAMS } from '../../store/migrations/013-image-name-trigrams.js';
import type { Database } from '../../store/schema.js';
import { taggedWith } from '../tags/tag-store.js';
import type { ImageQuery } from './image-visibility.js';

/** Sorting this many candidates costs less than a page's walk past the images that fail the filter. */
export const FEW = 1_000;

type IdQuery = SelectQueryBuilder<Database, keyof Database, { id: string }>;

/** A condition on the images, and the ids it names when a page may start from them. */
export interface IdFilter {
  /** The filter as a condition of a walk over the images. */
  readonly narrow: (query: ImageQuery) => ImageQuery;
  /** The ids it names (every image that passes is among them), distinct. */
  readonly ids: IdQuery;
}

/** Every tag of `filters` on the image. */
export function tagFilter(db: Kysely<Database>, filters: readonly TagFilter[]): IdFilter {
  return {
    narrow: (query) =>
      filters.reduce(
        (narrowed, tag) =>
          narrowed.where((eb) =>
            eb.exists(
              eb
                .selectFrom('tags')
                .select('tags.resource_id')
                .whereRef('tags.resource_id', '=', 'images.id')
                .where('tags.tag_key', '=', tag.key)
                .where('tags.resource_type', '=', 'image')
                .$if(tag.value !== undefined, (tagged) => tagged.where('tags.tag_value', '=', tag.value as string)),
            ),
          ),
        query,
      ),
    // One row per image and key (the tags' primary key): distinct already.
    ids: taggedWith(db, 'image', filters).select('resource_id as id') as unknown as IdQuery,
  };
}

/** Made from the snapshot (`SourceSnapshotId`) or with a disk of it. */
export function snapshotFilter(db: Kysely<Database>, snapshotId: string): IdFilter {
  const withDisk = db.selectFrom('image_disks').select('image_disks.image_id').where('image_disks.snapshot_id', '=', snapshotId);
  return {
    narrow: (query) => query.where((eb) => eb.or([eb('images.source_snapshot_id', '=', snapshotId), eb('images.id', 'in', withDisk)])),
    ids: db
      .selectFrom('images')
      .select('images.id as id')
      .where('images.source_snapshot_id', '=', snapshotId)
      .union(db.selectFrom('image_disks').select('image_disks.image_id as id').where('image_disks.snapshot_id', '=', snapshotId)) as unknown as IdQuery,
  };
}

/** Trigrams index at least three characters, and a LIKE with an ESCAPE clause does not use them. */
const INDEXED_NAME_PART = /^[^%_\\]{3,}$/;

/**
 * Names holding `part` (ImageName), or undefined when the trigram index
 * cannot tell (SQLite's only: migration 013). Its ids are a superset: the
 * index folds case beyond ASCII, so the filter's LIKE condition stays.
 */
export function nameFilter(db: Kysely<Database>, part: string): IdFilter | undefined {
  if (dialectOf(db) !== 'sqlite' || !INDEXED_NAME_PART.test(part)) return undefined;
  const trigrams = sql<string>`(select rowid from ${sql.table(IMAGE_NAME_TRIGRAMS)} where image_name like ${`%${part}%`})`;
  return {
    narrow: (query) => query,
    ids: db.selectFrom('images').select('images.id as id').where(sql.raw('images.rowid'), 'in', trigrams).distinct() as unknown as IdQuery,
  };
}

/** Used by an instance of the region. */
export function inUseFilter(db: Kysely<Database>, regionId: string): IdFilter {
  const used = db.selectFrom('instances').select('instances.image_id').where('instances.region_id', '=', regionId);
  return {
    narrow: (query) => query.where('images.id', 'in', used),
    ids: db.selectFrom('instances').select('instances.image_id as id').where('instances.region_id', '=', regionId).distinct() as unknown as IdQuery,
  };
}

/** Where a query over the images starts, and the id filters left to narrow it. */
export interface ImageSource {
  readonly from: ImageQuery;
  readonly rest: readonly IdFilter[];
}

/**
 * Where the page's parts start (`page`): from the first filter that names at
 * most `FEW` images (the others then narrow its ids), or from the images.
 * Where they are counted (`count`): from the first filter's ids whatever
 * their number, since a count reads every match anyway and the filter's ids
 * are at most all the images (counting 5,000 tagged images of 100,000 by
 * EXISTS on each image took 60 ms, from the tags 5 ms).
 */
export async function imageSources(db: Kysely<Database>, filters: readonly IdFilter[]): Promise<{ readonly page: ImageSource; readonly count: ImageSource }> {
  const images: ImageSource = { from: db.selectFrom('images'), rest: filters };
  if (dialectOf(db) === 'postgres' || filters.length === 0) return { page: images, count: images };
  const count = startingFrom(db, filters, 0);
  for (const [index, filter] of filters.entries()) {
    const named = await db.selectFrom(filter.ids.as('named')).select('named.id').limit(FEW + 1).execute();
    if (named.length <= FEW) return { page: startingFrom(db, filters, index), count };
  }
  return { page: images, count };
}

function startingFrom(db: Kysely<Database>, filters: readonly IdFilter[], index: number): ImageSource {
  const ids = (filters[index] as IdFilter).ids;
  const from = db.selectFrom(ids.as('named')).crossJoin('images').whereRef('images.id', '=', 'named.id') as unknown as ImageQuery;
  return { from, rest: filters.filter((_, other) => other !== index) };
}

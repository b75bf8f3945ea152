/**
 * DescribeImages by a few ids and nothing else (what both providers poll
 * with while an image is created): the one hot query of the endpoint, so it is
 * built and compiled once per shape (how many ids, how many statuses) and only
 * its values change. It is the general query's SQL for the same request — the
 * same visibility rules, id and status filters and facts — so it finds the
 * same rows; paging happens in memory as for any short id list. Each row also
 * carries its disk mappings and tags (`image-children.ts`): one query in all.
 */
import type { Kysely } from 'kysely';
import type { Params } from '../params.js';
import { QueryTemplate, QueryTemplates } from '../../store/query-template.js';
import type { Database } from '../../store/schema.js';
import { visibility, type Viewer } from './image-visibility.js';
import { withFacts } from './image-page.js';
import { withChildren } from './image-children.js';
import { dialectOf } from '../../store/dialect-of.js';
import type { DescribedImageRow } from './image-view.js';

/** The parameters such a lookup may carry; any other one takes the general path. */
const PLAIN_LOOKUP_PARAMS: ReadonlySet<string> = new Set(['RegionId', 'ImageId', 'Status', 'PageNumber', 'PageSize']);

/** As many ids as the general path pages in memory. */
export const MAX_IDS = 100;

/** The distinct ids of a plain lookup by id, or undefined when the request is anything else. */
export function plainIdLookup(params: Params): string[] | undefined {
  for (const name of params.entries().keys()) if (!PLAIN_LOOKUP_PARAMS.has(name)) return undefined;
  const ids = distinctItems(params.string('ImageId'));
  return ids.length > 0 && ids.length <= MAX_IDS ? ids : undefined;
}

export interface IdLookup {
  readonly regionId: string;
  readonly viewer: Viewer;
  readonly ids: readonly string[];
  /** Validated statuses, or undefined for all of them. */
  readonly statuses: readonly string[] | undefined;
}

export async function lookupImagesById(db: Kysely<Database>, lookup: IdLookup): Promise<DescribedImageRow[]> {
  const statuses = lookup.statuses === undefined ? undefined : [...new Set(lookup.statuses)];
  const template = templateFor(db, lookup.viewer, lookup.ids.length, statuses?.length);
  return template.execute(db, [lookup.regionId, lookup.viewer.accountId, ...lookup.ids, ...(statuses ?? [])]);
}

/** The comma list of the general path (items trimmed, empty ones dropped), without repeats. */
function distinctItems(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return [...new Set(raw.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

interface Shape {
  readonly alias: Viewer['alias'];
  readonly community: boolean;
  readonly idCount: number;
  readonly statusCount: number | undefined;
}

/** Every shape's template, made on first use per database (at most 100 id counts × a few status counts). */
const TEMPLATES = new QueryTemplates<Shape, DescribedImageRow>(1_000, (shape) =>
  new QueryTemplate(2 + shape.idCount + (shape.statusCount ?? 0), (db, [regionId, accountId, ...rest]) => {
    let query = visibility(db.selectFrom('images').where('images.region_id', '=', regionId as string), {
      accountId: accountId as string,
      community: shape.community,
      alias: shape.alias,
    });
    query = query.where('images.id', 'in', rest.slice(0, shape.idCount));
    if (shape.statusCount !== undefined) query = query.where('images.status', 'in', rest.slice(shape.idCount));
    return withChildren(withFacts(query), dialectOf(db));
  }),
);

function templateFor(db: Kysely<Database>, viewer: Viewer, idCount: number, statusCount: number | undefined): QueryTemplate<DescribedImageRow> {
  const shape: Shape = { alias: viewer.alias, community: viewer.community, idCount, statusCount };
  return TEMPLATES.get(db, `${shape.alias ?? ''}:${shape.community}:${idCount}:${statusCount ?? 'all'}`, shape);
}

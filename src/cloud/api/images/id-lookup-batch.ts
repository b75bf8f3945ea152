/**
 * DescribeImages by id, grouped: the lookups that arrive in one turn of the
 * event loop for the same caller, region and statuses share one query of
 * all their ids (at most `MAX_IDS` a query), read right after that turn
 * (setImmediate), and each lookup keeps the rows of its own ids. Providers
 * poll many images at once; on PostgreSQL each query is a round trip that
 * costs the cloud more CPU than the lookup itself. The query starts after
 * every lookup of its group arrived, so each sees all that was committed
 * before it was asked, as its own query would.
 *
 * One group per database (its query memo keeps it), so several clouds in one
 * process never share one. Only for read-only callers: the query runs on the
 * database the first lookup came with, outside any transaction.
 */
import type { Kysely } from 'kysely';
import { rememberedBy } from '../../store/query-template.js';
import type { Database } from '../../store/schema.js';
import { lookupImagesById, MAX_IDS, type IdLookup } from './describe-images-by-id.js';
import type { DescribedImageRow } from './image-view.js';

interface Waiting {
  readonly ids: readonly string[];
  readonly settle: (rows: DescribedImageRow[]) => void;
  readonly fail: (error: unknown) => void;
}

interface Group {
  readonly lookup: Omit<IdLookup, 'ids'>;
  readonly waiting: Waiting[];
}

class IdLookupBatch {
  readonly #db: Kysely<Database>;
  #groups = new Map<string, Group>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  lookup(lookup: IdLookup): Promise<DescribedImageRow[]> {
    const statuses = lookup.statuses === undefined ? '*' : [...new Set(lookup.statuses)].sort().join(',');
    const key = [lookup.regionId, lookup.viewer.accountId, lookup.viewer.alias ?? '', lookup.viewer.community, statuses].join('\n');
    return new Promise((settle, fail) => {
      if (this.#groups.size === 0) setImmediate(() => this.#flush());
      let group = this.#groups.get(key);
      if (group === undefined) {
        group = { lookup, waiting: [] };
        this.#groups.set(key, group);
      }
      group.waiting.push({ ids: lookup.ids, settle, fail });
    });
  }

  #flush(): void {
    const groups = this.#groups;
    this.#groups = new Map();
    for (const group of groups.values()) void this.#read(group);
  }

  async #read(group: Group): Promise<void> {
    try {
      const ids = [...new Set(group.waiting.flatMap((waiting) => waiting.ids))];
      const chunks: string[][] = [];
      for (let start = 0; start < ids.length; start += MAX_IDS) chunks.push(ids.slice(start, start + MAX_IDS));
      const found = (await Promise.all(chunks.map((chunk) => lookupImagesById(this.#db, { ...group.lookup, ids: chunk })))).flat();
      for (const waiting of group.waiting) {
        const mine = new Set(waiting.ids);
        waiting.settle(found.filter((row) => mine.has(row.id)));
      }
    } catch (error) {
      for (const waiting of group.waiting) waiting.fail(error);
    }
  }
}

/** Each key object stands for the batch of one database in its memo. */
const BATCH_OF_DATABASE = {};

/** The images of `lookup.ids` the viewer may see, read together with the lookups of this turn. */
export function lookupImagesByIdTogether(db: Kysely<Database>, lookup: IdLookup): Promise<DescribedImageRow[]> {
  const batch = rememberedBy(db, BATCH_OF_DATABASE, () => new IdLookupBatch(db));
  return batch === undefined ? lookupImagesById(db, lookup) : batch.lookup(lookup);
}

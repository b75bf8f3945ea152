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
 * On SQLite, the rows read are kept, each with the viewer's image stamp
 * (`image-markers.ts`) read before it was: while the stamp stays the same,
 * nothing that viewer could see of that id has changed (in this process,
 * another replica or by SQL), so a later lookup of it reads the markers —
 * once for the turn, with the fault rules' — and not the image. An id the
 * viewer may not see is kept as such. Rows are kept, not answers: Progress
 * and the like are rendered from each request's clock.
 *
 * One group per database (its query memo keeps it), so several clouds in one
 * process never share one. Only for read-only callers: the query runs on the
 * database the first lookup came with, outside any transaction.
 */
import type { Kysely } from 'kysely';
import { rememberedBy } from '../../store/query-template.js';
import type { Database } from '../../store/schema.js';
import { lookupImagesById, MAX_IDS, type IdLookup } from './describe-images-by-id.js';
import { dialectOf } from '../../store/dialect-of.js';
import { imageViewStamp } from './image-markers.js';
import { KeptByStamp } from './kept-by-stamp.js';
import type { DescribedImageRow } from './image-view.js';

interface Waiting {
  readonly ids: readonly string[];
  readonly settle: (rows: DescribedImageRow[]) => void;
  readonly fail: (error: unknown) => void;
}

interface Group {
  readonly key: string;
  readonly lookup: Omit<IdLookup, 'ids'>;
  readonly waiting: Waiting[];
}

/** Rows kept per database: about 2 kB each. */
const MAX_KEPT = 5_000;

class IdLookupBatch {
  readonly #db: Kysely<Database>;
  /** PostgreSQL has no image markers (migration 011): it reads every lookup. */
  readonly #keeps: boolean;
  #groups = new Map<string, Group>();
  /** By group key and id; undefined: the viewer may not see this id (or it does not exist). */
  readonly #kept = new KeptByStamp<DescribedImageRow | undefined>(MAX_KEPT);

  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#keeps = dialectOf(db) === 'sqlite';
  }

  lookup(lookup: IdLookup): Promise<DescribedImageRow[]> {
    const statuses = lookup.statuses === undefined ? '*' : [...new Set(lookup.statuses)].sort().join(',');
    const key = [lookup.regionId, lookup.viewer.accountId, lookup.viewer.alias ?? '', lookup.viewer.community, statuses].join('\n');
    return new Promise((settle, fail) => {
      if (this.#groups.size === 0) setImmediate(() => this.#flush());
      let group = this.#groups.get(key);
      if (group === undefined) {
        group = { key, lookup, waiting: [] };
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
      // Read before the rows: a change in between is read now and seen as a new stamp next time.
      const stamp = this.#keeps ? await imageViewStamp(this.#db, group.lookup.viewer.accountId) : undefined;
      const rows = new Map<string, DescribedImageRow | undefined>();
      const missing: string[] = [];
      for (const id of new Set(group.waiting.flatMap((waiting) => waiting.ids))) {
        const kept = stamp === undefined ? undefined : this.#kept.get(`${group.key}\n${id}`, stamp);
        if (kept !== undefined) rows.set(id, kept.value);
        else missing.push(id);
      }
      const chunks: string[][] = [];
      for (let start = 0; start < missing.length; start += MAX_IDS) chunks.push(missing.slice(start, start + MAX_IDS));
      const found = (await Promise.all(chunks.map((chunk) => lookupImagesById(this.#db, { ...group.lookup, ids: chunk })))).flat();
      for (const row of found) rows.set(row.id, row);
      if (stamp !== undefined) for (const id of missing) this.#kept.set(`${group.key}\n${id}`, stamp, rows.get(id));
      for (const waiting of group.waiting) waiting.settle(waiting.ids.flatMap((id) => rows.get(id) ?? []));
    } catch (error) {
      for (const waiting of group.waiting) waiting.fail(error);
    }
  }
}

/** Each key object stands for the batch of one database in its memo. */
const BATCH_OF_DATABASE = {};

/** The images of `lookup.ids` the viewer may see, read together with the lookups of this turn. */
export function lookupImagesByIdTogether(db: Kysely<Database>, lookup: IdLookup): Promise<DescribedImageRow[]> {
  // A transaction's rows may never be committed: it reads alone.
  const batch = db.isTransaction ? undefined : rememberedBy(db, BATCH_OF_DATABASE, () => new IdLookupBatch(db));
  return batch === undefined ? lookupImagesById(db, lookup) : batch.lookup(lookup);
}

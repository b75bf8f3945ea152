/**
 * DescribeImages' TotalCount of a filter, kept until what it counted may
 * have changed: counting 100,000 matching images takes milliseconds, a page
 * of them less. An entry is keyed by the count's SQL and values (the
 * normalised filter, whatever request wrote it) and the viewer, and holds the
 * viewer's image stamp (`image-markers.ts`) read before it was counted: any
 * change to what that viewer could count (in this process, another replica
 * or by SQL) changes the stamp, and the entry is counted anew.
 *
 * One cache per database (its query memo keeps it); never used inside a
 * transaction, whose uncommitted rows no other reader may be told about, nor
 * on PostgreSQL, which has no such markers (migration 011).
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { dialectOf } from '../../store/dialect-of.js';
import { rememberedBy } from '../../store/query-template.js';
import type { Database } from '../../store/schema.js';
import { imageViewStamp } from './image-markers.js';
import { KeptByStamp } from './kept-by-stamp.js';

/** Filters kept per database: a few hundred bytes each. */
const MAX_ENTRIES = 2_000;

type CountRow = { count: number | string | bigint };
export type CountQuery = Compilable<CountRow>;

class CountCache {
  readonly #db: Kysely<Database>;
  readonly #counts = new KeptByStamp<number>(MAX_ENTRIES);

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async count(query: CountQuery, accountId: string): Promise<number> {
    // Read before counting: a change in between is counted now and seen as a new version next time.
    const stamp = await imageViewStamp(this.#db, accountId);
    const compiled = query.compile();
    const key = `${accountId}\u0000${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
    const kept = this.#counts.get(key, stamp);
    if (kept !== undefined) return kept.value;
    const count = await countOf(this.#db, compiled);
    this.#counts.set(key, stamp, count);
    return count;
  }
}

async function countOf(db: Kysely<Database>, query: CompiledQuery<CountRow>): Promise<number> {
  const result = await db.executeQuery(query);
  return Number(result.rows[0]?.count ?? 0);
}

/** Each key object stands for the cache of one database in its memo. */
const CACHE_OF_DATABASE = {};

/** The count of `query`, kept for `accountId` when `db` is no transaction and has a memo. */
export function cachedCount(db: Kysely<Database>, query: CountQuery, accountId: string): Promise<number> {
  const cache = db.isTransaction || dialectOf(db) !== 'sqlite' ? undefined : rememberedBy(db, CACHE_OF_DATABASE, () => new CountCache(db));
  return cache === undefined ? countOf(db, query.compile()) : cache.count(query, accountId);
}

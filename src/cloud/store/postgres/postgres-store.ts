/**
 * PostgreSQL store: Kysely's `PostgresDialect` over a `pg.Pool`. Several cloud
 * processes may share one database, so the few things that must be atomic
 * across processes use PostgreSQL's own tools: `FOR UPDATE SKIP LOCKED` to
 * claim jobs, a session advisory lock to migrate and seed once on start.
 */
import { Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import { QueryMemo, type QueryMemoOwner } from '../query-template.js';
import pg from 'pg';
import type { Database } from '../schema.js';
import type { ClaimJobOptions, JobRow, Store } from '../store.js';
import { claimDueJob } from '../claim-job.js';
import { PreparedStatementPool } from './prepared-pool.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Arbitrary but fixed: every replica of the cloud takes the same advisory lock on start. */
const STARTUP_LOCK_KEY = 7_300_431_920_173;

export interface PostgresStoreOptions {
  /** Pool size per process (default 10). */
  readonly maxConnections?: number;
}

export class PostgresStore implements Store {
  readonly db: Kysely<Database>;
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;

  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    this.#pool = new pg.Pool({
      connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: 'ecs-image',
      // Epoch milliseconds and counts are bigint: read them as JS numbers, like SQLite does.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID || oid === NUMERIC_OID
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection whose server went away emits 'error'; the pool drops it
    // and the next query opens a new one. Without a listener the process would crash.
    this.#pool.on('error', () => undefined);
    this.db = new Kysely<Database>({ dialect: new MemoPostgresDialect({ pool: new PreparedStatementPool(this.#pool) }) });
  }

  /**
   * The due row is locked by the sub-select and skipped by every concurrent
   * claimer (`SKIP LOCKED`), so two replicas never take the same job and never
   * wait on each other; the lease then outlives the statement.
   */
  claimJob(options: ClaimJobOptions): Promise<JobRow | undefined> {
    return claimDueJob(this.db, options, 'skip-locked');
  }

  /**
   * Runs `work` (migrations, seeding) while holding a session advisory lock on
   * a dedicated connection, so replicas that start together do it one after
   * the other; the lock goes with the session if the process dies.
   */
  async serializeStartup<T>(work: () => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch((error: Error) => {
          broken = error;
        });
      }
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Kysely's PostgreSQL dialect whose adapter carries the database's query memo (`query-template.ts`). */
class MemoPostgresDialect extends PostgresDialect {
  override createAdapter(): PostgresAdapter & QueryMemoOwner {
    return Object.assign(new PostgresAdapter(), { queryMemo: new QueryMemo() });
  }
}

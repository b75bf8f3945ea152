/**
 * A pg pool for Kysely whose clients run a recurring query as a named
 * prepared statement. Kysely sends every query unnamed, so PostgreSQL parses
 * and plans it anew each time: for DescribeImages by id, more CPU than the
 * executions themselves. The cloud's hot queries have a fixed SQL text (their
 * values are parameters, see `query-template.ts`), so a text seen again gets a
 * name, and pg prepares it once per connection and then only binds and runs it.
 *
 * Names are bounded (`MAX_NAMED`): a stream of ever-new texts (long IN lists)
 * runs unnamed beyond that, and texts seen once are forgotten in bulk, so
 * neither the process nor the server sessions grow without bound.
 */
import type pg from 'pg';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** A text is named on its second run: one-off statements (migrations, DDL) stay unnamed. */
const NAME_ON_RUN = 2;
const MAX_NAMED = 500;
const MAX_SEEN_ONCE = 5_000;

class StatementNames {
  readonly #named = new Map<string, string>();
  readonly #seenOnce = new Set<string>();

  /** The name to run `sql` under, or undefined to run it unnamed. */
  nameOf(sql: string): string | undefined {
    const name = this.#named.get(sql);
    if (name !== undefined || this.#named.size >= MAX_NAMED) return name;
    if (NAME_ON_RUN > 1 && !this.#seenOnce.has(sql)) {
      if (this.#seenOnce.size >= MAX_SEEN_ONCE) this.#seenOnce.clear();
      this.#seenOnce.add(sql);
      return undefined;
    }
    this.#seenOnce.delete(sql);
    const fresh = `ecs_image_${this.#named.size}`;
    this.#named.set(sql, fresh);
    return fresh;
  }
}

class NamingClient implements PostgresPoolClient {
  readonly #client: pg.PoolClient;
  readonly #names: StatementNames;

  constructor(client: pg.PoolClient, names: StatementNames) {
    this.#client = client;
    this.#names = names;
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sql: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // A cursor (Kysely's streaming) passes through as it came.
    if (typeof sql !== 'string') return this.#client.query(sql as never) as unknown as PostgresCursor<R>;
    const name = this.#names.nameOf(sql);
    const values = [...parameters];
    const result = name === undefined ? this.#client.query(sql, values) : this.#client.query({ name, text: sql, values });
    return result as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(): void {
    this.#client.release();
  }
}

export class PreparedStatementPool implements PostgresPool {
  readonly #pool: pg.Pool;
  readonly #names = new StatementNames();
  /** One wrapper per pg client: Kysely keeps its connection objects by client. */
  readonly #clients = new WeakMap<pg.PoolClient, NamingClient>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.#pool.connect();
    let wrapped = this.#clients.get(client);
    if (wrapped === undefined) {
      wrapped = new NamingClient(client, this.#names);
      this.#clients.set(client, wrapped);
    }
    return wrapped;
  }

  end(): Promise<void> {
    return this.#pool.end();
  }
}

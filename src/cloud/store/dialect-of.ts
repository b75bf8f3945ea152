/** Which dialect a Kysely instance (or a transaction of it) speaks, for the few queries whose SQL must differ. */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { StoreDialect } from './store.js';

export function dialectOf(db: Kysely<Database>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

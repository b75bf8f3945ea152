/**
 * Opens the configured store and brings its schema to the latest migration.
 * `prepare` (e.g. seeding) runs right after, under the same startup lock, so
 * replicas starting together on one PostgreSQL migrate and seed once.
 */
import type { Store, StoreConfig } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { startupError } from './postgres/connection-errors.js';
import { migrateToLatest } from './migrations/index.js';

export async function openStore(config: StoreConfig, prepare?: (store: Store) => Promise<void>): Promise<Store> {
  const store = await createStore(config);
  const startup = async (): Promise<void> => {
    await migrateToLatest(store);
    await prepare?.(store);
  };
  try {
    await (store.serializeStartup !== undefined ? store.serializeStartup(startup) : startup());
  } catch (error) {
    await store.close();
    throw config.kind === 'postgres' ? startupError(config.connectionString, error) : error;
  }
  return store;
}

async function createStore(config: StoreConfig): Promise<Store> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteStore(config.file, config.onWideDirectory);
    case 'postgres': {
      // pg is loaded only for a PostgreSQL store: a SQLite cloud starts without it.
      const { PostgresStore } = await import('./postgres/postgres-store.js');
      return new PostgresStore(config.connectionString);
    }
  }
}

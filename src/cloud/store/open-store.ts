/** Opens the configured store and brings its schema to the latest migration. */
import type { Store, StoreConfig } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { migrateToLatest } from './migrations/index.js';

export async function openStore(config: StoreConfig): Promise<Store> {
  const store = createStore(config);
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function createStore(config: StoreConfig): Store {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteStore(config.file);
    case 'postgres':
      throw new Error('the PostgreSQL store is not implemented yet (store/postgres/)');
  }
}

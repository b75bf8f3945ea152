/**
 * Which store a test cloud runs on. The vitest project `cloud-postgres` sets
 * `ECS_IMAGE_TEST_STORE=postgres` and its global setup provides the URL of one
 * PostgreSQL server (`postgresAdminUrl`); each test cloud then gets a database
 * of its own on it, dropped on close. Otherwise: SQLite in the data directory.
 * `ECS_IMAGE_TEST_POSTGRES_URL` (an admin URL) points the tests at a server of
 * your own instead.
 */
import type { StoreConfig } from '../../src/cloud/store/store.js';
import { createDatabase, dropDatabase } from '../../dev/local-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export interface TestStore {
  /** Undefined: the cloud's default SQLite file in its data directory. */
  readonly config: StoreConfig | undefined;
  readonly kind: 'sqlite' | 'postgres';
  dispose(): Promise<void>;
}

export function testStoreKind(): 'sqlite' | 'postgres' {
  return process.env.ECS_IMAGE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
}

export async function openTestStore(): Promise<TestStore> {
  if (testStoreKind() === 'sqlite') return { config: undefined, kind: 'sqlite', dispose: async () => undefined };
  const adminUrl = process.env.ECS_IMAGE_TEST_POSTGRES_URL ?? (await import('vitest')).inject('postgresAdminUrl');
  const url = await createDatabase(adminUrl, 'cloud_test');
  return {
    config: { kind: 'postgres', connectionString: url },
    kind: 'postgres',
    dispose: () => dropDatabase(adminUrl, url),
  };
}

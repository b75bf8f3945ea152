/**
 * The store suite runs once per dialect: `for (const dialect of DIALECTS)`.
 * `useDialect` (called inside a describe) starts what the dialect needs for
 * the file — nothing for SQLite, one PostgreSQL server for PostgreSQL — and
 * hands out fresh, empty store locations, all removed after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { StoreConfig, StoreDialect } from '../../src/cloud/store/store.js';
import { POSTGRES_BINARIES, POSTGRES_MISSING_REASON, startPostgres, type PostgresServer } from '../../dev/local-postgres.js';

export const DIALECTS: readonly StoreDialect[] = ['sqlite', 'postgres'];

/** Why a dialect cannot be tested here, or undefined when it can. */
export function skipReason(dialect: StoreDialect): string | undefined {
  return dialect === 'postgres' && POSTGRES_BINARIES === undefined ? POSTGRES_MISSING_REASON : undefined;
}

/** The describe title: the dialect, plus the reason when it is skipped (so the skip is visible). */
export function dialectTitle(dialect: StoreDialect): string {
  const reason = skipReason(dialect);
  return reason === undefined ? dialect : `${dialect} (skipped: ${reason})`;
}

export interface DialectFixture {
  /** A new, empty store location (SQLite file or PostgreSQL database). */
  newStoreConfig(): Promise<StoreConfig>;
  /** The PostgreSQL server (postgres only). */
  readonly server: PostgresServer | undefined;
}

export function useDialect(dialect: StoreDialect): DialectFixture {
  let server: PostgresServer | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') server = await startPostgres();
    else dir = await mkdtemp(join(tmpdir(), 'ecs-image-store-'));
  });
  afterAll(async () => {
    await server?.destroy();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  let count = 0;
  return {
    get server() {
      return server;
    },
    newStoreConfig: async () => {
      if (dialect === 'postgres') {
        if (server === undefined) throw new Error('PostgreSQL is not started');
        return { kind: 'postgres', connectionString: await server.createDatabase('store_test') };
      }
      count += 1;
      return { kind: 'sqlite', file: join(dir as string, `store-${count}.sqlite`) };
    },
  };
}

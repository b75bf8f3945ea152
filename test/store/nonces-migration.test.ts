/** Migration 012 re-keys SQLite's nonces table; the nonces seen before it stay refused. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Migrator, sql, type Migration } from 'kysely';
import { MIGRATIONS } from '../../src/cloud/store/migrations/index.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import { SqliteStore } from '../../src/cloud/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/cloud/store/store.js';

describe('migration 012 (SQLite nonces without rowid)', () => {
  const stores: Store[] = [];
  let dir = '';
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every nonce and its expiry, and the key still refuses a second row', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecs-image-nonces-'));
    const file = join(dir, 'cloud.sqlite');
    const before = MIGRATIONS.findIndex((migration) => migration.name === '012-nonces-without-rowid');
    const old = new SqliteStore(file);
    stores.push(old);
    const migrations = Object.fromEntries(
      MIGRATIONS.slice(0, before).map((migration): [string, Migration] => [migration.name, { up: (db) => migration.up(db, 'sqlite') }]),
    );
    const { error } = await new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect(error).toBeUndefined();
    await old.db.insertInto('nonces').values([{ access_key_id: 'k', nonce: 'seen', expires_at: 42 }]).execute();
    await stores.pop()?.close();

    const store = await openStore({ kind: 'sqlite', file });
    stores.push(store);
    expect(await store.db.selectFrom('nonces').selectAll().execute()).toEqual([{ access_key_id: 'k', nonce: 'seen', expires_at: 42 }]);
    await expect(store.db.insertInto('nonces').values({ access_key_id: 'k', nonce: 'seen', expires_at: 43 }).execute()).rejects.toThrow(/UNIQUE/);
    const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'nonces'`.execute(store.db);
    expect(table.rows[0]?.sql).toMatch(/without rowid/i);
    const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'nonces'`.execute(store.db);
    expect(indexes.rows.map((row) => row.name)).toContain('nonces_expiry');
  });
});

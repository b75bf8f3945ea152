/**
 * The store on every dialect: migrations (versioned, once, also when several
 * processes open an empty database together), value types read back as on
 * SQLite, the unique keys the cloud relies on across processes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MIGRATIONS } from '../../src/cloud/store/migrations/index.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';
import { seedCloud } from '../../src/cloud/seed/seed.js';
import type { AccountCredentials } from '../../src/cloud/seed/accounts.js';
import { DIALECTS, dialectTitle, skipReason, useDialect } from './dialects.js';

for (const dialect of DIALECTS) {
  describe.skipIf(skipReason(dialect) !== undefined)(dialectTitle(dialect), () => {
    const fixture = useDialect(dialect);
    const opened: Store[] = [];
    const open = async (...args: Parameters<typeof openStore>): Promise<Store> => {
      const store = await openStore(...args);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    const migrationNames = async (store: Store): Promise<string[]> => {
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      return rows.rows.map((row) => row.name);
    };

    it('creates every table and records each migration once; reopening changes nothing', async () => {
      const config = await fixture.newStoreConfig();
      const store = await open(config);
      expect(store.dialect).toBe(dialect);
      const tables = (await store.db.introspection.getTables()).map((table) => table.name);
      expect(tables).toEqual(expect.arrayContaining(['accounts', 'access_keys', 'nonces', 'idempotency', 'images', 'jobs', 'tags']));
      expect(await migrationNames(store)).toEqual(MIGRATIONS.map((migration) => migration.name));
      await store.db.insertInto('accounts').values({ id: 'keep', name: 'kept', created_at: 1 }).execute();
      await store.close();
      opened.length = 0;
      const again = await open(config);
      expect(await migrationNames(again)).toEqual(MIGRATIONS.map((migration) => migration.name));
      expect(await again.db.selectFrom('accounts').select('name').where('id', '=', 'keep').executeTakeFirst()).toEqual({ name: 'kept' });
    });

    it('reads epoch milliseconds, counts and sums as JS numbers', async () => {
      const store = await open(await fixture.newStoreConfig());
      const at = Date.UTC(2024, 1, 29, 12, 0, 0, 123);
      await store.db.insertInto('accounts').values({ id: 'a', name: 'n', created_at: at }).execute();
      const row = await store.db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
      expect(row.created_at).toBe(at);
      const counted = await store.db
        .selectFrom('accounts')
        .select(({ fn }) => [fn.countAll<number>().as('n'), fn.sum<number>('created_at').as('total')])
        .executeTakeFirstOrThrow();
      expect(counted).toEqual({ n: 1, total: at });
      const job = await store.db
        .insertInto('jobs')
        .values({ kind: 'k', account_id: 'a', resource_id: 'r', payload: '{}', state: 'pending', lease_owner: '', run_at: at, lease_expires_at: 0, attempts: 0, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(typeof job.id).toBe('number');
    });

    it('the unique keys hold: idempotency tokens, nonces, tag keys', async () => {
      const store = await open(await fixture.newStoreConfig());
      const token = { account_id: 'a', action: 'CreateImage', client_token: 't', params_hash: 'h', response: '', created_at: 1 };
      await store.db.insertInto('idempotency').values(token).execute();
      await expect(store.db.insertInto('idempotency').values(token).execute()).rejects.toThrow(/UNIQUE|duplicate key/i);
      await store.db.insertInto('nonces').values({ access_key_id: 'k', nonce: 'n', expires_at: 1 }).execute();
      await expect(store.db.insertInto('nonces').values({ access_key_id: 'k', nonce: 'n', expires_at: 2 }).execute()).rejects.toThrow(
        /UNIQUE|duplicate key/i,
      );
      const tag = { account_id: 'a', resource_type: 'image', resource_id: 'm-1', tag_key: 'k', tag_value: 'v' };
      await store.db.insertInto('tags').values(tag).execute();
      await expect(store.db.insertInto('tags').values({ ...tag, tag_value: 'w' }).execute()).rejects.toThrow(/UNIQUE|duplicate key/i);
    });

    it('a failed write transaction leaves nothing behind', async () => {
      const store = await open(await fixture.newStoreConfig());
      await expect(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto('accounts').values({ id: 'half', name: 'n', created_at: 1 }).execute();
          await trx.insertInto('accounts').values({ id: 'half', name: 'again', created_at: 1 }).execute();
        }),
      ).rejects.toThrow();
      expect(await store.db.selectFrom('accounts').selectAll().where('id', '=', 'half').execute()).toEqual([]);
    });

    it.runIf(dialect === 'postgres')(
      'replicas opening an empty database together migrate and seed it exactly once',
      async () => {
        const config = await fixture.newStoreConfig();
        const seeds: AccountCredentials[] = [];
        const stores = await Promise.all(
          Array.from({ length: 4 }, () =>
            open(config, async (store) => {
              seeds.push(await seedCloud(store.db, { now: Date.now() }));
              // A check-then-write with a wide window: only taking turns makes it happen once.
              const found = await store.db.selectFrom('accounts').select('id').where('name', '=', 'first-start').execute();
              await new Promise((resolve) => setTimeout(resolve, 100));
              if (found.length === 0) {
                await store.db.insertInto('accounts').values({ id: `first-${seeds.length}`, name: 'first-start', created_at: 1 }).execute();
              }
            }),
          ),
        );
        expect(await migrationNames(stores[0] as Store)).toEqual(MIGRATIONS.map((migration) => migration.name));
        const defaults = await (stores[1] as Store).db.selectFrom('accounts').select('id').where('name', '=', 'default').execute();
        expect(defaults).toHaveLength(1);
        const firstStarts = await (stores[2] as Store).db.selectFrom('accounts').select('id').where('name', '=', 'first-start').execute();
        expect(firstStarts).toHaveLength(1);
        expect(new Set(seeds.map((seed) => seed.accessKeyId)).size).toBe(1);
        expect(seeds[0]?.accountId).toBe(defaults[0]?.id);
      },
    );
  });
}

describe.skipIf(skipReason('postgres') !== undefined)(dialectTitle('postgres') + ': unreachable database', () => {
  it('a wrong URL fails to open with a readable message naming the database without its password', async () => {
    const error = await openStore({ kind: 'postgres', connectionString: 'postgres://me:secret@127.0.0.1:1/nowhere' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^cannot open the PostgreSQL database postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/);
    expect(message).not.toContain('secret');
  });
});

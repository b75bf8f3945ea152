/** The one SQLite connection is taken in turn: nothing runs inside another's transaction, waiters go first come first served. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SqliteStoreDialect', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  const names = async () => (await store.db.selectFrom('accounts').select('name').orderBy('name').execute()).map((row) => row.name);

  it('runs a query issued during a transaction after it, so it never sees (or joins) its uncommitted writes', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('accounts').values({ id: 'x', name: 'uncommitted', created_at: 1 }).execute();
      await held;
      throw new Error('roll back');
    });
    await pause(10);
    const seen = names();
    const inserted = store.db.insertInto('accounts').values({ id: 'y', name: 'outside', created_at: 1 }).execute();
    await pause(10);
    release();
    await expect(failing).rejects.toThrow('roll back');
    await inserted;
    expect(await seen).toEqual([]);
    expect(await names()).toEqual(['outside']);
  });

  it('hands the connection to waiters in arrival order', async () => {
    const order: number[] = [];
    const transaction = store.db.transaction().execute(async (trx) => {
      await pause(10);
      await trx.selectFrom('accounts').select('id').execute();
    });
    const queries = Array.from({ length: 20 }, (_, index) =>
      store.db
        .selectFrom('accounts')
        .select('id')
        .execute()
        .then(() => order.push(index)),
    );
    await Promise.all([transaction, ...queries]);
    expect(order).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('supports savepoints inside a transaction', async () => {
    const trx = await store.db.startTransaction().execute();
    await trx.insertInto('accounts').values({ id: 'a', name: 'kept', created_at: 1 }).execute();
    const inner = await trx.savepoint('inner').execute();
    await inner.insertInto('accounts').values({ id: 'b', name: 'undone', created_at: 1 }).execute();
    const back = await inner.rollbackToSavepoint('inner').execute();
    await (await back.releaseSavepoint('inner').execute()).commit().execute();
    expect(await names()).toEqual(['kept']);
  });
});

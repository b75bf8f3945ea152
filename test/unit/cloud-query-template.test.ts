/** Compiled-once queries: values bind by position, constants of the shape stay, misuse fails loudly. */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/cloud/store/open-store.js';
import { InListQuery, QueryTemplate } from '../../src/cloud/store/query-template.js';
import type { Store } from '../../src/cloud/store/store.js';

describe('QueryTemplate', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
    await store.db
      .insertInto('accounts')
      .values([
        { id: 'a1', name: 'first', created_at: 1 },
        { id: 'a2', name: 'second', created_at: 2 },
        { id: 'a3', name: 'third', created_at: 3 },
      ])
      .execute();
  });
  afterEach(async () => {
    await store.close();
  });

  it('runs the compiled query with the values of each call, keeping the constants of its shape', async () => {
    const template = new QueryTemplate(2, (db, [first, second]) =>
      db
        .selectFrom('accounts')
        .select(['id', 'name'])
        .where('id', 'in', [first as string, second as string])
        .where('created_at', '<', 3)
        .orderBy('id'),
    );
    expect(await template.execute(store.db, ['a2', 'a1'])).toEqual([
      { id: 'a1', name: 'first' },
      { id: 'a2', name: 'second' },
    ]);
    expect(await template.execute(store.db, ['a3', 'a2'])).toEqual([{ id: 'a2', name: 'second' }]);
    expect(await template.execute(store.db, ['zz', 'yy'])).toEqual([]);
  });

  it('refuses a wrong number of values', async () => {
    const template = new QueryTemplate(1, (db, [id]) => db.selectFrom('accounts').select('id').where('id', '=', id as string));
    await expect(template.execute(store.db, [])).rejects.toThrow(/0 values for 1 slots/);
  });

  it('fails on first use when a slot is not bound as it is', async () => {
    const transformed = new QueryTemplate(1, (db, [name]) => db.selectFrom('accounts').select('id').where('name', 'like', `%${name}%`));
    await expect(transformed.execute(store.db, ['x'])).rejects.toThrow(/slot 0 is not a bound parameter/);
    const inlined = new QueryTemplate(1, (db, [name]) =>
      db.selectFrom('accounts').select('id').where(sql<boolean>`name = ${sql.lit(name as string)}`),
    );
    await expect(inlined.execute(store.db, ['x'])).rejects.toThrow(/slot 0 is not a bound parameter/);
  });

  it('runs in a transaction on its connection', async () => {
    const template = new QueryTemplate(1, (db, [id]) => db.selectFrom('accounts').select('name').where('id', '=', id as string));
    expect(await template.execute(store.db, ['a1'])).toEqual([{ name: 'first' }]);
    const seen = await store.db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ name: 'renamed' }).where('id', '=', 'a1').execute();
      return template.execute(trx, ['a1']);
    });
    expect(seen).toEqual([{ name: 'renamed' }]);
  });
});

describe('InListQuery', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
    const rows = Array.from({ length: 5 }, (_, index) => ({ id: `a${index}`, name: `n${index}`, created_at: index }));
    await store.db.insertInto('accounts').values(rows).execute();
  });
  afterEach(async () => {
    await store.close();
  });

  it('answers lists of every length, within the templated lengths and beyond', async () => {
    const byIds = new InListQuery(2, (db, ids) => db.selectFrom('accounts').select('id').where('id', 'in', ids).orderBy('id'));
    const ids = async (list: string[]) => (await byIds.execute(store.db, list)).map((row) => row.id);
    expect(await ids(['a3'])).toEqual(['a3']);
    expect(await ids(['a4', 'a1'])).toEqual(['a1', 'a4']);
    expect(await ids(['a2', 'a0', 'zz'])).toEqual(['a0', 'a2']);
    expect(await ids(['a1'])).toEqual(['a1']);
  });
});

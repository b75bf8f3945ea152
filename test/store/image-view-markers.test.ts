/**
 * Migration 011's markers: on SQLite each change that an account's
 * DescribeImages could count or show moves that account's marker (or the
 * public images' one), whoever writes it, and other writes leave them alone;
 * PostgreSQL has none (its replicas would queue on the marker rows).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Insertable } from 'kysely';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { ImageTable } from '../../src/cloud/store/schema.js';
import type { Store } from '../../src/cloud/store/store.js';
import { DIALECTS, dialectTitle, skipReason, useDialect } from './dialects.js';

/** The columns the markers read; the others keep their defaults. */
function imageRow(id: string, accountId: string, isPublic = 0): Insertable<ImageTable> {
  return { id, account_id: accountId, region_id: 'cn-hangzhou', is_public: isPublic, creation_time: 1 } as Insertable<ImageTable>;
}

for (const dialect of DIALECTS) {
  describe.skipIf(skipReason(dialect) !== undefined)(dialectTitle(dialect), () => {
    const fixture = useDialect(dialect);
    /** A test of one store only: the markers are SQLite's (migration 011). */
    const only =
      (wanted: typeof dialect) =>
      (name: string, test: () => Promise<void>): void => {
        if (dialect === wanted) it(name, test);
      };
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    async function markers(): Promise<Record<string, number>> {
      const rows = await (store as Store).db.selectFrom('change_markers').select(['name', 'version']).where('name', 'like', 'images:%').execute();
      return Object.fromEntries(rows.map((row) => [row.name, Number(row.version)]));
    }

    /** Which markers `write` moved. */
    async function moved(write: () => Promise<unknown>): Promise<string[]> {
      const before = await markers();
      await write();
      const after = await markers();
      return Object.keys(after)
        .filter((name) => after[name] !== before[name])
        .sort();
    }

    only('sqlite')('moves the markers of whoever could count the change', async () => {
      store = await openStore(await fixture.newStoreConfig());
      const db = store.db;
      expect(await moved(() => db.insertInto('images').values(imageRow('m-1', 'a')).execute())).toEqual(['images:a']);
      expect(await moved(() => db.updateTable('images').set({ status: 'Deprecated' }).where('id', '=', 'm-1').execute())).toEqual(['images:a']);
      // the grantee sees it now, the owner sees that it is shared
      expect(await moved(() => db.insertInto('image_shares').values({ image_id: 'm-1', account_id: 'b', created_at: 1 }).execute())).toEqual([
        'images:a',
        'images:b',
      ]);
      // a change of a shared image is one for everyone it is shared with
      const tag = { account_id: 'a', resource_type: 'image', resource_id: 'm-1', tag_key: 'team', tag_value: 'x' };
      expect(await moved(() => db.insertInto('tags').values(tag).execute())).toEqual(['images:a', 'images:b']);
      expect(await moved(() => db.updateTable('images').set({ is_public: 1 }).where('id', '=', 'm-1').execute())).toEqual([
        'images:a',
        'images:b',
        'images:public',
      ]);
      // turning it private again still moves the public marker (the old row was public)
      expect(await moved(() => db.updateTable('images').set({ is_public: 0 }).where('id', '=', 'm-1').execute())).toEqual([
        'images:a',
        'images:b',
        'images:public',
      ]);
      const disk = { image_id: 'm-1', position: 0, device: '/dev/xvda', disk_type: 'system', size: 40, snapshot_id: 's-1' };
      expect(await moved(() => db.insertInto('image_disks').values(disk as never).execute())).toEqual(['images:a', 'images:b']);
      const instance = { id: 'i-1', account_id: 'c', region_id: 'cn-hangzhou', image_id: 'm-1', creation_time: 1, status_changed_at: 1 };
      expect(await moved(() => db.insertInto('instances').values(instance as never).execute())).toEqual(['images:a', 'images:b']);
      expect(await moved(() => db.deleteFrom('image_shares').execute())).toEqual(['images:a', 'images:b']);
      expect(await moved(() => db.deleteFrom('images').where('id', '=', 'm-1').execute())).toEqual(['images:a']);
    });

    only('sqlite')('leaves them alone for writes no DescribeImages counts', async () => {
      store = await openStore(await fixture.newStoreConfig());
      const db = store.db;
      await db.insertInto('images').values(imageRow('m-2', 'a')).execute();
      const vpcTag = { account_id: 'a', resource_type: 'vpc', resource_id: 'vpc-1', tag_key: 'team', tag_value: 'x' };
      expect(await moved(() => db.insertInto('tags').values(vpcTag).execute())).toEqual([]);
      expect(await moved(() => db.insertInto('accounts').values({ id: 'z', name: 'z', created_at: 1 }).execute())).toEqual([]);
      // a public image moves the public marker from its first row on
      expect(await moved(() => db.insertInto('images').values(imageRow('m-3', 'system', 1)).execute())).toEqual(['images:public', 'images:system']);
    });

    only('postgres')('has no image markers on PostgreSQL', async () => {
      store = await openStore(await fixture.newStoreConfig());
      const db = store.db;
      expect(await moved(() => db.insertInto('images').values(imageRow('m-4', 'a', 1)).execute())).toEqual([]);
      expect(await markers()).toEqual({});
    });
  });
}

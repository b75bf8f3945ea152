/** The nonce guard's group commit: concurrent checks share writes, yet each nonce is accepted once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';
import { EcsError } from '../../src/cloud/api/errors.js';
import { ReplayGuard } from '../../src/cloud/http/replay-guard.js';
import type { Caller } from '../../src/cloud/http/verify-signature.js';

const NOW = Date.UTC(2024, 0, 1);

function caller(accessKeyId: string, nonce: string, timestamp = NOW): Caller {
  return { account: { id: '1', name: 'a' }, accessKeyId, nonce, timestamp };
}

async function outcome(check: Promise<void>): Promise<string> {
  try {
    await check;
    return 'ok';
  } catch (error) {
    return error instanceof EcsError ? error.code : String(error);
  }
}

describe('ReplayGuard', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('accepts each (AccessKey, nonce) once, also among checks that are written together', async () => {
    const guard = new ReplayGuard(store.db);
    const calls = [
      caller('k1', 'a'),
      caller('k1', 'a'),
      caller('k1', 'b'),
      caller('k2', 'a'),
      caller('k1', 'b'),
      caller('k1', 'c'),
    ].map((c) => outcome(guard.check(c, NOW)));
    expect(await Promise.all(calls)).toEqual(['ok', 'SignatureNonceUsed', 'ok', 'ok', 'SignatureNonceUsed', 'ok']);
    expect(await outcome(guard.check(caller('k1', 'c'), NOW))).toBe('SignatureNonceUsed');
    expect(await outcome(guard.check(caller('k1c', ''), NOW))).toBe('ok'); // not confused with (k1, "c")
    const rows = await store.db.selectFrom('nonces').select(['access_key_id', 'nonce']).execute();
    expect(rows).toHaveLength(5);
  });

  it('purges rows past their expiry, so a nonce becomes usable once its timestamp is out of the window', async () => {
    const guard = new ReplayGuard(store.db);
    expect(await outcome(guard.check(caller('k', 'old'), NOW))).toBe('ok');
    const later = NOW + 24 * 3600_000;
    expect(await outcome(guard.check(caller('k', 'new'), later))).toBe('ok');
    const rows = await store.db.selectFrom('nonces').select('nonce').execute();
    expect(rows.map((row) => row.nonce)).toEqual(['new']);
  });

  it('a store failure fails the waiting checks, and later checks still work', async () => {
    const guard = new ReplayGuard(store.db);
    await store.db.schema.alterTable('nonces').renameTo('nonces_away').execute();
    const failed = await Promise.all([outcome(guard.check(caller('k', 'x'), NOW)), outcome(guard.check(caller('k', 'y'), NOW))]);
    expect(failed.every((result) => /no such table/.test(result))).toBe(true);
    await store.db.schema.alterTable('nonces_away').renameTo('nonces').execute();
    expect(await outcome(guard.check(caller('k', 'x'), NOW))).toBe('ok');
  });
});

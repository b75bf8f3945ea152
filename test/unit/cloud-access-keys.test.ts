/** AccessKey lookups: the store is the truth, found keys are trusted briefly, a changed secret works at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signV1 } from '../support/raw-rpc.js';
import { createAccount, putAccessKey, type AccountCredentials } from '../../src/cloud/seed/accounts.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';
import { AccessKeyDirectory } from '../../src/cloud/http/access-keys.js';
import { EcsError } from '../../src/cloud/api/errors.js';
import { parseRequest } from '../../src/cloud/http/parse-request.js';
import { verifySignature } from '../../src/cloud/http/verify-signature.js';

describe('AccessKeyDirectory', () => {
  let store: Store;
  let account: AccountCredentials;
  let time = 0;
  const clock = () => time;

  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
    account = await createAccount(store.db, { now: 1 });
    time = 0;
  });
  afterEach(async () => {
    await store.close();
  });

  const setSecretInStore = (secret: string) =>
    store.db.updateTable('access_keys').set({ access_key_secret: secret }).where('access_key_id', '=', account.accessKeyId).execute();

  it('finds a key issued after a miss at once (misses are not remembered)', async () => {
    const keys = new AccessKeyDirectory(store.db, { clock });
    expect(await keys.find('LTAInew')).toBeUndefined();
    await putAccessKey(store.db, account.accountId, { accessKeyId: 'LTAInew', accessKeySecret: 's3cret' });
    expect((await keys.find('LTAInew'))?.account.id).toBe(account.accountId);
  });

  it('trusts a found key for ttlMs, then reads the store again', async () => {
    const keys = new AccessKeyDirectory(store.db, { clock, ttlMs: 1_000 });
    expect((await keys.find(account.accessKeyId))?.secret).toBe(account.accessKeySecret);
    await setSecretInStore('changed');
    time = 999;
    expect((await keys.find(account.accessKeyId))?.secret).toBe(account.accessKeySecret);
    time = 1_000;
    expect((await keys.find(account.accessKeyId))?.secret).toBe('changed');
  });

  it('forgets a key the store no longer has', async () => {
    const keys = new AccessKeyDirectory(store.db, { clock });
    expect(await keys.find(account.accessKeyId)).toBeDefined();
    await store.db.deleteFrom('access_keys').where('access_key_id', '=', account.accessKeyId).execute();
    expect(await keys.reload(account.accessKeyId)).toBeUndefined();
    expect(await keys.find(account.accessKeyId)).toBeUndefined();
  });

  describe('verifySignature with a remembered key whose secret changed', () => {
    const signed = (secret: string) => {
      const { query } = signV1({
        accessKeyId: account.accessKeyId,
        accessKeySecret: secret,
        method: 'GET',
        params: { Action: 'DescribeRegions' },
      });
      return parseRequest({ method: 'GET', url: `/?${new URLSearchParams(query).toString()}`, headers: { host: 'x' }, body: Buffer.alloc(0) });
    };
    const outcome = async (keys: AccessKeyDirectory, secret: string): Promise<string> => {
      try {
        const caller = await verifySignature(signed(secret), keys, Date.now());
        return `ok ${caller.account.id}`;
      } catch (error) {
        return error instanceof EcsError ? error.code : String(error);
      }
    };

    it('accepts the new secret at once and refuses the old one', async () => {
      const keys = new AccessKeyDirectory(store.db, { clock, ttlMs: 60_000 });
      expect(await outcome(keys, account.accessKeySecret)).toBe(`ok ${account.accountId}`);
      await setSecretInStore('rotated');
      expect(await outcome(keys, 'rotated')).toBe(`ok ${account.accountId}`);
      expect(await outcome(keys, account.accessKeySecret)).toBe('SignatureDoesNotMatch');
      expect(await outcome(keys, 'wrong')).toBe('SignatureDoesNotMatch');
    });

    it('answers InvalidAccessKeyId.NotFound once the store lost the key', async () => {
      const keys = new AccessKeyDirectory(store.db, { clock, ttlMs: 60_000 });
      expect(await outcome(keys, account.accessKeySecret)).toBe(`ok ${account.accountId}`);
      await store.db.deleteFrom('access_keys').where('access_key_id', '=', account.accessKeyId).execute();
      expect(await outcome(keys, 'anything')).toBe('InvalidAccessKeyId.NotFound');
    });
  });
});

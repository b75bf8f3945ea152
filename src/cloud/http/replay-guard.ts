/**
 * Step 4: refuse a reused signature nonce. The nonces table's primary key
 * (access_key_id, nonce) decides, so several cloud processes sharing a store
 * agree. Rows outlive the timestamp window, after which the timestamp check
 * alone refuses a replay; expired rows are purged now and then.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { EcsError } from './errors.js';
import { MAX_CLOCK_SKEW_MS } from './timestamp.js';
import type { Caller } from './verify-signature.js';

const PURGE_EVERY_MS = 60_000;

export class ReplayGuard {
  readonly #db: Kysely<Database>;
  #nextPurgeAt = 0;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async check(caller: Caller, now: number): Promise<void> {
    if (now >= this.#nextPurgeAt) {
      this.#nextPurgeAt = now + PURGE_EVERY_MS;
      await this.#db.deleteFrom('nonces').where('expires_at', '<', now).execute();
    }
    const result = await this.#db
      .insertInto('nonces')
      .values({
        access_key_id: caller.accessKeyId,
        nonce: caller.nonce,
        expires_at: Math.max(now, caller.timestamp) + MAX_CLOCK_SKEW_MS + 60_000,
      })
      .onConflict((oc) => oc.columns(['access_key_id', 'nonce']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) throw new EcsError('SignatureNonceUsed');
  }
}

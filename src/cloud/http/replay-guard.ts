/**
 * Step 4: refuse a reused signature nonce. The nonces table's primary key
 * (access_key_id, nonce) decides, so several cloud processes sharing a store
 * agree. Rows outlive the timestamp window, after which the timestamp check
 * alone refuses a replay; expired rows are purged now and then.
 *
 * Every request writes a nonce, so the inserts are group-committed: the
 * nonces of the requests read in one turn of the event loop go in one
 * multi-row INSERT … ON CONFLICT DO NOTHING RETURNING, written right after
 * that turn (setImmediate), and those arriving while it is in flight go in
 * the next one. Under load one write (one WAL commit on SQLite, one round
 * trip on PostgreSQL) serves many requests; better-sqlite3 being synchronous,
 * without the deferral every batch would hold one nonce. A nonce that
 * RETURNING does not give back was there already.
 */
import type { Kysely } from 'kysely';
import { QueryTemplate, QueryTemplates } from '../store/query-template.js';
import type { Database } from '../store/schema.js';
import { EcsError } from '../api/errors.js';
import { MAX_CLOCK_SKEW_MS } from './timestamp.js';
import type { Caller } from './verify-signature.js';

/** Often enough that one purge deletes few rows (it holds the store's write lock meanwhile). */
const PURGE_EVERY_MS = 1_000;
/** 3 bound parameters a row: far below SQLite's and PostgreSQL's limits. */
const MAX_BATCH = 500;

/** The insert of a batch, built and compiled once per batch length (Kysely's build of 25 rows cost more than SQLite's insert). */
const INSERT_NONCES = new QueryTemplates<number, { access_key_id: string; nonce: string }>(MAX_BATCH, (count) =>
  new QueryTemplate(count * 3, (db, slots) =>
    db
      .insertInto('nonces')
      .values(
        Array.from({ length: count }, (_, row) => ({
          access_key_id: slots[row * 3] as string,
          nonce: slots[row * 3 + 1] as string,
          // a slot stands for the number bound at run time
          expires_at: slots[row * 3 + 2] as unknown as number,
        })),
      )
      .onConflict((oc) => oc.columns(['access_key_id', 'nonce']).doNothing())
      .returning(['access_key_id', 'nonce']),
  ),
);

interface PendingNonce {
  readonly accessKeyId: string;
  readonly nonce: string;
  readonly expiresAt: number;
  readonly now: number;
  readonly settle: (fresh: boolean) => void;
  readonly fail: (error: unknown) => void;
}

export class ReplayGuard {
  readonly #db: Kysely<Database>;
  #queue: PendingNonce[] = [];
  #writing = false;
  #nextPurgeAt = 0;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async check(caller: Caller, now: number): Promise<void> {
    const fresh = await new Promise<boolean>((settle, fail) => {
      this.#queue.push({
        accessKeyId: caller.accessKeyId,
        nonce: caller.nonce,
        expiresAt: Math.max(now, caller.timestamp) + MAX_CLOCK_SKEW_MS + 60_000,
        now,
        settle,
        fail,
      });
      if (!this.#writing) {
        this.#writing = true;
        setImmediate(() => void this.#drain());
      }
    });
    if (!fresh) throw new EcsError('SignatureNonceUsed');
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.length <= MAX_BATCH ? this.#queue : this.#queue.slice(0, MAX_BATCH);
        this.#queue = this.#queue.length <= MAX_BATCH ? [] : this.#queue.slice(MAX_BATCH);
        await this.#write(batch);
      }
    } finally {
      this.#writing = false;
    }
  }

  async #write(batch: readonly PendingNonce[]): Promise<void> {
    try {
      const now = batch.reduce((latest, pending) => Math.max(latest, pending.now), 0);
      if (now >= this.#nextPurgeAt) {
        this.#nextPurgeAt = now + PURGE_EVERY_MS;
        await this.#db.deleteFrom('nonces').where('expires_at', '<', now).execute();
      }
      // The same nonce twice in one batch: the first one decides, the others are replays.
      const first = new Map<string, PendingNonce>();
      for (const pending of batch) {
        const key = nonceKey(pending.accessKeyId, pending.nonce);
        if (!first.has(key)) first.set(key, pending);
      }
      // In key order, the rows reach the (random-keyed) primary-key index page after page, not back and forth.
      const rows = [...first.values()].sort(byKey);
      const values = rows.flatMap((pending) => [pending.accessKeyId, pending.nonce, pending.expiresAt]);
      const inserted = await INSERT_NONCES.get(this.#db, String(rows.length), rows.length).execute(this.#db, values);
      const written = new Set(inserted.map((row) => nonceKey(row.access_key_id, row.nonce)));
      for (const pending of batch) {
        const key = nonceKey(pending.accessKeyId, pending.nonce);
        pending.settle(first.get(key) === pending && written.has(key));
      }
    } catch (error) {
      for (const pending of batch) pending.fail(error);
    }
  }
}

function byKey(a: PendingNonce, b: PendingNonce): number {
  if (a.accessKeyId !== b.accessKeyId) return a.accessKeyId < b.accessKeyId ? -1 : 1;
  return a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0;
}

/** Length-prefixed, so no two (AccessKey, nonce) pairs share a key. */
function nonceKey(accessKeyId: string, nonce: string): string {
  return `${accessKeyId.length}:${accessKeyId}${nonce}`;
}

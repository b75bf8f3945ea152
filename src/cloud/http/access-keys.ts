/**
 * AccessKey → account lookups for one cloud. The store is the truth, and
 * several cloud processes may share it: a key issued by another process must
 * work here at once, and a changed secret or a removed key must stop working
 * soon. So only keys that were found are remembered, for a short while
 * (`ttlMs`), which spares the store one read per request under load; an
 * unknown id always reads the store, and a signature that does not match a
 * remembered key is checked again against the store's current one (`reload`).
 */
import type { Kysely } from 'kysely';
import type { Account } from '../api/action.js';
import type { Database } from '../store/schema.js';

export interface AccessKey {
  readonly accessKeyId: string;
  readonly secret: string;
  readonly account: Account;
}

export interface AccessKeyDirectoryOptions {
  /** How long a found key is trusted without reading the store again (default 1 s). */
  readonly ttlMs?: number;
  /** A monotonic clock in milliseconds (default `performance.now`). */
  readonly clock?: () => number;
}

interface Remembered {
  readonly key: AccessKey;
  readonly until: number;
}

const DEFAULT_TTL_MS = 1_000;

export class AccessKeyDirectory {
  readonly #db: Kysely<Database>;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #known = new Map<string, Remembered>();

  constructor(db: Kysely<Database>, options: AccessKeyDirectoryOptions = {}) {
    this.#db = db;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#clock = options.clock ?? (() => performance.now());
  }

  /** The key, remembered or read from the store; undefined when the store does not have it. */
  async find(accessKeyId: string): Promise<AccessKey | undefined> {
    const remembered = this.#known.get(accessKeyId);
    if (remembered !== undefined && remembered.until > this.#clock()) return remembered.key;
    return this.reload(accessKeyId);
  }

  /** The key as the store has it now (remembered afresh, or forgotten when it is gone). */
  async reload(accessKeyId: string): Promise<AccessKey | undefined> {
    const row = await this.#db
      .selectFrom('access_keys')
      .innerJoin('accounts', 'accounts.id', 'access_keys.account_id')
      .select(['access_keys.access_key_secret', 'accounts.id', 'accounts.name'])
      .where('access_keys.access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    if (row === undefined) {
      this.#known.delete(accessKeyId);
      return undefined;
    }
    const key: AccessKey = { accessKeyId, secret: row.access_key_secret, account: { id: row.id, name: row.name } };
    // Unknown ids are never remembered, so only issued keys take room here.
    this.#known.set(accessKeyId, { key, until: this.#clock() + this.#ttlMs });
    return key;
  }
}

/**
 * AccessKey → account lookups for one cloud. Keys never change once issued
 * (a secret update goes through `putAccessKey` at start-up, before serving),
 * so found keys are remembered per cloud instance; unknown ids always hit the store.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../api/action.js';
import type { Database } from '../store/schema.js';

export interface AccessKey {
  readonly accessKeyId: string;
  readonly secret: string;
  readonly account: Account;
}

export class AccessKeyDirectory {
  readonly #db: Kysely<Database>;
  readonly #known = new Map<string, AccessKey>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async find(accessKeyId: string): Promise<AccessKey | undefined> {
    const cached = this.#known.get(accessKeyId);
    if (cached !== undefined) return cached;
    const row = await this.#db
      .selectFrom('access_keys')
      .innerJoin('accounts', 'accounts.id', 'access_keys.account_id')
      .select(['access_keys.access_key_secret', 'accounts.id', 'accounts.name'])
      .where('access_keys.access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const key: AccessKey = {
      accessKeyId,
      secret: row.access_key_secret,
      account: { id: row.id, name: row.name },
    };
    this.#known.set(accessKeyId, key);
    return key;
  }
}

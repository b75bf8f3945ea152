/**
 * First-start seeding, idempotent: the system account and public images, and
 * the default account (named `default`) with its AccessKey. Given credentials
 * are attached to the default account, so `serve --access-key-id …` always works.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { createAccount, putAccessKey, type AccountCredentials, type Credentials } from './accounts.js';
import { seedSystemImages } from './system-images.js';

export const DEFAULT_ACCOUNT_NAME = 'default';

export interface SeedOptions {
  readonly credentials?: Credentials;
  readonly now: number;
}

/** Seeds what is missing and returns the default account's credentials to print. */
export async function seedCloud(db: Kysely<Database>, options: SeedOptions): Promise<AccountCredentials> {
  await db.transaction().execute((trx) => seedSystemImages(trx, options.now));
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('name', '=', DEFAULT_ACCOUNT_NAME)
    .orderBy('created_at')
    .executeTakeFirst();
  if (account === undefined) {
    return createAccount(db, { name: DEFAULT_ACCOUNT_NAME, now: options.now, ...options.credentials });
  }
  if (options.credentials !== undefined) {
    await putAccessKey(db, account.id, options.credentials, options.now);
    return { accountId: account.id, ...options.credentials };
  }
  const key = await db
    .selectFrom('access_keys')
    .select(['access_key_id', 'access_key_secret'])
    .where('account_id', '=', account.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return { accountId: account.id, accessKeyId: key.access_key_id, accessKeySecret: key.access_key_secret };
}

/**
 * Accounts and their AccessKeys. A new account gets a numeric uid (as real
 * Alibaba Cloud accounts have), one AccessKey pair and its initial resource groups.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { createInitialResourceGroups } from '../api/resource-manager/resource-groups.js';

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

export interface AccountCredentials extends Credentials {
  readonly accountId: string;
}

export interface CreateAccountOptions {
  readonly name?: string;
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly now?: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  let text = '';
  for (const byte of randomBytes(length)) text += ALNUM[byte % ALNUM.length];
  return text;
}

/** `LTAI` + 20 characters, the shape of a real AccessKey id. */
export function newAccessKeyId(): string {
  return `LTAI${randomText(20)}`;
}

export function newAccessKeySecret(): string {
  return randomText(30);
}

function newAccountId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

/** Creates an account with one AccessKey and its resource groups, in one transaction. */
export async function createAccount(db: Kysely<Database>, options: CreateAccountOptions = {}): Promise<AccountCredentials> {
  const now = options.now ?? Date.now();
  const accountId = newAccountId();
  const accessKeyId = options.accessKeyId ?? newAccessKeyId();
  const accessKeySecret = options.accessKeySecret ?? newAccessKeySecret();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('accounts')
      .values({ id: accountId, name: options.name ?? `account-${accountId}`, created_at: now })
      .execute();
    await trx
      .insertInto('access_keys')
      .values({ access_key_id: accessKeyId, access_key_secret: accessKeySecret, account_id: accountId, created_at: now })
      .execute();
    await createInitialResourceGroups(trx, accountId, now);
  });
  return { accountId, accessKeyId, accessKeySecret };
}

/** Adds an AccessKey to an existing account, or updates the secret of a key it already owns. */
export async function putAccessKey(
  db: Kysely<Database>,
  accountId: string,
  credentials: Credentials,
  now: number = Date.now(),
): Promise<void> {
  await db
    .insertInto('access_keys')
    .values({
      access_key_id: credentials.accessKeyId,
      access_key_secret: credentials.accessKeySecret,
      account_id: accountId,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.column('access_key_id').doUpdateSet({ access_key_secret: credentials.accessKeySecret, account_id: accountId }),
    )
    .execute();
}

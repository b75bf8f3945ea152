/**
 * Takes the write lock of every account an operator change touches, in one
 * transaction, in a fixed order. A request writing to one of them holds the
 * same lock (`store/account-lock.ts`), so requests in flight finish before a
 * reset or a load goes on, and those arriving meanwhile wait and then see the
 * result, never half of it — on every replica sharing the store.
 */
import type { Kysely } from 'kysely';
import { SYSTEM_ACCOUNT_ID } from '../api/catalog/system-images.js';
import { lockAccount } from '../store/account-lock.js';
import type { Database } from '../store/schema.js';

/** The accounts of users (the system account only owns the public images). */
export async function lockUserAccounts(trx: Kysely<Database>, accountId?: string): Promise<string[]> {
  let query = trx.selectFrom('accounts').select('id').where('id', '!=', SYSTEM_ACCOUNT_ID).orderBy('id');
  if (accountId !== undefined) query = query.where('id', '=', accountId);
  const ids = (await query.execute()).map((row) => row.id);
  for (const id of ids) await lockAccount(trx, id);
  return ids;
}

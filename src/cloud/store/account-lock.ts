/**
 * Serializes the write transactions of one account across every process that
 * shares the store. A no-op UPDATE of the account's row takes its row lock on
 * PostgreSQL (held until commit) and SQLite's write lock up front, so each
 * check-then-write rule of an account (image quota, image/snapshot in use,
 * private IP allocation, CIDR overlap, tag limits) sees the writes committed
 * before it — as on a single SQLite — without a lock per rule. Portable SQL, so
 * it lives beside the store rather than in one adapter.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './schema.js';

export async function lockAccount(trx: Kysely<Database>, accountId: string): Promise<void> {
  await trx
    .updateTable('accounts')
    .set({ name: sql<string>`name` })
    .where('id', '=', accountId)
    .execute();
}

/**
 * Which tables make up the cloud's state, in an order where every row comes
 * after the rows it refers to, and which of their rows belong to users (the
 * system account and its public images are seeded by every cloud and never
 * saved, reset or replaced). Nonces, fault rules and the admin token are not
 * state of the cloud's world and stay as they are.
 */
import type { Kysely } from 'kysely';
import { SYSTEM_ACCOUNT_ID } from '../api/catalog/system-images.js';
import type { Database } from '../store/schema.js';

export const STATE_TABLES = [
  'accounts',
  'access_keys',
  'resource_groups',
  'vpcs',
  'vswitches',
  'security_groups',
  'security_group_rules',
  'key_pairs',
  'images',
  'image_disks',
  'image_shares',
  'disks',
  'snapshots',
  'instances',
  'instance_security_groups',
  'tags',
  'idempotency',
  'jobs',
] as const satisfies readonly (keyof Database)[];

export type StateTable = (typeof STATE_TABLES)[number];

/** Columns a saved job leaves out: the row id is the store's own, the lease a process's. */
export const UNSAVED_JOB_COLUMNS = ['id', 'lease_owner', 'lease_expires_at'] as const;

export type Row = Record<string, string | number | null>;

/** The user rows of a table (the query a save reads and a load replaces). */
export async function userRows(db: Kysely<Database>, table: StateTable): Promise<Row[]> {
  // Deliberately untyped: the same query serves every table, whatever columns later migrations add.
  const untyped = db as unknown as Kysely<Record<string, Row>>;
  switch (table) {
    case 'accounts':
      return untyped.selectFrom('accounts').selectAll().where('id', '!=', SYSTEM_ACCOUNT_ID).execute();
    case 'images':
      return untyped.selectFrom('images').selectAll().where('account_id', '!=', SYSTEM_ACCOUNT_ID).execute();
    case 'image_disks':
      return untyped
        .selectFrom('image_disks')
        .selectAll()
        .where('image_id', 'in', db.selectFrom('images').select('id').where('account_id', '!=', SYSTEM_ACCOUNT_ID))
        .execute();
    case 'jobs':
      return untyped.selectFrom('jobs').selectAll().where('state', '=', 'pending').orderBy('id').execute();
    default:
      return untyped.selectFrom(table).selectAll().execute();
  }
}

/** Removes every user row of every state table, children first. */
export async function deleteUserRows(trx: Kysely<Database>): Promise<void> {
  const userImages = trx.selectFrom('images').select('id').where('account_id', '!=', SYSTEM_ACCOUNT_ID);
  await trx.deleteFrom('image_disks').where('image_id', 'in', userImages).execute();
  for (const table of [...STATE_TABLES].reverse()) {
    if (table === 'image_disks') continue;
    const untyped = trx as unknown as Kysely<Record<string, Row>>;
    if (table === 'accounts') await untyped.deleteFrom('accounts').where('id', '!=', SYSTEM_ACCOUNT_ID).execute();
    else if (table === 'images') await untyped.deleteFrom('images').where('account_id', '!=', SYSTEM_ACCOUNT_ID).execute();
    else await untyped.deleteFrom(table).execute();
  }
}

/**
 * `GET /_ecs-image/state`: the whole cloud as one versioned JSON document —
 * accounts with their AccessKeys and resource groups, every resource, tags,
 * shares, ClientTokens and pending jobs — read in one transaction, so it is a
 * consistent picture even while requests keep writing.
 *
 *   {"format":"ecs-image-state","version":1,"savedAt":<epoch ms>,
 *    "tables":{"accounts":[{…row…}],"images":[…],…}}
 *
 * Rows are the store's own rows (column → value), so a column added by a later
 * migration travels without a new format; `savedAt` lets a load keep the time
 * left on whatever was in progress.
 */
import type { Store } from '../store/store.js';
import { STATE_TABLES, UNSAVED_JOB_COLUMNS, userRows, type Row, type StateTable } from './state-tables.js';

export const STATE_FORMAT = 'ecs-image-state';
export const STATE_VERSION = 1;

export interface StateDocument {
  readonly format: typeof STATE_FORMAT;
  readonly version: number;
  readonly savedAt: number;
  readonly tables: Readonly<Partial<Record<StateTable, readonly Row[]>>>;
}

export async function saveState(store: Store, now: number): Promise<StateDocument> {
  const transaction = store.db.transaction();
  // PostgreSQL: one snapshot for every table. SQLite: a read transaction is one snapshot already.
  const consistent = store.dialect === 'postgres' ? transaction.setIsolationLevel('repeatable read') : transaction;
  const tables = await consistent.execute(async (trx) => {
    const read: Partial<Record<StateTable, Row[]>> = {};
    for (const table of STATE_TABLES) {
      const rows = await userRows(trx, table);
      read[table] = table === 'jobs' ? rows.map(withoutProcessColumns) : rows;
    }
    return read;
  });
  return { format: STATE_FORMAT, version: STATE_VERSION, savedAt: now, tables };
}

function withoutProcessColumns(row: Row): Row {
  const copy = { ...row };
  for (const column of UNSAVED_JOB_COLUMNS) delete copy[column];
  return copy;
}

/** The caller's snapshots; another account's snapshot is answered as missing. */
import type { Kysely, Selectable } from 'kysely';
import { EcsError } from '../../http/errors.js';
import type { Scope } from './scope.js';
import type { Database, SnapshotTable } from '../../store/schema.js';

export type SnapshotRow = Selectable<SnapshotTable>;

export async function findOwnSnapshot(
  db: Kysely<Database>,
  scope: Scope,
  snapshotId: string,
): Promise<SnapshotRow | undefined> {
  return db
    .selectFrom('snapshots')
    .selectAll()
    .where('id', '=', snapshotId)
    .where('account_id', '=', scope.accountId)
    .$if(scope.regionId !== undefined, (query) => query.where('region_id', '=', scope.regionId ?? ''))
    .executeTakeFirst();
}

export async function requireOwnSnapshot(
  db: Kysely<Database>,
  scope: Scope,
  snapshotId: string,
): Promise<SnapshotRow> {
  const snapshot = await findOwnSnapshot(db, scope, snapshotId);
  if (snapshot === undefined) throw new EcsError('InvalidSnapshotId.NotFound');
  return snapshot;
}

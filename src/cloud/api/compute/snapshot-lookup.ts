/** The caller's snapshots (another account's is answered as missing), and whether a disk has one in progress. */
import type { Kysely, Selectable } from 'kysely';
import { findOwned, requireOwned, type Scope } from '../lookup.js';
import type { Database, SnapshotTable } from '../../store/schema.js';

export type SnapshotRow = Selectable<SnapshotTable>;

export function findOwnSnapshot(db: Kysely<Database>, scope: Scope, snapshotId: string): Promise<SnapshotRow | undefined> {
  return findOwned(db.selectFrom('snapshots'), scope, snapshotId);
}

export function requireOwnSnapshot(db: Kysely<Database>, scope: Scope, snapshotId: string): Promise<SnapshotRow> {
  return requireOwned(db.selectFrom('snapshots'), scope, snapshotId, 'InvalidSnapshotId.NotFound');
}

/** A snapshot of the disk is still being taken: the disk may be neither snapshotted again nor deleted. */
export async function isSnapshotInProgress(db: Kysely<Database>, diskId: string): Promise<boolean> {
  const row = await db
    .selectFrom('snapshots')
    .select('id')
    .where('source_disk_id', '=', diskId)
    .where('status', '=', 'progressing')
    .executeTakeFirst();
  return row !== undefined;
}

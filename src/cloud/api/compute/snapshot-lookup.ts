/** The caller's snapshots; another account's snapshot is answered as missing. */
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

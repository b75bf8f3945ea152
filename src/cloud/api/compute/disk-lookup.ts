/** The caller's disks; another account's disk is answered as missing. */
import type { Kysely, Selectable } from 'kysely';
import { requireOwned, type Scope } from '../lookup.js';
import type { Database, DiskTable } from '../../store/schema.js';

export type DiskRow = Selectable<DiskTable>;

export function requireOwnDisk(db: Kysely<Database>, scope: Scope, diskId: string): Promise<DiskRow> {
  return requireOwned(db.selectFrom('disks'), scope, diskId, 'InvalidDiskId.NotFound');
}

/** Disks attached to one instance, system disk first, then data disks by device. */
export async function disksOfInstance(db: Kysely<Database>, instanceId: string): Promise<DiskRow[]> {
  const rows = await db.selectFrom('disks').selectAll().where('instance_id', '=', instanceId).execute();
  return rows.sort((a, b) => (a.type === b.type ? a.device.localeCompare(b.device) : a.type === 'system' ? -1 : 1));
}

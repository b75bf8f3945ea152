/** The caller's disks; another account's disk is answered as missing. */
import type { Kysely, Selectable } from 'kysely';
import { EcsError } from '../../http/errors.js';
import type { Scope } from './scope.js';
import type { Database, DiskTable } from '../../store/schema.js';

export type DiskRow = Selectable<DiskTable>;

export async function requireOwnDisk(
  db: Kysely<Database>,
  scope: Scope,
  diskId: string,
): Promise<DiskRow> {
  const disk = await db
    .selectFrom('disks')
    .selectAll()
    .where('id', '=', diskId)
    .where('account_id', '=', scope.accountId)
    .$if(scope.regionId !== undefined, (query) => query.where('region_id', '=', scope.regionId ?? ''))
    .executeTakeFirst();
  if (disk === undefined) throw new EcsError('InvalidDiskId.NotFound');
  return disk;
}

/** Disks attached to one instance, system disk first, then data disks by device. */
export async function disksOfInstance(db: Kysely<Database>, instanceId: string): Promise<DiskRow[]> {
  const rows = await db.selectFrom('disks').selectAll().where('instance_id', '=', instanceId).execute();
  return rows.sort((a, b) => (a.type === b.type ? a.device.localeCompare(b.device) : a.type === 'system' ? -1 : 1));
}

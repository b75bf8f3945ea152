/** The caller's instances; another account's instance is answered as missing. */
import type { Kysely, Selectable } from 'kysely';
import { requireOwned, type Scope } from '../lookup.js';
import type { Database, InstanceTable } from '../../store/schema.js';

export type InstanceRow = Selectable<InstanceTable>;

export function requireOwnInstance(db: Kysely<Database>, scope: Scope, instanceId: string): Promise<InstanceRow> {
  return requireOwned(db.selectFrom('instances'), scope, instanceId, 'InvalidInstanceId.NotFound');
}

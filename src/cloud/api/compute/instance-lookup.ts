/** The caller's instances; another account's instance is answered as missing. */
import type { Kysely, Selectable } from 'kysely';
import { EcsError } from '../../http/errors.js';
import type { Scope } from './scope.js';
import type { Database, InstanceTable } from '../../store/schema.js';

export type InstanceRow = Selectable<InstanceTable>;

export async function requireOwnInstance(
  db: Kysely<Database>,
  scope: Scope,
  instanceId: string,
): Promise<InstanceRow> {
  const instance = await db
    .selectFrom('instances')
    .selectAll()
    .where('id', '=', instanceId)
    .where('account_id', '=', scope.accountId)
    .$if(scope.regionId !== undefined, (query) => query.where('region_id', '=', scope.regionId ?? ''))
    .executeTakeFirst();
  if (instance === undefined) throw new EcsError('InvalidInstanceId.NotFound');
  return instance;
}

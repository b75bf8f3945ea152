/**
 * Rows a caller addresses by id. Another account's row is answered exactly
 * like a missing one, with the action's own NotFound code: ECS never tells a
 * caller that someone else's resource exists.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { EcsError, type ErrorCode } from './errors.js';
import type { Database } from '../store/schema.js';
import type { ActionContext } from './action.js';

/** Which rows a request may address by id. */
export interface Scope {
  readonly accountId: string;
  /** Restrict to this region; undefined means any region of the account. */
  readonly regionId: string | undefined;
}

/** The caller's rows in the request's region: where listing and creating always happen. */
export function regionScope(ctx: ActionContext): Scope & { readonly regionId: string } {
  return { accountId: ctx.account.id, regionId: ctx.regionId };
}

/** Tables of account-owned rows, each with `id`, `account_id` and `region_id`. */
export type OwnedTable = 'vpcs' | 'vswitches' | 'security_groups' | 'disks' | 'instances' | 'snapshots';

// Callers pass `db.selectFrom(table)`: kysely types a generic table name as a
// union of builders, and cannot type a column of a generic table either (hence
// `sql.ref`; every owned table has these three string columns). Return types
// are inferred: kysely resolves them to the concrete table's row.
export async function findOwned<T extends OwnedTable>(from: SelectQueryBuilder<Database, T, object>, scope: Scope, id: string) {
  return from
    .selectAll()
    .where(sql.ref<string>('id'), '=', id)
    .where(sql.ref<string>('account_id'), '=', scope.accountId)
    .$if(scope.regionId !== undefined, (query) => query.where(sql.ref<string>('region_id'), '=', scope.regionId ?? ''))
    .executeTakeFirst();
}

/** The row, or `EcsError(notFoundCode)`. */
export async function requireOwned<T extends OwnedTable>(
  from: SelectQueryBuilder<Database, T, object>,
  scope: Scope,
  id: string,
  notFoundCode: ErrorCode,
) {
  const row = await findOwned(from, scope, id);
  if (row === undefined) throw new EcsError(notFoundCode);
  return row;
}

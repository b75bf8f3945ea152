/**
 * Request filters the Describe actions share: a capped JSON-array id list,
 * and parameters that each match one column exactly.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { EcsError, type ErrorCode } from './errors.js';
import type { Params } from './params.js';
import type { Database } from '../store/schema.js';
import type { ListedTable } from './page-query.js';

/**
 * `name` as a JSON array of ids (`["d-1","d-2"]`). More than `max` ids is
 * `tooManyCode` where the action has one (DescribeDisks, DescribeSnapshots),
 * else `InvalidParameter` naming the parameter.
 */
export function readIdList(params: Params, name: string, max: number, tooManyCode?: ErrorCode): string[] | undefined {
  const ids = params.jsonArray(name);
  if (ids !== undefined && ids.length > max) throw EcsError.invalidParameter(name, tooManyCode);
  return ids;
}

/** `name` as comma-separated ids (`vsw-1, vsw-2`, the VPC product's style), blanks dropped. */
export function readCommaIds(params: Params, name: string): string[] {
  return (params.string(name) ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
}

/** `[parameter, column]` pairs: a given parameter keeps the rows whose column equals it. */
export type EqualityFilters<T extends ListedTable> = ReadonlyArray<readonly [param: string, column: keyof Database[T] & string]>;

// `sql.ref`: kysely cannot type a column of a generic table; the pairs' type
// checks each column against the concrete table at the call site.
export function whereParamsEqual<T extends ListedTable>(
  query: SelectQueryBuilder<Database, T, object>,
  params: Params,
  filters: EqualityFilters<T>,
): SelectQueryBuilder<Database, T, object> {
  let filtered = query;
  for (const [param, column] of filters) {
    const value = params.string(param);
    if (value !== undefined) filtered = filtered.where(sql.ref<string>(column), '=', value);
  }
  return filtered;
}

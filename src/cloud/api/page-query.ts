/**
 * One page of a filtered listing, newest first (ties by id, so pages never
 * overlap), with the count of all matching rows: the order every Describe
 * action of the compute and network areas answers in.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Page } from './paging.js';

/** Tables listed newest first; each has `creation_time` and `id`. */
export type ListedTable = 'disks' | 'snapshots' | 'instances' | 'vpcs' | 'vswitches' | 'security_groups';

// The return type is inferred: for a concrete table kysely resolves it to that
// table's rows, which it cannot prove of `Selectable<Database[T]>` in general.
export async function newestFirst<T extends ListedTable>(
  query: SelectQueryBuilder<Database, T, object>,
  page: Page,
) {
  const count = await query.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('creation_time', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(count.count), rows };
}

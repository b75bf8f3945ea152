/** ListResourceGroups: the caller's groups, filtered, in creation order, paged by number. */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { resourceGroupView, tagsOfGroups } from './resource-group-view.js';

const STATUSES = ['Creating', 'OK', 'PendingDelete'];

export async function listResourceGroups(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const pageNumber = params.integer('PageNumber', { min: 1 }) ?? 1;
  const pageSize = params.integer('PageSize', { min: 1, max: 100 }) ?? 10;
  const status = params.string('Status');
  if (status !== undefined && !STATUSES.includes(status)) throw EcsError.invalidParameter('Status');
  const ids = [...params.list('ResourceGroupIds'), ...(params.string('ResourceGroupId') ? [params.requiredString('ResourceGroupId')] : [])];
  const name = params.string('Name') ?? params.string('ResourceGroupName');
  const displayName = params.string('DisplayName');
  const includeTags = params.boolean('IncludeTags') ?? false;
  const tagFilters = params.objectList('Tag').filter((tag) => tag.Key !== undefined && tag.Key !== '');

  let query = ctx.db.selectFrom('resource_groups').where('account_id', '=', ctx.account.id);
  if (ids.length > 0) query = query.where('id', 'in', ids);
  if (name !== undefined) query = query.where('name', '=', name);
  if (displayName !== undefined) query = query.where('display_name', '=', displayName);
  if (status !== undefined) query = query.where('status', '=', status);
  for (const tag of tagFilters) {
    query = query.where('id', 'in', (eb) => {
      let tagged = eb.selectFrom('tags').select('resource_id').where('account_id', '=', ctx.account.id).where('tag_key', '=', tag.Key ?? '');
      if (tag.Value !== undefined && tag.Value !== '') tagged = tagged.where('tag_value', '=', tag.Value);
      return tagged;
    });
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('created_at')
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .limit(pageSize)
    .offset((pageNumber - 1) * pageSize)
    .execute();
  const tags = includeTags ? await tagsOfGroups(ctx.db, ctx.account.id, rows.map((row) => row.id)) : undefined;
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: Number(total.count),
    ResourceGroups: { ResourceGroup: rows.map((row) => resourceGroupView(row, includeTags ? (tags?.get(row.id) ?? []) : undefined)) },
  };
}

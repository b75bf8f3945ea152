/** GetResourceGroup: one of the caller's groups; another account's is as unknown as a missing one. */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { findResourceGroup } from './resource-groups.js';
import { resourceGroupView, tagsOfGroups } from './resource-group-view.js';

export async function getResourceGroup(ctx: ActionContext): Promise<ActionResult> {
  const id = ctx.params.requiredString('ResourceGroupId');
  const includeTags = ctx.params.boolean('IncludeTags') ?? false;
  const row = await findResourceGroup(ctx.db, ctx.account.id, id);
  if (row === undefined) throw new EcsError('EntityNotExist.ResourceGroup');
  const tags = includeTags ? ((await tagsOfGroups(ctx.db, ctx.account.id, [id])).get(id) ?? []) : undefined;
  return { ResourceGroup: resourceGroupView(row, tags) };
}

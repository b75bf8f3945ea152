/**
 * Which rows a request may address by id. Start/Stop/DeleteInstance,
 * Attach/Detach/DeleteDisk and DeleteSnapshot carry no `RegionId` in the SDK
 * models (the region comes from the endpoint, and this cloud has one shared
 * endpoint), so an id is looked up across the caller's regions unless the
 * request names a region.
 */
import type { ActionContext } from '../action.js';
import { regionScope, type Scope } from '../lookup.js';

export { regionScope, type Scope };

export function idScope(ctx: ActionContext): Scope {
  return { accountId: ctx.account.id, regionId: ctx.params.string('RegionId') === undefined ? undefined : ctx.regionId };
}

/**
 * Which rows a request may address by id. Start/Stop/DeleteInstance,
 * Attach/Detach/DeleteDisk and DeleteSnapshot carry no `RegionId` in the SDK
 * models (the region comes from the endpoint, and this cloud has one shared
 * endpoint), so an id is looked up across the caller's regions unless the
 * request names a region.
 */
import type { ActionContext } from '../action.js';

export interface Scope {
  readonly accountId: string;
  /** Restrict to this region; undefined means any region of the account. */
  readonly regionId: string | undefined;
}

export function idScope(ctx: ActionContext): Scope {
  return { accountId: ctx.account.id, regionId: ctx.params.string('RegionId') === undefined ? undefined : ctx.regionId };
}

/** Listing and creating always happen in the request's region. */
export function regionScope(ctx: ActionContext): Scope & { readonly regionId: string } {
  return { accountId: ctx.account.id, regionId: ctx.regionId };
}

/**
 * Step 5b: Apsara Stack scoping (the tenant model and its errors: `api/apsara/tenant.ts`).
 * A public-ECS request passes through untouched; an Apsara request is checked, its
 * parameters scoped to the tenant's resource set, and an action addressing one of the
 * account's resources outside the set is refused. Every check runs before the handler, so
 * a rejected request touches nothing.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../api/action.js';
import { checkAddressedResources } from '../api/apsara/addressed-resources.js';
import { isApsaraRequest, resolveApsaraTenant, scopedParams, type ApsaraTenant, type TenantCarriers } from '../api/apsara/tenant.js';
import { Params } from '../api/params.js';
import type { Database } from '../store/schema.js';
import type { ParsedRequest } from './parse-request.js';
import { headerValue } from './raw-request.js';
import { actionParams } from './system-params.js';

export interface ScopeContext {
  readonly account: Account;
  /** The request's region, as step 5 resolved it. */
  readonly regionId: string;
  readonly db: Kysely<Database>;
}

export interface ScopedRequest {
  /** The handler's parameters: the action parameters, scoped for an Apsara request. */
  readonly params: Params;
  /** The tenant of an Apsara request; undefined for a public-ECS one. */
  readonly tenant: ApsaraTenant | undefined;
}

export async function applyApsaraScope(request: ParsedRequest, action: string, ctx: ScopeContext): Promise<ScopedRequest> {
  const carriers: TenantCarriers = { params: request.params, header: (name) => headerValue(request.headers, name) };
  // A public-ECS request (nearly all of them): nothing to check, no store reads to wait for.
  if (!isApsaraRequest(carriers)) return { params: new Params(actionParams(request.params)), tenant: undefined };
  const tenant = await resolveApsaraTenant(carriers, ctx.account, ctx.db);
  const params = new Params(scopedParams(actionParams(request.params), tenant));
  await checkAddressedResources(ctx.db, action, params, { accountId: ctx.account.id, regionId: ctx.regionId }, tenant);
  return { params, tenant };
}

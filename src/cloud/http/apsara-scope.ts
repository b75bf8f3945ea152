/**
 * Step 5b: Apsara Stack scoping. The `alibabacloudstack` provider sends its tenant on every
 * call (alibabacloudstack.md §3.1, §3.3): the query parameters `Department`,
 * `OrganizationId` and `ResourceGroup`, and the headers `x-acs-organizationid`,
 * `x-acs-resourcegroupid`, `x-acs-regionid` (plus product headers, which are ignored like any
 * unknown header). A request carrying none of them is a public-ECS request and passes
 * through untouched; one carrying any of them is an Apsara request and must be complete and
 * consistent.
 *
 * How the local cloud models the tenant (real Apsara Stack scoping rules are not visible in
 * the provider, §3.3 UNCERTAIN, so this is our own minimal, documented choice):
 * - **Organization (department)** = the account: its id is the account's numeric uid.
 * - **Resource set** = one of the account's resource groups, named by its ResourceGroupId
 *   (`rg-…`) instead of Apsara's numeric resource-set id. The account's *default* group is
 *   not a resource set: ECS's Describe calls cannot filter by the default group (they find
 *   nothing), so scoping to it could never show anything.
 * - Scoping = the request gets `ResourceGroupId=<resource set>` when it names none, so
 *   creates land in the resource set and Describe calls list only its resources (an id from
 *   another set or another account: an empty list, HTTP 200). Actions that address one
 *   image or tagged resource by id answer NotFound for a resource outside the set
 *   (`apsara-visibility.ts`).
 *
 * Errors (Apsara Stack's own codes are not documented; the closest ECS codes):
 * - a scoping parameter missing or empty → `MissingParameter` (400) naming it;
 * - the carriers disagree (Department vs OrganizationId, query vs header, `x-acs-regionid`
 *   vs `RegionId`) → `InvalidParameter` (400) naming the disagreeing one;
 * - an organization other than the caller's → `Forbidden` (403);
 * - a resource set the organization does not have (or its default group) →
 *   `InvalidResourceGroup.NotFound` (404);
 * - a `ResourceGroupId` in the request other than the resource set → `Forbidden` (403).
 * Every check runs before the handler, so a rejected request touches nothing.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../api/action.js';
import { findResourceGroup } from '../api/resource-manager/resource-groups.js';
import type { Database } from '../store/schema.js';
import { checkApsaraVisibility } from './apsara-visibility.js';
import { EcsError } from '../api/errors.js';
import { Params } from '../api/params.js';
import type { ParsedRequest } from './parse-request.js';
import { actionParams } from './system-params.js';

/** The tenant an Apsara request is scoped to. */
export interface ApsaraTenant {
  readonly organizationId: string;
  readonly resourceGroupId: string;
}

const SCOPE_PARAMS = ['Department', 'OrganizationId', 'ResourceGroup'] as const;
const SCOPE_HEADERS = ['x-acs-organizationid', 'x-acs-resourcegroupid'] as const;

export interface ScopeContext {
  readonly account: Account;
  /** The request's region, as step 5 resolved it. */
  readonly regionId: string;
  readonly db: Kysely<Database>;
}

/**
 * The handler's parameters: the action parameters, scoped when the request is an Apsara
 * request. Throws the ECS error for missing, inconsistent or foreign scoping.
 */
export async function applyApsaraScope(request: ParsedRequest, action: string, ctx: ScopeContext): Promise<Params> {
  // A public-ECS request (nearly all of them): nothing to check, no store reads to wait for.
  if (!isApsaraRequest(request)) return new Params(actionParams(request.params));
  const tenant = await resolveApsaraTenant(request, ctx.account, ctx.db);
  const params = new Params(scopedParams(actionParams(request.params), tenant));
  await checkApsaraVisibility(ctx.db, action, params, { accountId: ctx.account.id, regionId: ctx.regionId }, tenant);
  return params;
}

/** Whether the request carries any Apsara Stack scoping (and must therefore be complete). */
export function isApsaraRequest(request: ParsedRequest): boolean {
  return SCOPE_PARAMS.some((name) => request.params.has(name)) || SCOPE_HEADERS.some((name) => header(request, name) !== undefined);
}

/**
 * Checks an Apsara request's scoping against the caller's account and returns the tenant,
 * or `undefined` for a public-ECS request. Throws the ECS error for any problem.
 */
export async function resolveApsaraTenant(
  request: ParsedRequest,
  account: Account,
  db: Kysely<Database>,
): Promise<ApsaraTenant | undefined> {
  if (!isApsaraRequest(request)) return undefined;
  const department = required(request, 'Department');
  const resourceGroup = required(request, 'ResourceGroup');
  agree(department, request.params.get('OrganizationId'), 'OrganizationId');
  agree(department, header(request, 'x-acs-organizationid'), 'x-acs-organizationid');
  agree(resourceGroup, header(request, 'x-acs-resourcegroupid'), 'x-acs-resourcegroupid');
  const regionId = request.params.get('RegionId');
  if (regionId) {
    agree(regionId, header(request, 'x-acs-regionid'), 'x-acs-regionid');
    agree(regionId, header(request, 'regionid'), 'RegionId');
  }

  if (department !== account.id) throw new EcsError('Forbidden');
  const group = await findResourceGroup(db, account.id, resourceGroup);
  if (group === undefined || group.is_default === 1) throw new EcsError('InvalidResourceGroup.NotFound');
  return { organizationId: account.id, resourceGroupId: group.id };
}

/**
 * The action parameters as the handler sees them: `ResourceGroupId` set to the tenant's
 * resource set when the request names none.
 */
export function scopedParams(params: ReadonlyMap<string, string>, tenant: ApsaraTenant | undefined): ReadonlyMap<string, string> {
  if (tenant === undefined) return params;
  const given = params.get('ResourceGroupId');
  if (given !== undefined && given !== '' && given !== tenant.resourceGroupId) throw new EcsError('Forbidden');
  return new Map([...params, ['ResourceGroupId', tenant.resourceGroupId]]);
}

function required(request: ParsedRequest, name: string): string {
  const value = request.params.get(name)?.trim();
  if (value === undefined || value === '') throw EcsError.missingParameter(name);
  return value;
}

/** An optional second carrier must repeat the first one's value. */
function agree(expected: string, other: string | undefined, name: string): void {
  if (other === undefined) return;
  if (other.trim() !== expected) throw EcsError.invalidParameter(name);
}

function header(request: ParsedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
}

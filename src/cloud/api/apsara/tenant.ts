/**
 * Apsara Stack tenants. The `alibabacloudstack` provider sends its tenant on every call
 * (alibabacloudstack.md §3.1, §3.3): the query parameters `Department`, `OrganizationId` and
 * `ResourceGroup`, and the headers `x-acs-organizationid`, `x-acs-resourcegroupid`,
 * `x-acs-regionid` (plus product headers, which are ignored like any unknown header). A
 * request carrying none of them is a public-ECS request; one carrying any of them is an
 * Apsara request and must be complete and consistent.
 *
 * How the local cloud models the tenant (real Apsara Stack scoping rules are not visible in
 * the provider, §3.3 UNCERTAIN, so this is our own minimal, documented choice):
 * - **Organization (department)** = the account: its id is the account's numeric uid.
 * - **Resource set** = one of the account's resource groups, named by its ResourceGroupId
 *   (`rg-…`) instead of Apsara's numeric resource-set id. The account's *default* group is
 *   not a resource set: ECS's Describe calls cannot filter by the default group (they find
 *   nothing), so scoping to it could never show anything.
 * - Scoping confines the tenant's *own* resources: the request gets
 *   `ResourceGroupId=<resource set>` when it names none, so creates land in the resource set
 *   and Describe calls list only the set's resources of the account (an id from another set
 *   or another account: an empty list, HTTP 200). What the account does not own stays as
 *   visible as without scoping: public (system) and marketplace images, images shared with
 *   the account, and the catalog (regions, zones, instance types). Actions that address one
 *   of the account's resources by id answer NotFound for one outside the set
 *   (`addressed-resources.ts`).
 *
 * Errors (Apsara Stack's own codes are not documented; the closest ECS codes):
 * - a scoping parameter missing or empty → `MissingParameter` (400) naming it;
 * - the carriers disagree (Department vs OrganizationId, query vs header, `x-acs-regionid`
 *   vs `RegionId`) → `InvalidParameter` (400) naming the disagreeing one;
 * - an organization other than the caller's → `Forbidden` (403);
 * - a resource set the organization does not have (or its default group) →
 *   `InvalidResourceGroup.NotFound` (404);
 * - a `ResourceGroupId` in the request other than the resource set → `Forbidden` (403).
 */
import type { Kysely } from 'kysely';
import type { Account } from '../action.js';
import { EcsError } from '../errors.js';
import { findResourceGroup } from '../resource-manager/resource-groups.js';
import type { Database } from '../../store/schema.js';

/** The tenant an Apsara request is scoped to. */
export interface ApsaraTenant {
  readonly organizationId: string;
  /** The resource set: a resource group of the account, never its default one. */
  readonly resourceGroupId: string;
}

/** Where a request carries its tenant: its parameters (query and form) and its headers. */
export interface TenantCarriers {
  readonly params: ReadonlyMap<string, string>;
  /** A header's value by lowercase name; the first one when repeated. */
  header(name: string): string | undefined;
}

const SCOPE_PARAMS = ['Department', 'OrganizationId', 'ResourceGroup'] as const;
const SCOPE_HEADERS = ['x-acs-organizationid', 'x-acs-resourcegroupid'] as const;

/** Whether the request carries any Apsara Stack scoping (and must therefore be complete). */
export function isApsaraRequest(carriers: TenantCarriers): boolean {
  return SCOPE_PARAMS.some((name) => carriers.params.has(name)) || SCOPE_HEADERS.some((name) => carriers.header(name) !== undefined);
}

/**
 * Checks an Apsara request's scoping against the caller's account and returns the tenant,
 * or `undefined` for a public-ECS request. Throws the ECS error for any problem.
 */
export async function resolveApsaraTenant(
  carriers: TenantCarriers,
  account: Account,
  db: Kysely<Database>,
): Promise<ApsaraTenant | undefined> {
  if (!isApsaraRequest(carriers)) return undefined;
  const department = required(carriers, 'Department');
  const resourceGroup = required(carriers, 'ResourceGroup');
  agree(department, carriers.params.get('OrganizationId'), 'OrganizationId');
  agree(department, carriers.header('x-acs-organizationid'), 'x-acs-organizationid');
  agree(resourceGroup, carriers.header('x-acs-resourcegroupid'), 'x-acs-resourcegroupid');
  const regionId = carriers.params.get('RegionId');
  if (regionId) {
    agree(regionId, carriers.header('x-acs-regionid'), 'x-acs-regionid');
    agree(regionId, carriers.header('regionid'), 'RegionId');
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

function required(carriers: TenantCarriers, name: string): string {
  const value = carriers.params.get(name)?.trim();
  if (value === undefined || value === '') throw EcsError.missingParameter(name);
  return value;
}

/** An optional second carrier must repeat the first one's value. */
function agree(expected: string, other: string | undefined, name: string): void {
  if (other === undefined) return;
  if (other.trim() !== expected) throw EcsError.invalidParameter(name);
}

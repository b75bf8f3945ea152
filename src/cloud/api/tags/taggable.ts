/**
 * Which `ResourceType` values the tag and resource-group actions accept, and
 * where each resource lives. ECS accepts a long list of types; the ones this
 * cloud has no table for are valid names whose ids can never be found
 * (`InvalidResourceId.NotFound`), as for an empty account in the real cloud.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { TaggableResourceType } from './tag-store.js';

/** The tables holding a taggable resource: every one has id, account_id, region_id, resource_group_id. */
type ResourceTable = 'instances' | 'disks' | 'snapshots' | 'images' | 'security_groups' | 'vpcs' | 'vswitches' | 'key_pairs';

const TABLE_OF: Readonly<Record<TaggableResourceType, ResourceTable>> = {
  instance: 'instances',
  disk: 'disks',
  snapshot: 'snapshots',
  image: 'images',
  securitygroup: 'security_groups',
  vpc: 'vpcs',
  vswitch: 'vswitches',
  keypair: 'key_pairs',
};

/**
 * What a caller's `ResourceId` names: the id, except for key pairs, which every
 * ECS action (and the provider's tag and resource-group calls) addresses by
 * name. Their tags are still filed under the `ssh-` id, because a name is
 * unique only within one account and region.
 */
const ADDRESS_COLUMN_OF: Partial<Record<TaggableResourceType, 'key_pair_name'>> = { keypair: 'key_pair_name' };

/** ECS TagResources / UntagResources / ListTagResources `ResourceType` enum (lowercase, as ECS spells it). */
export const ECS_TAG_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'instance', 'disk', 'snapshot', 'image', 'securitygroup', 'volume', 'eni', 'ddh', 'ddhcluster', 'keypair',
  'launchtemplate', 'reservedinstance', 'snapshotpolicy', 'elasticityassurance', 'capacityreservation', 'command',
  'invocation', 'activation', 'managedinstance',
]);

/** ECS JoinResourceGroup `ResourceType` enum. */
export const ECS_RESOURCE_GROUP_TYPES: ReadonlySet<string> = new Set([
  'instance', 'disk', 'snapshot', 'image', 'securitygroup', 'ddh', 'ddhcluster', 'eni', 'keypair', 'launchtemplate',
  'command', 'activation', 'managedinstance',
]);

/** VPC product tag `ResourceType` values (uppercase on the wire) → stored type. */
export const VPC_TAG_RESOURCE_TYPES: Readonly<Record<string, TaggableResourceType>> = {
  VPC: 'vpc',
  VSWITCH: 'vswitch',
};

/** The stored type for an ECS `ResourceType` this cloud keeps rows for, or undefined. */
export function storedEcsType(resourceType: string): TaggableResourceType | undefined {
  const lower = resourceType.toLowerCase();
  return lower in TABLE_OF && lower !== 'vpc' && lower !== 'vswitch' ? (lower as TaggableResourceType) : undefined;
}

export interface OwnedResource {
  /** The stored id (what tag rows are filed under). */
  readonly id: string;
  readonly resourceGroupId: string;
}

/**
 * The caller's resources of one type among `ids` (as callers address them:
 * see ADDRESS_COLUMN_OF), in the request's region, keyed by that address.
 * Others' resources (and public images, owned by the system account) are
 * absent, so callers answer NotFound as for a missing id.
 */
export async function findOwnedResources(
  db: Kysely<Database>,
  scope: { readonly accountId: string; readonly regionId: string },
  resourceType: TaggableResourceType,
  ids: readonly string[],
): Promise<Map<string, OwnedResource>> {
  const found = new Map<string, OwnedResource>();
  if (ids.length === 0) return found;
  const address = ADDRESS_COLUMN_OF[resourceType] ?? 'id';
  // Every table in TABLE_OF has these four columns; Kysely cannot type a
  // union of table names, so the query is typed as one of them.
  const rows = await db
    .selectFrom(TABLE_OF[resourceType] as 'images')
    .select(['id', 'resource_group_id', sql.ref<string>(address).as('address')])
    .where('account_id', '=', scope.accountId)
    .where('region_id', '=', scope.regionId)
    .where(sql.ref<string>(address), 'in', [...new Set(ids)])
    .execute();
  for (const row of rows) found.set(row.address, { id: row.id, resourceGroupId: row.resource_group_id });
  return found;
}

/** Stored id → the address callers use for it (the same string, except for key pairs). */
export async function addressesOf(
  db: Kysely<Database>,
  resourceType: TaggableResourceType,
  storedIds: readonly string[],
): Promise<Map<string, string>> {
  const address = ADDRESS_COLUMN_OF[resourceType];
  if (address === undefined || storedIds.length === 0) return new Map(storedIds.map((id) => [id, id]));
  const rows = await db.selectFrom('key_pairs').select(['id', address]).where('id', 'in', [...new Set(storedIds)]).execute();
  return new Map(rows.map((row) => [row.id, row[address]]));
}

/** A subquery of the ids of the caller's resources of one type in a region. */
export function ownedIdsQuery(
  db: Kysely<Database>,
  scope: { readonly accountId: string; readonly regionId: string },
  resourceType: TaggableResourceType,
): SelectQueryBuilder<Database, 'images', { id: string }> {
  // Typed as `images`, like findOwnedResources: the columns used are common to all.
  return db
    .selectFrom(TABLE_OF[resourceType] as 'images')
    .select('id')
    .where('account_id', '=', scope.accountId)
    .where('region_id', '=', scope.regionId);
}

/** Moves one resource (already checked to be the caller's) into another group. */
export async function moveToResourceGroup(
  db: Kysely<Database>,
  resourceType: TaggableResourceType,
  id: string,
  resourceGroupId: string,
): Promise<void> {
  await db
    .updateTable(TABLE_OF[resourceType] as 'images')
    .set({ resource_group_id: resourceGroupId })
    .where('id', '=', id)
    .execute();
}

/**
 * Apsara Stack scoping for actions that address existing resources by id (see
 * `tenant.ts` for the model). Describe calls are scoped by the `ResourceGroupId`
 * filter; the actions below ignore that parameter, so a resource of the caller's account
 * that lies outside the request's resource set is answered as the handler would answer a
 * missing one: the resource set cannot see it, so it cannot change or delete it either.
 * Ids the account does not own are left to the handler (it answers NotFound itself).
 */
import type { Kysely } from 'kysely';
import { findOwnedResources, storedEcsType } from '../tags/taggable.js';
import type { TaggableResourceType } from '../tags/tag-store.js';
import type { Database } from '../../store/schema.js';
import type { ApsaraTenant } from './tenant.js';
import { EcsError, type ErrorCode } from '../errors.js';
import type { Params } from '../params.js';

interface AddressedResources {
  readonly type: TaggableResourceType;
  readonly ids: readonly string[];
  /** What the handler answers for an id that does not exist. */
  readonly notFound: ErrorCode;
}

type Addressing = (params: Params) => AddressedResources | undefined;

const byImageId: Addressing = (params) => {
  const id = params.string('ImageId');
  return id === undefined ? undefined : { type: 'image', ids: [id], notFound: 'InvalidImageId.NotFound' };
};

const byTaggedIds: Addressing = (params) => {
  const type = storedEcsType(params.string('ResourceType') ?? '');
  return type === undefined ? undefined : { type, ids: params.list('ResourceId'), notFound: 'InvalidResourceId.NotFound' };
};

/** ECS actions (2014-05-26) that act on existing resources named by id. */
const ADDRESSING: Readonly<Record<string, Addressing>> = {
  ModifyImageAttribute: byImageId,
  DeleteImage: byImageId,
  CopyImage: byImageId,
  ModifyImageSharePermission: byImageId,
  DescribeImageSharePermission: byImageId,
  TagResources: byTaggedIds,
  UntagResources: byTaggedIds,
};

export async function checkAddressedResources(
  db: Kysely<Database>,
  action: string,
  params: Params,
  scope: { readonly accountId: string; readonly regionId: string },
  tenant: ApsaraTenant | undefined,
): Promise<void> {
  if (tenant === undefined) return;
  const addressed = ADDRESSING[action]?.(params);
  if (addressed === undefined || addressed.ids.length === 0) return;
  const owned = await findOwnedResources(db, scope, addressed.type, addressed.ids);
  for (const resource of owned.values()) {
    if (resource.resourceGroupId !== tenant.resourceGroupId) throw new EcsError(addressed.notFound);
  }
}

/**
 * TagResources, UntagResources and ListTagResources, for the two products
 * that have them: ECS (`ResourceType` lowercase: instance, disk, snapshot,
 * image, securitygroup, …) and VPC (`VPC`, `VSWITCH`). A `TypeResolver` says
 * which names a product accepts and where this cloud keeps each type.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { MAX_TAGS_PER_REQUEST, MAX_TAG_RESOURCE_IDS } from '../../../domain/tags.js';
import { parseTagFilters, parseTags } from './tag-params.js';
import { removeTags, setTags, taggedWith, type TaggableResourceType } from './tag-store.js';
import { addressesOf, findOwnedResources, ownedIdsQuery, type OwnedResource } from './taggable.js';
import { regionScope } from '../lookup.js';
import { base36Token, tokenOffset } from '../paging.js';

export interface ResolvedType {
  /** The stored type, or undefined for a valid name this cloud keeps no resources of. */
  readonly stored: TaggableResourceType | undefined;
  /** `ResourceType` as ListTagResources echoes it. */
  readonly echo: string;
}

/** A product's `ResourceType` names: undefined for a name the product does not know. */
export type TypeResolver = (resourceType: string) => ResolvedType | undefined;

/** ListTagResources answers this many tag rows per page. */
const LIST_PAGE_SIZE = 50;
const LIST_TOKENS = base36Token('lt');
/** `TagFilter.N` (N 1–5) and `TagFilter.N.TagValues.N` (N 1–5). */
const MAX_TAG_FILTERS = 5;

function resourceType(ctx: ActionContext, resolve: TypeResolver): ResolvedType {
  const name = ctx.params.string('ResourceType');
  if (name === undefined) throw new EcsError('MissingParameter.ResourceType');
  const resolved = resolve(name);
  if (resolved === undefined) throw new EcsError('InvalidResourceType.NotFound');
  return resolved;
}

function resourceIds(ctx: ActionContext, required: boolean): string[] {
  const ids = [...new Set(ctx.params.list('ResourceId').filter((id) => id !== ''))];
  if (required && ids.length === 0) throw EcsError.missingParameter('ResourceId.1');
  if (ids.length > MAX_TAG_RESOURCE_IDS) throw new EcsError('NumberExceed.ResourceIds');
  return ids;
}

/** Every id must be one of the caller's resources of the type in this region; answers their stored ids. */
async function requireOwned(
  ctx: ActionContext,
  type: ResolvedType,
  ids: readonly string[],
): Promise<{ stored: TaggableResourceType; storedIds: string[] }> {
  const stored = type.stored;
  const owned = stored === undefined ? new Map<string, OwnedResource>() : await findOwnedResources(ctx.db, regionScope(ctx), stored, ids);
  const storedIds = ids.flatMap((id) => {
    const resource = owned.get(id);
    return resource === undefined ? [] : [resource.id];
  });
  if (stored === undefined || storedIds.length < ids.length) throw new EcsError('InvalidResourceId.NotFound');
  return { stored, storedIds };
}

export async function tagResources(ctx: ActionContext, resolve: TypeResolver): Promise<ActionResult> {
  const type = resourceType(ctx, resolve);
  const ids = resourceIds(ctx, true);
  const tags = parseTags(ctx.params);
  if (tags.length === 0) throw new EcsError('MissingParameter.Tags');
  const { stored, storedIds } = await requireOwned(ctx, type, ids);
  for (const id of storedIds) {
    await setTags(ctx.db, { accountId: ctx.account.id, resourceType: stored, resourceId: id, tags });
  }
  return {};
}

export async function untagResources(ctx: ActionContext, resolve: TypeResolver): Promise<ActionResult> {
  const type = resourceType(ctx, resolve);
  const ids = resourceIds(ctx, true);
  const keys = [...new Set(ctx.params.list('TagKey').filter((key) => key !== ''))];
  if (keys.length > MAX_TAGS_PER_REQUEST) throw new EcsError('NumberExceed.Tags');
  const all = ctx.params.boolean('All') === true;
  if (keys.length === 0 && !all) throw new EcsError('MissingParameter.Tags');
  const { stored, storedIds } = await requireOwned(ctx, type, ids);
  // Named keys win over All=true; keys a resource lacks are ignored.
  await removeTags(ctx.db, keys.length > 0 ? { resourceType: stored, resourceIds: storedIds, keys } : { resourceType: stored, resourceIds: storedIds });
  return {};
}

interface KeyValuesFilter {
  readonly key: string;
  readonly values: readonly string[];
}

/** `TagFilter.N.TagKey` with `TagFilter.N.TagValues.N` (any of the values; none means any value). */
function keyValuesFilters(ctx: ActionContext): KeyValuesFilter[] {
  const entries = ctx.params.objectList('TagFilter');
  if (entries.length > MAX_TAG_FILTERS) throw EcsError.invalidParameter('TagFilter');
  const filters: KeyValuesFilter[] = [];
  for (const entry of entries) {
    const key = entry['TagKey'];
    if (key === undefined || key === '') continue;
    const values = Object.entries(entry)
      .filter(([name, value]) => /^TagValues\.\d+$/.test(name) && value !== '')
      .map(([, value]) => value);
    if (values.length > MAX_TAG_FILTERS) throw EcsError.invalidParameter('TagFilter.TagValues');
    filters.push({ key, values });
  }
  return filters;
}

/**
 * Tag rows of the caller's resources of one type in this region: of the
 * given ids, and/or of the resources carrying every `Tag.N` and matching
 * every `TagFilter.N`. Unknown ids simply yield nothing.
 */
export async function listTagResources(ctx: ActionContext, resolve: TypeResolver): Promise<ActionResult> {
  const type = resourceType(ctx, resolve);
  const ids = resourceIds(ctx, false);
  const tagFilters = parseTagFilters(ctx.params);
  const keyValues = keyValuesFilters(ctx);
  if (ids.length === 0 && tagFilters.length === 0 && keyValues.length === 0) {
    throw EcsError.missingParameter('ResourceId.1');
  }
  const offset = tokenOffset(ctx.params, LIST_TOKENS);
  const pageSize = ctx.params.integer('MaxResults', { min: 1, max: 1000 }) ?? LIST_PAGE_SIZE;
  const stored = type.stored;
  if (stored === undefined) return { NextToken: '', TagResources: { TagResource: [] } };

  let query = ctx.db
    .selectFrom('tags')
    .select(['resource_id', 'tag_key', 'tag_value'])
    .where('resource_type', '=', stored)
    .where('resource_id', 'in', ownedIdsQuery(ctx.db, regionScope(ctx), stored));
  if (ids.length > 0) {
    const owned = await findOwnedResources(ctx.db, regionScope(ctx), stored, ids);
    const storedIds = [...owned.values()].map((resource) => resource.id);
    if (storedIds.length === 0) return { NextToken: '', TagResources: { TagResource: [] } };
    query = query.where('resource_id', 'in', storedIds);
  }
  if (tagFilters.length > 0) query = query.where('resource_id', 'in', taggedWith(ctx.db, stored, tagFilters));
  for (const filter of keyValues) {
    let matching = ctx.db
      .selectFrom('tags')
      .select('resource_id')
      .where('resource_type', '=', stored)
      .where('tag_key', '=', filter.key);
    if (filter.values.length > 0) matching = matching.where('tag_value', 'in', [...filter.values]);
    query = query.where('resource_id', 'in', matching);
  }
  // One row more than the page tells whether another page follows.
  const rows = await query
    .orderBy('resource_id')
    .orderBy('tag_key')
    .limit(pageSize + 1)
    .offset(offset)
    .execute();
  const page = rows.slice(0, pageSize);
  const addresses = await addressesOf(ctx.db, stored, page.map((row) => row.resource_id));
  return {
    NextToken: rows.length > pageSize ? LIST_TOKENS.encode(offset + pageSize) : '',
    TagResources: {
      TagResource: page.map((row) => ({
        ResourceId: addresses.get(row.resource_id) ?? row.resource_id,
        ResourceType: type.echo,
        TagKey: row.tag_key,
        TagValue: row.tag_value,
      })),
    },
  };
}

/**
 * AddTags, RemoveTags and DescribeTags: ECS's deprecated tag actions, which
 * Packer 1.6 and aliyungo still call. They work on the same tags as
 * TagResources (one resource per call, `ResourceType` lowercase), so a tag
 * added here shows in DescribeImages / ListTagResources and the reverse.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { Tag, TagFilter } from '../../../domain/tags.js';
import { regionScope } from '../lookup.js';
import { readPage, pageFields } from '../paging.js';
import { parseTags } from './tag-params.js';
import { removeTags, setTags, tagListsOf, type TaggableResourceType } from './tag-store.js';
import { ownedIdsQuery } from './taggable.js';
import { requireOwned, resourceType, type TypeResolver } from './tag-resources.js';

/** The types DescribeTags counts, with their `ResourceTypeCount` field names. */
const COUNTED_TYPES: ReadonlyArray<readonly [TaggableResourceType, string]> = [
  ['instance', 'Instance'],
  ['disk', 'Disk'],
  ['snapshot', 'Snapshot'],
  ['image', 'Image'],
  ['securitygroup', 'Securitygroup'],
  ['keypair', 'KeyPair'],
];
/** `ResourceTypeCount` fields of types this cloud keeps no resources of: always 0. */
const UNCOUNTED_FIELDS = ['Ddh', 'Eni', 'LaunchTemplate', 'ReservedInstance', 'SnapshotPolicy', 'Volume'];

/** `Tag.N.Key` / `Tag.N.Value`, and the lowercase `Tag.N.key` / `Tag.N.value` the 2021 reference also lists. */
function legacyTagEntries(ctx: ActionContext): Array<{ key: string | undefined; value: string | undefined }> {
  return ctx.params.objectList('Tag').map((entry) => ({
    key: entry['Key'] ?? entry['key'],
    value: entry['Value'] ?? entry['value'],
  }));
}

/** The one resource a legacy call addresses: `ResourceId` (required), owned by the caller. */
async function addressedResource(ctx: ActionContext, resolve: TypeResolver): Promise<{ id: string; type: TaggableResourceType }> {
  const type = resourceType(ctx, resolve);
  const { stored, storedIds } = await requireOwned(ctx, type, [ctx.params.requiredString('ResourceId')]);
  // Key pairs are addressed by name and stored by id.
  return { id: storedIds[0] as string, type: stored };
}

export async function addTags(ctx: ActionContext, resolve: TypeResolver): Promise<ActionResult> {
  // A value without its key is the documented mismatch; a key without a value sets "".
  if (legacyTagEntries(ctx).some((entry) => entry.value !== undefined && (entry.key === undefined || entry.key === ''))) {
    throw new EcsError('InvalidTag.Mismatch');
  }
  const tags = parseTags(ctx.params);
  if (tags.length === 0) throw EcsError.missingParameter('Tag.1.Key');
  const resource = await addressedResource(ctx, resolve);
  try {
    await setTags(ctx.db, { accountId: ctx.account.id, resourceType: resource.type, resourceId: resource.id, tags });
  } catch (error) {
    // The legacy action names the 20-tag limit InvalidTagCount, where TagResources says QuotaExceed.
    if (error instanceof EcsError && (error.code === 'OperationDenied.QuotaExceed' || error.code === 'NumberExceed.Tags')) {
      throw new EcsError('InvalidTagCount');
    }
    throw error;
  }
  return {};
}

/** A pair given with a value removes only that exact pair; a key alone removes the key. */
export async function removeLegacyTags(ctx: ActionContext, resolve: TypeResolver): Promise<ActionResult> {
  const entries = legacyTagEntries(ctx).filter((entry) => entry.key !== undefined && entry.key !== '');
  if (entries.length > 20) throw new EcsError('InvalidTagCount');
  const resource = await addressedResource(ctx, resolve);
  if (entries.length === 0) return {};
  const stored = (await tagListsOf(ctx.db, [resource.id])).get(resource.id) ?? [];
  const keys = entries
    .filter((entry) => stored.some((tag) => tag.key === entry.key && (entry.value === undefined || entry.value === '' || tag.value === entry.value)))
    .map((entry) => entry.key as string);
  await removeTags(ctx.db, { resourceType: resource.type, resourceIds: [resource.id], keys });
  return {};
}

function tagFilters(ctx: ActionContext): TagFilter[] {
  const entries = legacyTagEntries(ctx);
  if (entries.length > 20) throw new EcsError('InvalidTagCount');
  const filters: TagFilter[] = [];
  for (const entry of entries) {
    if (entry.key === undefined || entry.key === '') {
      if (entry.value !== undefined && entry.value !== '') throw new EcsError('InvalidTagKey.Malformed');
      continue;
    }
    filters.push(entry.value === undefined || entry.value === '' ? { key: entry.key } : { key: entry.key, value: entry.value });
  }
  return filters;
}

function matchesAny(tag: Tag, filters: readonly TagFilter[]): boolean {
  return filters.length === 0 || filters.some((filter) => filter.key === tag.key && (filter.value === undefined || filter.value === tag.value));
}

/**
 * Tag pairs (not resources) on the caller's resources in the region, each
 * with how many resources of every type carry it; narrowed by
 * `ResourceType`, `ResourceId` and `Tag.N` together.
 */
export async function describeTags(ctx: ActionContext, resolve: TypeResolver): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 100 });
  const pageSize = ctx.params.integer('PageSize', { min: 1, max: 100 }) ?? 50;
  const typeName = ctx.params.string('ResourceType');
  const onlyType = typeName === undefined ? undefined : resolve(typeName);
  if (typeName !== undefined && onlyType === undefined) throw new EcsError('InvalidResourceType.NotFound');
  const resourceId = ctx.params.string('ResourceId');
  const filters = tagFilters(ctx);

  const counts = new Map<string, { tag: Tag; perType: Map<TaggableResourceType, number> }>();
  for (const [type] of COUNTED_TYPES) {
    if (onlyType !== undefined && onlyType.stored !== type) continue;
    let query = ctx.db
      .selectFrom('tags')
      .select(['tag_key', 'tag_value'])
      .where('resource_type', '=', type)
      .where('resource_id', 'in', ownedIdsQuery(ctx.db, regionScope(ctx), type));
    if (resourceId !== undefined) query = query.where('resource_id', '=', resourceId);
    for (const row of await query.execute()) {
      const tag = { key: row.tag_key, value: row.tag_value };
      if (!matchesAny(tag, filters)) continue;
      const identity = `${tag.key}\u0000${tag.value}`;
      const entry = counts.get(identity) ?? { tag, perType: new Map() };
      entry.perType.set(type, (entry.perType.get(type) ?? 0) + 1);
      counts.set(identity, entry);
    }
  }
  const sorted = [...counts.values()].sort((a, b) => a.tag.key.localeCompare(b.tag.key) || a.tag.value.localeCompare(b.tag.value));
  const offset = (page.pageNumber - 1) * pageSize;
  return {
    ...pageFields({ ...page, offset, limit: pageSize }, sorted.length),
    Tags: {
      Tag: sorted.slice(offset, offset + pageSize).map(({ tag, perType }) => ({
        TagKey: tag.key,
        TagValue: tag.value,
        ResourceTypeCount: {
          ...Object.fromEntries(COUNTED_TYPES.map(([type, field]) => [field, perType.get(type) ?? 0])),
          ...Object.fromEntries(UNCOUNTED_FIELDS.map((field) => [field, 0])),
        },
      })),
    },
  };
}

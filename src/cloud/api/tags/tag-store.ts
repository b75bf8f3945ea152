/**
 * The `tags` table: upsert, read for a page of resources, filter queries by
 * required tags, remove. Every write goes through the caller's `db` (the
 * request's transaction).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../store/schema.js';
import { InListQuery } from '../../store/query-template.js';
import { EcsError } from '../errors.js';
import { MAX_TAGS_PER_RESOURCE, checkTags, tagCountAfterUpsert, type Tag, type TagFilter } from '../../../domain/tags.js';

/**
 * The resource type a tag row is filed under: ECS's lowercase `ResourceType`
 * values, plus `vpc` and `vswitch` for the VPC product (its API spells them
 * `VPC` / `VSWITCH`).
 */
export type TaggableResourceType = 'instance' | 'disk' | 'snapshot' | 'image' | 'securitygroup' | 'vpc' | 'vswitch' | 'keypair';

/** One tag as ECS Describe responses render it (`Tags.Tag[]`). */
export interface EcsTag {
  readonly TagKey: string;
  readonly TagValue: string;
}

/** One tag as VPC Describe responses render it (`Tags.Tag[]`, sic: not TagKey/TagValue). */
export interface VpcTag {
  readonly Key: string;
  readonly Value: string;
}

export interface SetTagsInput {
  readonly accountId: string;
  readonly resourceType: TaggableResourceType;
  readonly resourceId: string;
  readonly tags: readonly Tag[];
}

/**
 * Upserts `tags` on one resource: an existing key takes the new value.
 * Throws `OperationDenied.QuotaExceed` when the resource would carry more
 * than 20 tags, and the tag codes of `tag-params.ts` for tags that were not validated yet.
 */
export async function setTags(db: Kysely<Database>, input: SetTagsInput): Promise<void> {
  if (input.tags.length === 0) return;
  const violation = checkTags(input.tags);
  if (violation !== undefined) throw new EcsError(violation.code);
  const existing = await db
    .selectFrom('tags')
    .select(['tag_key'])
    .where('resource_id', '=', input.resourceId)
    .where('resource_type', '=', input.resourceType)
    .execute();
  const existingKeys = new Set(existing.map((row) => row.tag_key));
  if (tagCountAfterUpsert(existingKeys, input.tags) > MAX_TAGS_PER_RESOURCE) {
    throw new EcsError('OperationDenied.QuotaExceed');
  }
  for (const tag of input.tags) {
    if (existingKeys.has(tag.key)) {
      await db
        .updateTable('tags')
        .set({ tag_value: tag.value })
        .where('resource_id', '=', input.resourceId)
        .where('resource_type', '=', input.resourceType)
        .where('tag_key', '=', tag.key)
        .execute();
    } else {
      await db
        .insertInto('tags')
        .values({
          account_id: input.accountId,
          resource_type: input.resourceType,
          resource_id: input.resourceId,
          tag_key: tag.key,
          tag_value: tag.value,
        })
        .execute();
    }
  }
}

/** Compiled once per list length: every Describe action runs it for its page. */
const TAGS_OF = new InListQuery(100, (db, ids) =>
  db.selectFrom('tags').select(['resource_id', 'tag_key', 'tag_value']).where('resource_id', 'in', ids).orderBy('resource_id').orderBy('tag_key'),
);

/** Domain tags of many resources in one query: id → tags ordered by key (ids without tags map to []). */
export async function tagListsOf(db: Kysely<Database>, resourceIds: readonly string[]): Promise<Map<string, Tag[]>> {
  const result = new Map<string, Tag[]>(resourceIds.map((id) => [id, []]));
  if (resourceIds.length === 0) return result;
  const rows = await TAGS_OF.execute(db, [...new Set(resourceIds)]);
  for (const row of rows) result.get(row.resource_id)?.push({ key: row.tag_key, value: row.tag_value });
  return result;
}

/** ECS-shaped tags of a page of resources in one query: id → `{TagKey, TagValue}[]`. */
export async function tagsOf(db: Kysely<Database>, resourceIds: readonly string[]): Promise<Map<string, EcsTag[]>> {
  const lists = await tagListsOf(db, resourceIds);
  return new Map([...lists].map(([id, tags]) => [id, tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value }))]));
}

/** VPC-shaped tags of a page of resources in one query: id → `{Key, Value}[]`. */
export async function vpcTagsOf(db: Kysely<Database>, resourceIds: readonly string[]): Promise<Map<string, VpcTag[]>> {
  const lists = await tagListsOf(db, resourceIds);
  return new Map([...lists].map(([id, tags]) => [id, tags.map((tag) => ({ Key: tag.key, Value: tag.value }))]));
}

/**
 * A subquery of the ids of `resourceType` resources carrying every filter's
 * tag, for `.where('images.id', 'in', taggedWith(db, 'image', filters))`.
 * Each filter narrows the next one's candidates (nested `IN`), so a key-only
 * filter and a key=value filter on the same key combine correctly. With no
 * filters it selects every tagged resource of the type: skip the condition then.
 */
export function taggedWith(
  db: Kysely<Database>,
  resourceType: TaggableResourceType,
  filters: readonly TagFilter[],
): SelectQueryBuilder<Database, 'tags', { resource_id: string }> {
  const [first, ...rest] = filters;
  let query = db.selectFrom('tags').select('resource_id').where('resource_type', '=', resourceType);
  if (first === undefined) return query.distinct();
  query = query.where('tag_key', '=', first.key);
  if (first.value !== undefined) query = query.where('tag_value', '=', first.value);
  if (rest.length > 0) query = query.where('resource_id', 'in', taggedWith(db, resourceType, rest));
  return query;
}

export interface RemoveTagsInput {
  readonly resourceType: TaggableResourceType;
  readonly resourceIds: readonly string[];
  /** Keys to remove; undefined removes every tag. Absent keys are ignored. */
  readonly keys?: readonly string[];
}

export async function removeTags(db: Kysely<Database>, input: RemoveTagsInput): Promise<void> {
  if (input.resourceIds.length === 0) return;
  if (input.keys !== undefined && input.keys.length === 0) return;
  let query = db
    .deleteFrom('tags')
    .where('resource_type', '=', input.resourceType)
    .where('resource_id', 'in', [...input.resourceIds]);
  if (input.keys !== undefined) query = query.where('tag_key', 'in', [...input.keys]);
  await query.execute();
}

/** Removes every tag of deleted resources (whatever their type). */
export async function deleteTagsOf(db: Kysely<Database>, resourceIds: readonly string[]): Promise<void> {
  if (resourceIds.length === 0) return;
  await db.deleteFrom('tags').where('resource_id', 'in', [...resourceIds]).execute();
}

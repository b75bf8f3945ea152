/**
 * Tags for every area's handlers: the one entry point other areas import
 * (`import { parseTags, setTags, tagsOf } from '../tags/index.js'`).
 *
 * Create actions (CreateImage, RunInstances, CreateDisk, CreateSnapshot, …):
 *   const tags = parseTags(ctx.params);        // Tag.N.Key/Value, validated; [] when none
 *   … insert the resource row …
 *   await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'image', resourceId: id, tags });
 *
 * Describe actions (one query for the whole page):
 *   const filters = parseTagFilters(ctx.params); // Tag.N.Key [+ Value]: resource must carry all
 *   if (filters.length > 0) query = query.where('images.id', 'in', taggedWith(ctx.db, 'image', filters));
 *   … fetch the page …
 *   const tags = await tagsOf(ctx.db, rows.map((row) => row.id));   // id → {TagKey, TagValue}[]
 *   … Tags: { Tag: tags.get(row.id) ?? [] } …
 *   (VPC product responses use `vpcTagsOf` → `{Key, Value}[]`.)
 *
 * Delete actions: `await deleteTagsOf(ctx.db, [id])` in the same transaction.
 *
 * Errors thrown (all in the catalogue): `NumberExceed.Tags`,
 * `InvalidTagKey.Malformed`, `InvalidTagValue.Malformed`, `Duplicate.TagKey`,
 * `OperationDenied.QuotaExceed` (more than 20 tags on one resource).
 *
 * `resourceType` is ECS's lowercase `ResourceType`: 'instance' | 'disk' |
 * 'snapshot' | 'image' | 'securitygroup' (plus 'vpc' | 'vswitch').
 */
export { parseTags, parseTagFilters } from './tag-params.js';
export {
  setTags,
  tagsOf,
  vpcTagsOf,
  tagListsOf,
  taggedWith,
  removeTags,
  deleteTagsOf,
  type EcsTag,
  type VpcTag,
  type SetTagsInput,
  type RemoveTagsInput,
  type TaggableResourceType,
} from './tag-store.js';
export type { Tag, TagFilter } from '../../../domain/tags.js';

/**
 * Reading tags out of a request: `Tag.N.Key` / `Tag.N.Value` to set (create
 * actions, TagResources) and `Tag.N.Key` [+ `Tag.N.Value`] filters (Describe
 * actions). Violations become the ECS error codes of ecs-api.md §5.
 */
import type { Params } from '../params.js';
import { EcsError } from '../errors.js';
import { MAX_TAGS_PER_REQUEST, checkTags, type Tag, type TagFilter } from '../../../domain/tags.js';

/**
 * The tags to set from `Tag.N.Key` / `Tag.N.Value` (an absent value is `""`),
 * validated: `NumberExceed.Tags`, `InvalidTagKey.Malformed`,
 * `InvalidTagValue.Malformed`, `Duplicate.TagKey`. Empty when none are given.
 */
export function parseTags(params: Params, name = 'Tag'): Tag[] {
  const tags = params.objectList(name).map((entry) => ({ key: entry['Key'] ?? '', value: entry['Value'] ?? '' }));
  const violation = checkTags(tags);
  if (violation !== undefined) throw new EcsError(violation.code);
  return tags;
}

/**
 * Describe filters from `Tag.N.Key` / `Tag.N.Value`: a resource must carry
 * every given tag; a filter without a value (or with an empty one) matches
 * the key alone. Entries without a key are ignored, as the SDKs send them for
 * unset map entries.
 */
export function parseTagFilters(params: Params, name = 'Tag'): TagFilter[] {
  const entries = params.objectList(name);
  if (entries.length > MAX_TAGS_PER_REQUEST) throw new EcsError('NumberExceed.Tags');
  const filters: TagFilter[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry['Key'];
    if (key === undefined || key === '') continue;
    const value = entry['Value'];
    const filter: TagFilter = value === undefined || value === '' ? { key } : { key, value };
    const identity = `${filter.key}\u0000${filter.value ?? '\u0001'}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    filters.push(filter);
  }
  return filters;
}

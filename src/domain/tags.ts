/**
 * Tag rules shared by every taggable ECS and VPC resource (ecs-api.md §5):
 * keys 1–128 characters, not starting with `aliyun` or `acs:`, without
 * `http://` / `https://`; values 0–128 characters, not starting with `acs:`,
 * without `http://` / `https://`; at most 20 tags per request and per
 * resource; no key twice in one request. Pure functions: the API layer turns a
 * violation's `code` into the ECS error.
 */

export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** A Describe filter: the resource must carry `key` (with `value`, when given). */
export interface TagFilter {
  readonly key: string;
  readonly value?: string;
}

export const MAX_TAG_LENGTH = 128;
export const MAX_TAGS_PER_REQUEST = 20;
export const MAX_TAGS_PER_RESOURCE = 20;
export const MAX_TAG_RESOURCE_IDS = 50;

export type TagViolationCode =
  | 'InvalidTagKey.Malformed'
  | 'InvalidTagValue.Malformed'
  | 'NumberExceed.Tags'
  | 'Duplicate.TagKey';

export interface TagViolation {
  readonly code: TagViolationCode;
}

const URL_MARKERS = ['http://', 'https://'];

function containsUrl(text: string): boolean {
  const lower = text.toLowerCase();
  return URL_MARKERS.some((marker) => lower.includes(marker));
}

export function isValidTagKey(key: string): boolean {
  if (key.length < 1 || key.length > MAX_TAG_LENGTH) return false;
  if (key.startsWith('aliyun') || key.startsWith('acs:')) return false;
  return !containsUrl(key);
}

export function isValidTagValue(value: string): boolean {
  if (value.length > MAX_TAG_LENGTH) return false;
  if (value.startsWith('acs:')) return false;
  return !containsUrl(value);
}

/** The first rule a request's tag list breaks (count first, as ECS checks it), or undefined. */
export function checkTags(tags: readonly Tag[]): TagViolation | undefined {
  if (tags.length > MAX_TAGS_PER_REQUEST) return { code: 'NumberExceed.Tags' };
  const seen = new Set<string>();
  for (const tag of tags) {
    if (!isValidTagKey(tag.key)) return { code: 'InvalidTagKey.Malformed' };
    if (!isValidTagValue(tag.value)) return { code: 'InvalidTagValue.Malformed' };
    if (seen.has(tag.key)) return { code: 'Duplicate.TagKey' };
    seen.add(tag.key);
  }
  return undefined;
}

/**
 * How many tags a resource would carry after an upsert of `incoming` onto
 * `existingKeys` (an existing key is overwritten, not added).
 */
export function tagCountAfterUpsert(existingKeys: Iterable<string>, incoming: readonly Tag[]): number {
  const keys = new Set(existingKeys);
  for (const tag of incoming) keys.add(tag.key);
  return keys.size;
}

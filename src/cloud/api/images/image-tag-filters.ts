/**
 * DescribeImages' `Tag.N` filters, with its own codes: more than 20 →
 * `InvalidTagCount`; a value without its key → `InvalidTag.Mismatch`.
 */
import type { Params } from '../params.js';
import { EcsError } from '../errors.js';
import { MAX_TAGS_PER_REQUEST, type TagFilter } from '../../../domain/tags.js';
import { parseTagFilters } from '../tags/tag-params.js';

export function readImageTagFilters(params: Params): TagFilter[] {
  const entries = params.objectList('Tag');
  if (entries.length > MAX_TAGS_PER_REQUEST) throw new EcsError('InvalidTagCount');
  for (const entry of entries) {
    const key = entry['Key'];
    const value = entry['Value'];
    if ((key === undefined || key === '') && value !== undefined && value !== '') throw new EcsError('InvalidTag.Mismatch');
  }
  return parseTagFilters(params);
}

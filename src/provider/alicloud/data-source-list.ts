/**
 * How the list data sources gather and narrow what they show: every page of the cloud's list
 * call, then the items whose id is in `ids` (when set) and one of whose names matches
 * `name_regex` (when set), as upstream narrows them client-side.
 */
import type { KnownObject } from '../framework/index.js';
import { stringsOf, textOf } from '../shared/values.js';

/** Every page, `pageSize` items at a time, until a page comes back short. */
export async function allPages<T>(pageSize: number, fetch: (pageNumber: number) => Promise<readonly T[]>): Promise<T[]> {
  const items: T[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await fetch(pageNumber);
    items.push(...page);
    if (page.length < pageSize) return items;
  }
}

export function narrowByIdsAndName<T>(items: readonly T[], config: KnownObject, idOf: (item: T) => string, namesOf: (item: T) => readonly string[]): T[] {
  const wanted = new Set(stringsOf(config, 'ids'));
  const regex = textOf(config, 'name_regex');
  const pattern = regex === undefined ? undefined : new RegExp(regex);
  return items
    .filter((item) => wanted.size === 0 || wanted.has(idOf(item)))
    .filter((item) => pattern === undefined || namesOf(item).some((name) => pattern.test(name)));
}

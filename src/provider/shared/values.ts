/**
 * The readers and writers both providers' resources share: typed reads of config/state
 * values, and what the cloud answers turned into state values (tags without the system
 * ones, "" as null, sizes as numbers). No SDK here: plan-time code may import it.
 */
import type { CloudClients, Tags } from '../client/index.js';
import type { KnownObject, KnownValue } from '../framework/index.js';

/** A non-empty string argument, or undefined (null, unknown-free config, or ""). */
export function textOf(object: KnownObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function numberOf(object: KnownObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' ? value : undefined;
}

export function boolOf(object: KnownObject, key: string): boolean | undefined {
  const value = object[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function stringsOf(object: KnownObject, key: string): string[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function objectsOf(object: KnownObject, key: string): KnownObject[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter((item): item is KnownObject => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];
}

/** A `map(string)` argument such as `tags`; null reads as empty. */
export function mapOf(object: KnownObject, key: string): Tags {
  const value = object[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as KnownObject).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** One tag as an API answer lists it; either half may be missing. */
export type TagEntry = readonly [string | undefined, string | undefined];

/**
 * Tags as state holds them: the user's tags without the system ones (keys starting with one
 * of `systemPrefixes`). With none left, the state's own spelling of "none" is kept — `{}`
 * when `prior` is a map (`tags = {}`), otherwise null — so neither shows a diff.
 */
export function userTagsState(
  systemPrefixes: readonly string[],
  entries: ReadonlyArray<TagEntry>,
  prior: KnownValue = null,
): KnownValue {
  const tags: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key === undefined || key === '' || systemPrefixes.some((prefix) => key.startsWith(prefix))) continue;
    tags[key] = value ?? '';
  }
  if (Object.keys(tags).length > 0) return tags;
  return prior !== null && typeof prior === 'object' && !Array.isArray(prior) ? {} : null;
}

/** An ECS answer's `Tags.Tag` list (`TagKey`/`TagValue`) as `tagsState` entries. */
export function ecsTagEntries(
  tags: { readonly tag?: ReadonlyArray<{ readonly tagKey?: string | undefined; readonly tagValue?: string | undefined }> | undefined } | undefined,
): TagEntry[] {
  return (tags?.tag ?? []).map((tag) => [tag.tagKey, tag.tagValue] as const);
}

/** A VPC answer's `Tags.Tag` list (`Key`/`Value`) as `tagsState` entries. */
export function vpcTagEntries(
  tags: { readonly tag?: ReadonlyArray<{ readonly key?: string | undefined; readonly value?: string | undefined }> | undefined } | undefined,
): TagEntry[] {
  return (tags?.tag ?? []).map((tag) => [tag.key, tag.value] as const);
}

/** `userTagsState` with the flavour's system tag prefixes. */
export function tagsState(
  clients: CloudClients,
  entries: ReadonlyArray<TagEntry>,
  prior: KnownValue = null,
): KnownValue {
  return userTagsState(clients.config.flavour.systemTagPrefixes, entries, prior);
}

/** For Optional (not Computed) text attributes: the cloud's "" means unset, i.e. null in state. */
export function nullIfEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** ECS reports a disk mapping's Size as a string ("40"); the schemas' sizes are numbers. */
export function parseSize(value: string | number | undefined): number | null {
  if (value === undefined || value === '') return null;
  const size = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isFinite(size) ? size : null;
}

/**
 * Tag changes on any ECS resource through TagResources / UntagResources, computed as a diff.
 * Unlike the reference providers (which untag changed keys and then re-tag the whole map),
 * only removed keys are untagged and only new or changed ones tagged: TagResources is an
 * upsert, so a changed value needs no untag, and an unchanged tag is never touched.
 */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { $Ecs } from './sdk.js';

export type Tags = Readonly<Record<string, string>>;

export interface TagDiff {
  /** Keys to untag: present before, absent now (system keys excluded). */
  readonly remove: readonly string[];
  /** Keys to tag with their values: new, or with a changed value. */
  readonly add: Tags;
}

export function diffTags(before: Tags, after: Tags, systemPrefixes: readonly string[]): TagDiff {
  const isSystem = (key: string): boolean => systemPrefixes.some((prefix) => key.startsWith(prefix));
  const remove = Object.keys(before).filter((key) => !(key in after) && !isSystem(key)).sort();
  const add: Record<string, string> = {};
  for (const key of Object.keys(after).sort()) {
    if (before[key] !== after[key]) add[key] = after[key]!;
  }
  return { remove, add };
}

export interface TagTarget {
  /** ECS `ResourceType`: `image`, `snapshot`, `disk`, `instance`, … */
  readonly resourceType: string;
  readonly resourceId: string;
}

export async function tagResources(clients: CloudClients, target: TagTarget, tags: Tags, options: CallOptions = {}): Promise<void> {
  const entries = Object.entries(tags);
  if (entries.length === 0) return;
  const request = new $Ecs.TagResourcesRequest({
    regionId: clients.config.regionId,
    resourceType: target.resourceType,
    resourceId: [target.resourceId],
    tag: entries.map(([key, value]) => new $Ecs.TagResourcesRequestTag({ key, value })),
  });
  await callWithRetry(() => clients.ecs.tagResourcesWithOptions(request, clients.runtime()), { action: 'TagResources', ...options });
}

export async function untagResources(clients: CloudClients, target: TagTarget, keys: readonly string[], options: CallOptions = {}): Promise<void> {
  if (keys.length === 0) return;
  const request = new $Ecs.UntagResourcesRequest({
    regionId: clients.config.regionId,
    resourceType: target.resourceType,
    resourceId: [target.resourceId],
    tagKey: [...keys],
  });
  await callWithRetry(() => clients.ecs.untagResourcesWithOptions(request, clients.runtime()), { action: 'UntagResources', ...options });
}

/** Applies the change from `before` to `after`: untag first, so a 20-tag limit is never crossed midway. */
export async function updateTags(clients: CloudClients, target: TagTarget, before: Tags, after: Tags, options: CallOptions = {}): Promise<TagDiff> {
  const diff = diffTags(before, after, clients.config.flavour.systemTagPrefixes);
  await untagResources(clients, target, diff.remove, options);
  await tagResources(clients, target, diff.add, options);
  return diff;
}

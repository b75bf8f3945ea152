/** A resource group as ListResourceGroups and GetResourceGroup show it. */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { listRegions } from '../catalog/catalog.js';
import type { ResourceGroupRow } from './resource-groups.js';

export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function tagsOfGroups(
  db: Kysely<Database>,
  accountId: string,
  ids: readonly string[],
): Promise<Map<string, Array<{ TagKey: string; TagValue: string }>>> {
  const byGroup = new Map<string, Array<{ TagKey: string; TagValue: string }>>();
  if (ids.length === 0) return byGroup;
  const rows = await db
    .selectFrom('tags')
    .select(['resource_id', 'tag_key', 'tag_value'])
    .where('account_id', '=', accountId)
    .where('resource_id', 'in', ids)
    .orderBy('tag_key')
    .execute();
  for (const row of rows) {
    const list = byGroup.get(row.resource_id) ?? [];
    list.push({ TagKey: row.tag_key, TagValue: row.tag_value });
    byGroup.set(row.resource_id, list);
  }
  return byGroup;
}

export function resourceGroupView(
  row: ResourceGroupRow,
  tags: ReadonlyArray<{ TagKey: string; TagValue: string }> | undefined,
): Record<string, unknown> {
  return {
    Id: row.id,
    AccountId: row.account_id,
    Name: row.name,
    DisplayName: row.display_name,
    Status: row.status,
    CreateDate: isoDate(row.created_at),
    RegionStatuses: {
      RegionStatus: listRegions().map((region) => ({ RegionId: region.regionId, Status: row.status })),
    },
    ...(tags !== undefined ? { Tags: { Tag: tags } } : {}),
  };
}

/**
 * An image's disk mappings and tags as two JSON columns of its own row, for
 * the lookup by id that the providers poll with: one query instead of three,
 * which on PostgreSQL is one round trip instead of three. Both dialects have
 * the same aggregate with other names (json_agg / json_group_array); SQLite
 * answers the JSON as text, PostgreSQL as parsed values, and an image without
 * disks or tags gets NULL from PostgreSQL and an empty list from SQLite.
 * The rows come out in the order the separate queries give (`image-view.ts`).
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { StoreDialect } from '../../store/store.js';
import type { EcsTag } from '../tags/tag-store.js';

/** The disk columns the answer shows, in the order of each JSON array. */
const DISK_COLUMNS = ['position', 'device', 'disk_type', 'size', 'snapshot_id', 'format', 'import_oss_bucket', 'import_oss_object', 'progress', 'encrypted'] as const;

export interface ImageDisk {
  readonly device: string;
  readonly disk_type: string;
  readonly size: number;
  readonly snapshot_id: string;
  readonly format: string;
  readonly import_oss_bucket: string;
  readonly import_oss_object: string;
  readonly progress: string;
  readonly encrypted: number;
}

/** What the two columns hold once read. */
export interface ImageChildren {
  readonly disks: readonly ImageDisk[];
  readonly tags: readonly EcsTag[];
}

export interface ChildrenColumns {
  readonly disks_json: unknown;
  readonly tags_json: unknown;
}

function aggregate(dialect: StoreDialect, table: 'image_disks' | 'tags', columns: readonly string[], key: string, orderBy: string): RawBuilder<unknown> {
  const [agg, array] = dialect === 'postgres' ? ['json_agg', 'json_build_array'] : ['json_group_array', 'json_array'];
  const fields = sql.join(columns.map((column) => sql.ref(`${table}.${column}`)));
  return sql`(select ${sql.raw(agg)}(${sql.raw(array)}(${fields}) order by ${sql.ref(`${table}.${orderBy}`)}) from ${sql.table(table)} where ${sql.ref(`${table}.${key}`)} = ${sql.ref('images.id')})`;
}

/** Adds `disks_json` and `tags_json` to the selection. */
export function withChildren<O>(query: SelectQueryBuilder<Database, 'images', O>, dialect: StoreDialect) {
  return query.select([
    aggregate(dialect, 'image_disks', DISK_COLUMNS, 'image_id', 'position').as('disks_json'),
    aggregate(dialect, 'tags', ['tag_key', 'tag_value'], 'resource_id', 'tag_key').as('tags_json'),
  ]);
}

function listOf(value: unknown): unknown[][] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as unknown[][];
}

export function childrenOf(row: ChildrenColumns): ImageChildren {
  const disks = listOf(row.disks_json).map((values) => {
    const disk = Object.fromEntries(DISK_COLUMNS.map((column, index) => [column, values[index]]));
    return disk as unknown as ImageDisk;
  });
  const tags = listOf(row.tags_json).map(([key, value]) => ({ TagKey: String(key), TagValue: String(value) }));
  return { disks, tags };
}

export function hasChildren<T extends object>(row: T): row is T & ChildrenColumns {
  return 'disks_json' in row && 'tags_json' in row;
}

/**
 * DescribeImages pages for every documented filter, not only by family
 * (issue 15: under 5 ms of server CPU over 100,000 images). The caller's own
 * images are paged apart from everyone else's (`visibleParts`), so each filter
 * gets an index that leads with the owner and region, then the filter's
 * column, then the status (always filtered: it defaults to Available), then
 * DescribeImages' order: a page is a walk that stops after the page, and the
 * count reads the index alone. The plain owner index also carries the name,
 * so an ImageName filter is tested on index entries without reading rows
 * (`images_account_region_status`, narrower, stays the one that counts).
 * Tag filters look tags up by type, key and value, without an account.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

const NEWEST = ['status', 'creation_time desc', 'id'];

const IMAGE_INDEXES: Readonly<Record<string, readonly string[]>> = {
  images_owner_newest: ['account_id', 'region_id', ...NEWEST, 'image_name'],
  images_architecture_newest: ['account_id', 'region_id', 'architecture', ...NEWEST],
  images_os_type_newest: ['account_id', 'region_id', 'os_type', ...NEWEST],
  images_family_newest: ['account_id', 'region_id', 'image_family', ...NEWEST],
  images_group_newest: ['account_id', 'region_id', 'resource_group_id', ...NEWEST],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of Object.entries(IMAGE_INDEXES)) {
    await db.schema.createIndex(name).on('images').columns([...columns]).execute();
  }
  await db.schema.createIndex('tags_type_key_value').on('tags').columns(['resource_type', 'tag_key', 'tag_value', 'resource_id']).execute();
}

export const imagesFilterIndexesMigration: StoreMigration = { name: '010-images-filter-indexes', up };

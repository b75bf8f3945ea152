/**
 * Change markers of what DescribeImages shows, so a process may keep a
 * filter's TotalCount (counting 100,000 matches takes milliseconds) and the
 * rows it looked up by id until they change. `images:<account>` moves
 * whenever anything an account's DescribeImages could count or show changes:
 * its own images, their disks (SnapshotId), tags (Tag.N), shares
 * (IsSelfShared) and the instances using them (Usage), and the images shared
 * with it. `images:public` moves with every change of a public
 * image (IsPublic=true). Triggers bump them, not the code that writes, so no
 * writer (another process on the file, an operator's SQL) can change a count
 * unseen.
 *
 * SQLite only. On PostgreSQL each bump locks its marker row until the
 * writer commits, so every writer of an account's images (CreateImage, the
 * job runners of all replicas) would queue on that row; with the triggers the
 * bench's create→Available cycle was slower (151 against 97 a second on one
 * replica in one pair of runs, though its figures vary by a third between
 * runs here). SQLite has one writer at a time anyway.
 *
 * A marker row exists from its first bump on; before it, its version reads
 * as absent, and the first bump makes it 1.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';
import type { StoreMigration } from './index.js';

export const IMAGES_MARKER_PREFIX = 'images:';
export const PUBLIC_IMAGES_MARKER = 'images:public';

/** The markers of an image, by an id expression (its rows may be in several regions). */
function markersOfImage(id: string): string {
  return (
    `select '${IMAGES_MARKER_PREFIX}' || i.account_id as name from images i where i.id = ${id}` +
    ` union select '${PUBLIC_IMAGES_MARKER}' from images i where i.id = ${id} and i.is_public = 1` +
    ` union select '${IMAGES_MARKER_PREFIX}' || s.account_id from image_shares s where s.image_id = ${id}`
  );
}

/** An image row itself: also its owner and publicity before the change (a deleted row is gone). */
function markersOfImageRow(row: 'NEW' | 'OLD'): string {
  return (
    `select '${IMAGES_MARKER_PREFIX}' || ${row}.account_id as name` +
    ` union select '${PUBLIC_IMAGES_MARKER}' where ${row}.is_public = 1 union ${markersOfImage(`${row}.id`)}`
  );
}

/** What each table's change bumps, by the trigger's row (NEW after insert or update, OLD after delete or update). */
const BUMPS: Readonly<Record<string, { readonly names: (row: 'NEW' | 'OLD') => string; readonly when?: (row: 'NEW' | 'OLD') => string }>> = {
  images: { names: markersOfImageRow },
  image_disks: { names: (row) => markersOfImage(`${row}.image_id`) },
  tags: { names: (row) => markersOfImage(`${row}.resource_id`), when: (row) => `${row}.resource_type = 'image'` },
  instances: { names: (row) => markersOfImage(`${row}.image_id`) },
  // The grantee, and the image's own markers: its owner sees whether it is shared (IsSelfShared).
  image_shares: { names: (row) => `select '${IMAGES_MARKER_PREFIX}' || ${row}.account_id as name union ${markersOfImage(`${row}.image_id`)}` },
};

/** One upsert of every distinct name. */
function bump(names: string): string {
  return (
    `insert into change_markers (name, version) select distinct name, 1 from (${names}) as bumped where true` +
    ' on conflict (name) do update set version = change_markers.version + 1'
  );
}

const EVENTS = [
  { event: 'insert', rows: ['NEW'] },
  { event: 'delete', rows: ['OLD'] },
  { event: 'update', rows: ['OLD', 'NEW'] },
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  for (const [table, { names, when }] of Object.entries(BUMPS)) {
    for (const { event, rows } of EVENTS) {
      const name = `${table}_${event}_marks_image_view`;
      const statements = rows.map((row) => `${bump(names(row))};`).join(' ');
      const condition = when === undefined ? undefined : rows.map((row) => when(row)).join(' or ');
      const guard = condition === undefined ? '' : ` when ${condition}`;
      await sql.raw(`create trigger ${name} after ${event} on ${table} for each row${guard} begin ${statements} end`).execute(db);
    }
  }
}

export const imageViewMarkersMigration: StoreMigration = { name: '011-image-view-markers', up };

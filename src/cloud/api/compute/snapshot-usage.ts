/**
 * What a snapshot is used by, as DescribeSnapshots' `Usage` reports it: an
 * existing image made from it (`image_disks.snapshot_id`, or the image's
 * `source_snapshot_id`), disks created from it (`disks.source_snapshot_id`),
 * both (`image_disk`) or nothing (`none`). The same queries guard DeleteSnapshot.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export type SnapshotUsage = 'image' | 'disk' | 'image_disk' | 'none';
export const SNAPSHOT_USAGES: readonly SnapshotUsage[] = ['image', 'disk', 'image_disk', 'none'];

type SnapshotsEb = ExpressionBuilder<Database, 'snapshots'>;

/** `EXISTS` an image (not deleted) that was made from the outer query's snapshot. */
export function usedByImage(eb: SnapshotsEb) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('image_disks')
        .innerJoin('images', 'images.id', 'image_disks.image_id')
        .select('image_disks.image_id')
        .whereRef('image_disks.snapshot_id', '=', 'snapshots.id')
        .where('images.status', '!=', 'Deleted'),
    ),
    eb.exists(
      eb
        .selectFrom('images')
        .select('images.id')
        .whereRef('images.source_snapshot_id', '=', 'snapshots.id')
        .where('images.status', '!=', 'Deleted'),
    ),
  ]);
}

/** `EXISTS` a disk created from the outer query's snapshot. */
export function usedByDisk(eb: SnapshotsEb) {
  return eb.exists(eb.selectFrom('disks').select('disks.id').whereRef('disks.source_snapshot_id', '=', 'snapshots.id'));
}

export function usageOf(byImage: boolean, byDisk: boolean): SnapshotUsage {
  if (byImage && byDisk) return 'image_disk';
  if (byImage) return 'image';
  return byDisk ? 'disk' : 'none';
}

/** Usage of a page of snapshots in two queries: id → usage. */
export async function usagesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, SnapshotUsage>> {
  const result = new Map<string, SnapshotUsage>(ids.map((id) => [id, 'none']));
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('snapshots')
    .select((eb) => ['snapshots.id', usedByImage(eb).as('by_image'), usedByDisk(eb).as('by_disk')])
    .where('snapshots.id', 'in', [...ids])
    .execute();
  for (const row of rows) result.set(row.id, usageOf(Boolean(Number(row.by_image)), Boolean(Number(row.by_disk))));
  return result;
}

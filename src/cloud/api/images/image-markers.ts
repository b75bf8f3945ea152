/**
 * What a process may keep of an account's DescribeImages (counts, rows read
 * by id) is valid while this stamp stays the same: the versions of the
 * markers that move whenever anything that account could count or see
 * changes (migration 011) — its own, the system's and the public images'.
 * Read with the other markers of the turn (`change-marker.ts`).
 */
import type { Kysely } from 'kysely';
import { changeMarkersOf } from '../../store/change-marker.js';
import { IMAGES_MARKER_PREFIX, PUBLIC_IMAGES_MARKER } from '../../store/migrations/011-image-view-markers.js';
import type { Database } from '../../store/schema.js';
import { SYSTEM_ACCOUNT_ID } from '../catalog/system-images.js';

export async function imageViewStamp(db: Kysely<Database>, accountId: string): Promise<string> {
  const names = [`${IMAGES_MARKER_PREFIX}${accountId}`, `${IMAGES_MARKER_PREFIX}${SYSTEM_ACCOUNT_ID}`, PUBLIC_IMAGES_MARKER];
  const read = await changeMarkersOf(db).versions(names);
  // A marker not bumped yet has no row: 0, and its first bump makes it 1.
  return names.map((name) => read.get(name) ?? 0).join(',');
}

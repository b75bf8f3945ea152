/**
 * Rules on the snapshots an image is made from.
 */

/** Snapshots made on or before 2013-07-15 (UTC) cannot become images: the first instant allowed. */
export const OLDEST_IMAGE_SNAPSHOT_TIME = Date.UTC(2013, 6, 16);

/** `createdAt` in epoch milliseconds. */
export function snapshotTooOldProblem(snapshotId: string, createdAt: number): string | undefined {
  if (createdAt >= OLDEST_IMAGE_SNAPSHOT_TIME) return undefined;
  return `snapshot ${snapshotId} was created on or before 2013-07-15 and cannot be used to create an image`;
}

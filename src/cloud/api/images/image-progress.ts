/**
 * An image's creation progress, derived from the clock rather than written on
 * every tick: a Creating image is `elapsed / planned duration` done (capped at
 * 99% until the job finishes it), so any read shows it moving while the store
 * is written only twice (created, finished).
 */
import type { ImageRow } from './image-lookup.js';

export function progressPercent(image: Pick<ImageRow, 'status' | 'progress' | 'creation_time' | 'available_at'>, now: number, plannedMs: number): number {
  if (image.status === 'Available' || image.status === 'Deprecated') return 100;
  if (image.status !== 'Creating' && image.status !== 'Waiting') return Number(image.progress);
  const start = Number(image.creation_time);
  const end = image.available_at === null ? start + plannedMs : Number(image.available_at);
  const span = Math.max(end - start, 1);
  const percent = Math.floor(((now - start) / span) * 100);
  return Math.min(99, Math.max(Number(image.progress), percent, 0));
}

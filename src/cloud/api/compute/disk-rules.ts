/**
 * The disk categories the cloud offers and its defaults. The documented limits (sizes per
 * category, performance levels, the data disk count) are `domain/disk-limits.ts`, shared
 * with the providers' plan-time checks.
 */
import { DEFAULT_PERFORMANCE_LEVEL } from '../../../domain/disk-limits.js';
import { DISK_CATEGORIES } from '../../../domain/image-enums.js';

/** Categories a system disk may use (the basic `cloud` disk included, for old zones). */
export const SYSTEM_DISK_CATEGORIES = DISK_CATEGORIES;

/** Categories a data disk may use; the ephemeral and regional kinds are not offered here. */
export const DATA_DISK_CATEGORIES = SYSTEM_DISK_CATEGORIES;

export const DEFAULT_SYSTEM_DISK_CATEGORY = 'cloud_essd';
export const DEFAULT_DATA_DISK_CATEGORY = 'cloud';

/** Only ESSDs have performance levels; other categories report an empty one. */
export function performanceLevelFor(category: string, given: string | undefined): string {
  if (category !== 'cloud_essd') return '';
  return given ?? DEFAULT_PERFORMANCE_LEVEL;
}

/** The default system disk size: max(40, image size). */
export function defaultSystemDiskSize(imageSize: number): number {
  return Math.max(40, imageSize);
}

/**
 * Disk categories, performance levels and the size ranges ECS allows for each
 * (RunInstances SystemDisk.* / DataDisk.N.* and CreateDisk docs, ecs-api.md).
 * Pure data and functions: callers turn a `undefined` into their own error code.
 */
import { DISK_CATEGORIES } from '../../../domain/image-enums.js';

export const PERFORMANCE_LEVELS = ['PL0', 'PL1', 'PL2', 'PL3'] as const;
export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];
export const DEFAULT_PERFORMANCE_LEVEL: PerformanceLevel = 'PL1';

/** Categories a system disk may use (the basic `cloud` disk included, for old zones). */
export const SYSTEM_DISK_CATEGORIES = DISK_CATEGORIES;

/** Categories a data disk may use; the ephemeral and regional kinds are not offered here. */
export const DATA_DISK_CATEGORIES = SYSTEM_DISK_CATEGORIES;

export const DEFAULT_SYSTEM_DISK_CATEGORY = 'cloud_essd';
export const DEFAULT_DATA_DISK_CATEGORY = 'cloud';

/** At most this many data disks on one instance (16 besides the system disk). */
export const MAX_DATA_DISKS = 16;

export interface SizeRange {
  readonly min: number;
  readonly max: number;
}

const ESSD_DATA_RANGES: Readonly<Record<PerformanceLevel, SizeRange>> = {
  PL0: { min: 1, max: 65536 },
  PL1: { min: 20, max: 65536 },
  PL2: { min: 461, max: 65536 },
  PL3: { min: 1261, max: 65536 },
};

export function isPerformanceLevel(value: string): value is PerformanceLevel {
  return (PERFORMANCE_LEVELS as readonly string[]).includes(value);
}

/** Only ESSDs have performance levels; other categories report an empty one. */
export function performanceLevelFor(category: string, given: string | undefined): string {
  if (category !== 'cloud_essd') return '';
  return given ?? DEFAULT_PERFORMANCE_LEVEL;
}

/** Data disk sizes in GiB by category (and level for ESSDs); undefined for unknown categories. */
export function dataDiskSizeRange(category: string, performanceLevel: string): SizeRange | undefined {
  switch (category) {
    case 'cloud':
      return { min: 5, max: 2000 };
    case 'cloud_efficiency':
    case 'cloud_ssd':
    case 'cloud_auto':
      return { min: 20, max: 32768 };
    case 'cloud_essd_entry':
      return { min: 10, max: 32768 };
    case 'cloud_essd':
      return isPerformanceLevel(performanceLevel) ? ESSD_DATA_RANGES[performanceLevel] : undefined;
    default:
      return undefined;
  }
}

/** System disk sizes in GiB: 20–2048 (basic disks 20–500; ESSD PL0 from 1). */
export function systemDiskSizeRange(category: string, performanceLevel: string): SizeRange {
  if (category === 'cloud') return { min: 20, max: 500 };
  if (category === 'cloud_essd' && performanceLevel === 'PL0') return { min: 1, max: 2048 };
  return { min: 20, max: 2048 };
}

/** The default system disk size: max(40, image size). */
export function defaultSystemDiskSize(imageSize: number): number {
  return Math.max(40, imageSize);
}

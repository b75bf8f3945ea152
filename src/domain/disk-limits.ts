/**
 * The documented disk limits, once, for the cloud's validators and the providers' plan-time
 * checks alike (ecs-api.md: RunInstances SystemDisk.* / DataDisk.N.*, CreateDisk, CreateImage
 * DiskDeviceMapping.N; alibabacloudstack.md §2 for Apsara Stack). A provider can only check
 * one attribute at a time, so it uses the *bounds* of a rule (the smallest minimum and the
 * largest maximum over every category); the cloud, which sees the category, checks the
 * exact range. A value outside the bounds is then refused at plan time, and one inside them
 * is refused by the cloud only for a reason the plan could not know.
 */
import { BASIC_DISK_CATEGORY } from './image-enums.js';

export interface SizeRange {
  /** GiB, inclusive. */
  readonly min: number;
  readonly max: number;
}

/** ESSD performance levels; other categories have none. */
export const PERFORMANCE_LEVELS = ['PL0', 'PL1', 'PL2', 'PL3'] as const;
export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];
/** What ECS gives an ESSD created without a level. */
export const DEFAULT_PERFORMANCE_LEVEL: PerformanceLevel = 'PL1';

export function isPerformanceLevel(value: string): value is PerformanceLevel {
  return (PERFORMANCE_LEVELS as readonly string[]).includes(value);
}

/**
 * Data disks besides the system disk: 16 on an instance (RunInstances DataDisk.N) and in an
 * image (CreateImage DiskDeviceMapping.N) alike.
 */
export const MAX_DATA_DISKS = 16;

/** Instance and standalone data disks (RunInstances DataDisk.N.Size, CreateDisk Size). */
const ESSD_DATA_RANGES: Readonly<Record<PerformanceLevel, SizeRange>> = {
  PL0: { min: 1, max: 65536 },
  PL1: { min: 20, max: 65536 },
  PL2: { min: 461, max: 65536 },
  PL3: { min: 1261, max: 65536 },
};
const DATA_RANGES: Readonly<Record<string, SizeRange>> = {
  cloud: { min: 5, max: 2000 },
  cloud_efficiency: { min: 20, max: 32768 },
  cloud_ssd: { min: 20, max: 32768 },
  cloud_auto: { min: 20, max: 32768 },
  cloud_essd_entry: { min: 10, max: 32768 },
};

/** Data disk sizes by category (and level for ESSDs); undefined for an unknown category or level. */
export function dataDiskSizeRange(category: string, performanceLevel: string): SizeRange | undefined {
  if (category === 'cloud_essd') return isPerformanceLevel(performanceLevel) ? ESSD_DATA_RANGES[performanceLevel] : undefined;
  return DATA_RANGES[category];
}

/**
 * System disks (RunInstances SystemDisk.Size): 20–2048 whatever the category, except basic
 * disks (20–500) and ESSD PL0 (from 1). Note the maximum is not a data disk's: a data disk of
 * the same category goes to 32768 or 65536.
 */
export function systemDiskSizeRange(category: string, performanceLevel: string): SizeRange {
  if (category === BASIC_DISK_CATEGORY) return { min: 20, max: 500 };
  if (category === 'cloud_essd' && performanceLevel === 'PL0') return { min: 1, max: 2048 };
  return { min: 20, max: 2048 };
}

/**
 * An empty disk in a custom image (CreateImage DiskDeviceMapping.N.Size): basic disks 5–2000,
 * the others 20–32768 whatever their level (the CreateImage reference caps ESSDs at 32768,
 * below the 65536 an instance's ESSD data disk may have).
 */
export function imageDiskSizeRange(category: string): SizeRange & { readonly default: number } {
  return category === BASIC_DISK_CATEGORY ? { min: 5, max: 2000, default: 5 } : { min: 20, max: 32768, default: 20 };
}

/**
 * Apsara Stack's `alibabacloudstack_image` documents 5–2000 GiB for `disk_device_mapping.size`
 * whatever the category (alibabacloudstack.md §2): the basic-disk range of public ECS.
 */
export const APSARA_IMAGE_DISK_SIZE: SizeRange = { min: 5, max: 2000 };

const CATEGORIES_WITH_LEVELS = [...Object.keys(DATA_RANGES), 'cloud_essd'] as const;

function bounds(ranges: readonly SizeRange[]): SizeRange {
  return { min: Math.min(...ranges.map((range) => range.min)), max: Math.max(...ranges.map((range) => range.max)) };
}

/** What no data disk of any category may be: the bounds of `dataDiskSizeRange`. */
export const DATA_DISK_SIZE_BOUNDS: SizeRange = bounds([...Object.values(DATA_RANGES), ...Object.values(ESSD_DATA_RANGES)]);

/** The bounds of `systemDiskSizeRange` over every category and level. */
export const SYSTEM_DISK_SIZE_BOUNDS: SizeRange = bounds(
  CATEGORIES_WITH_LEVELS.flatMap((category) => PERFORMANCE_LEVELS.map((level) => systemDiskSizeRange(category, level))),
);

/** The bounds of `imageDiskSizeRange` (an image disk made from a snapshot is bounded by the same maximum). */
export const IMAGE_DISK_SIZE_BOUNDS: SizeRange = bounds([imageDiskSizeRange(BASIC_DISK_CATEGORY), imageDiskSizeRange('cloud_essd')]);

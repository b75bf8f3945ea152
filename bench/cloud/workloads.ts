/**
 * The requests behind each figure, as action parameters (the load process adds
 * and signs the system parameters per request).
 */
import type { CreateCycleWorkload, RequestsWorkload } from '../load/load-plan.js';
import { SEEDED_FAMILIES, seededFamily } from './seed-images.js';

const ECS_VERSION = '2014-05-26';

/** How many distinct ids figure (a) cycles through (spread over the stored images). */
const BY_ID_SAMPLE = 2_000;

/** (a) DescribeImages of one image by id, a different stored image each time. */
export function describeByIdWorkload(regionId: string, imageIds: readonly string[]): RequestsWorkload {
  const step = Math.max(1, Math.floor(imageIds.length / BY_ID_SAMPLE));
  const sample = imageIds.filter((_, index) => index % step === 0).slice(0, BY_ID_SAMPLE);
  return {
    kind: 'requests',
    paramSets: sample.map((id) => ({ Action: 'DescribeImages', Version: ECS_VERSION, RegionId: regionId, ImageId: id })),
  };
}

export const FILTERED_PAGE_SIZE = 50;
const FILTERED_PAGES = 10;

/**
 * (b) A filtered page: the caller's own x86_64 Linux images of one family,
 * newest first, 50 a page, pages 1–10 (each answer counts the whole match,
 * about 8,000 images of the 100,000, as ECS's TotalCount must).
 */
export function filteredPageWorkload(regionId: string): RequestsWorkload {
  const paramSets: Record<string, string>[] = [];
  for (let family = 0; family < SEEDED_FAMILIES; family += 1) {
    for (let page = 1; page <= FILTERED_PAGES; page += 1) {
      paramSets.push({
        Action: 'DescribeImages',
        Version: ECS_VERSION,
        RegionId: regionId,
        ImageOwnerAlias: 'self',
        ImageFamily: seededFamily(family),
        Architecture: 'x86_64',
        OSType: 'linux',
        Status: 'Available',
        PageSize: String(FILTERED_PAGE_SIZE),
        PageNumber: String(page),
      });
    }
  }
  // interleave families and pages, so consecutive requests do not hit the same rows
  return { kind: 'requests', paramSets: paramSets.sort((x, y) => Number(x['PageNumber']) - Number(y['PageNumber'])) };
}

/** (c) CreateImage from a system-disk snapshot, then poll until Available. */
export function createCycleWorkload(regionId: string, snapshotId: string, pollIntervalMs: number): CreateCycleWorkload {
  return {
    kind: 'create-cycle',
    create: { Action: 'CreateImage', Version: ECS_VERSION, RegionId: regionId, SnapshotId: snapshotId },
    pollIntervalMs,
    cycleTimeoutMs: 30_000,
  };
}

/** The ceiling gets the same signed DescribeImages requests as (a); it just does not read them. */
export const ceilingWorkload = describeByIdWorkload;

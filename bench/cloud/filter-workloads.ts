/**
 * Figure (f): one DescribeImages filter at a time, as users write them, each
 * over the seeded images (see `seed-images.ts` for what matches what). Every
 * case asks pages 1–5 of 50, newest first, with the whole TotalCount, and
 * varies its filter value where the seed has several.
 */
import type { RequestsWorkload } from '../load/load-plan.js';
import { SEEDED_FAMILIES, SEEDED_SNAPSHOTS, SEEDED_TEAMS, TEAM_TAG_KEY, seededFamily, seededImageName, seededSnapshot, seededTeam } from './seed-images.js';
import { FILTERED_PAGE_SIZE } from './workloads.js';

const ECS_VERSION = '2014-05-26';
const PAGES = 5;
/** Filter values a case cycles through (where the seed has that many). */
const VALUES = 10;

export interface FilterCase {
  readonly name: string;
  readonly workload: RequestsWorkload;
}

export interface FilterSeed {
  readonly regionId: string;
  readonly imageCount: number;
  /** The account's non-default resource group, where every fourth image is. */
  readonly otherResourceGroupId: string;
}

type Filter = (variant: number) => Record<string, string>;

function filterCase(seed: FilterSeed, name: string, filter: Filter): FilterCase {
  const paramSets: Record<string, string>[] = [];
  for (let page = 1; page <= PAGES; page += 1) {
    for (let variant = 0; variant < VALUES; variant += 1) {
      paramSets.push({
        Action: 'DescribeImages',
        Version: ECS_VERSION,
        RegionId: seed.regionId,
        ...filter(variant),
        PageSize: String(FILTERED_PAGE_SIZE),
        PageNumber: String(page),
      });
    }
  }
  return { name, workload: { kind: 'requests', paramSets } };
}

export function filterCases(seed: FilterSeed): FilterCase[] {
  const self = { ImageOwnerAlias: 'self' };
  // A part of about a hundred seeded names (bench-image-N, bench-image-N0 … N9, bench-image-N00 … N99).
  const name = (variant: number): string => seededImageName(Math.floor(((variant + 1) * seed.imageCount) / (VALUES + 2) / 10));
  const family = (variant: number): string => seededFamily(variant % SEEDED_FAMILIES);
  const team = (variant: number): string => seededTeam(variant % SEEDED_TEAMS);
  const snapshot = (variant: number): string => seededSnapshot((variant * 97) % SEEDED_SNAPSHOTS);
  return [
    filterCase(seed, 'ImageOwnerAlias=self', () => self),
    filterCase(seed, 'Status=Available (any owner)', () => ({ Status: 'Available' })),
    filterCase(seed, 'ImageOwnerAlias=self, Status=Available,Creating', () => ({ ...self, Status: 'Available,Creating' })),
    filterCase(seed, 'ImageName (a part of some names)', (v) => ({ ImageName: name(v) })),
    filterCase(seed, 'Tag.1.Key + Tag.1.Value', (v) => ({ 'Tag.1.Key': TEAM_TAG_KEY, 'Tag.1.Value': team(v) })),
    filterCase(seed, 'Tag.1.Key alone', () => ({ 'Tag.1.Key': TEAM_TAG_KEY })),
    filterCase(seed, 'ImageFamily', (v) => ({ ImageFamily: family(v) })),
    filterCase(seed, 'Architecture=arm64', () => ({ Architecture: 'arm64' })),
    filterCase(seed, 'OSType=linux', () => ({ OSType: 'linux' })),
    filterCase(seed, 'Usage=instance', () => ({ Usage: 'instance' })),
    filterCase(seed, 'Usage=none', () => ({ ...self, Usage: 'none' })),
    filterCase(seed, 'ResourceGroupId (a non-default group)', () => ({ ResourceGroupId: seed.otherResourceGroupId })),
    filterCase(seed, 'SnapshotId', (v) => ({ SnapshotId: snapshot(v) })),
    filterCase(seed, 'self + ImageFamily + x86_64 + linux (figure b)', (v) => ({ ...self, ImageFamily: family(v), Architecture: 'x86_64', OSType: 'linux' })),
    filterCase(seed, 'self + Tag.1 + Architecture=arm64', (v) => ({ ...self, 'Tag.1.Key': TEAM_TAG_KEY, 'Tag.1.Value': team(v), Architecture: 'arm64' })),
    filterCase(seed, 'self + ImageName + OSType=linux', (v) => ({ ...self, ImageName: name(v), OSType: 'linux' })),
  ];
}

/**
 * The two ISO-8601 UTC shapes ECS answers with: `yyyy-MM-ddTHH:mmZ` for
 * instances (CreationTime, StartTime, ExpiredTime) and `yyyy-MM-ddTHH:mm:ssZ`
 * for disks and snapshots.
 */

/** ECS's "never expires" for pay-as-you-go instances. */
export const NEVER_EXPIRES = '2099-12-31T15:59Z';

export function isoMinutes(epochMs: number | string): string {
  return new Date(Number(epochMs)).toISOString().slice(0, 16) + 'Z';
}

export function isoSeconds(epochMs: number | string): string {
  return new Date(Number(epochMs)).toISOString().slice(0, 19) + 'Z';
}

/** Empty for an absent time, as DescribeDisks reports a never-attached disk's AttachedTime. */
export function isoSecondsOrEmpty(epochMs: number | string | null): string {
  return epochMs === null || Number(epochMs) === 0 ? '' : isoSeconds(epochMs);
}

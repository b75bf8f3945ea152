/** Shapes shared by the network responses: timestamps, owner ids, list wrappers. */

/** `yyyy-MM-ddTHH:mm:ssZ`, as CreationTime is rendered. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `OwnerId` is a number in the VPC responses; account ids are numeric strings
 * (anything else renders as 0 rather than NaN).
 */
export function ownerIdOf(accountId: string): number {
  return /^\d+$/.test(accountId) ? Number(accountId) : 0;
}

/** Boolean flags are stored as 0/1. */
export function flag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

/**
 * The documented shapes of the free-text attributes of instances, disks and
 * snapshots (RunInstances / CreateDisk / CreateSnapshot parameter docs). Each
 * check throws the ECS error the real API answers with; absent values are the
 * caller's business.
 */
import { EcsError, type ErrorCode } from '../errors.js';
import { ECS_DESCRIPTION, ECS_NAME, followsTextRule } from '../../../domain/resource-text-rules.js';

const CJK = '\\u4e00-\\u9fff\\u3400-\\u4dbf';

/**
 * A name: 2–128 characters, starts with a letter or a Chinese character, no
 * `http(s)://` prefix; letters, digits, periods, colons, underscores and hyphens.
 * `sequence` also allows the `[begin,bits]` naming syntax of RunInstances.
 */
function isValidName(value: string, sequence: boolean): boolean {
  if (!followsTextRule(value, ECS_NAME)) return false;
  const extra = sequence ? ',\\[\\]' : '';
  return new RegExp(`^[a-zA-Z${CJK}][a-zA-Z${CJK}0-9.:_\\-${extra}]*$`, 'u').test(value);
}

export function checkInstanceName(value: string): void {
  if (!isValidName(value, true)) throw new EcsError('InvalidInstanceName.Malformed');
}

export function checkDiskName(value: string): void {
  if (!isValidName(value, false)) throw new EcsError('InvalidDiskName.Malformed');
}

/** Snapshot names also must not start with `auto`: that prefix marks automatic snapshots. */
export function checkSnapshotName(value: string): void {
  if (!isValidName(value, false) || value.toLowerCase().startsWith('auto')) {
    throw new EcsError('InvalidSnapshotName.Malformed');
  }
}

/** A description: 2–256 characters, no `http(s)://` prefix. */
export function isValidDescription(value: string): boolean {
  return followsTextRule(value, ECS_DESCRIPTION);
}

export function checkDescription(value: string, code: ErrorCode = 'InvalidDescription.Malformed'): void {
  if (!isValidDescription(value)) throw new EcsError(code);
}

/**
 * HostName: Windows 2–15 characters of letters, digits and hyphens, not all
 * digits; Linux 2–64 characters, dot-separated labels of letters, digits and
 * hyphens that neither start nor end with a period or hyphen.
 */
export function checkHostName(value: string, osType: string): void {
  const windows = osType === 'windows';
  const valid = windows
    ? /^[a-zA-Z0-9-]{2,15}$/.test(value) && !/^\d+$/.test(value) && !/^-|-$/.test(value)
    : value.length >= 2 &&
      value.length <= 64 &&
      value.split('.').every((label) => /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/.test(label));
  if (!valid) throw new EcsError('InvalidHostName.Malformed');
}

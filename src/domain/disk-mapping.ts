/**
 * The layout of an image's disks (CreateImage `DiskDeviceMapping.N`): exactly
 * one system disk made from a snapshot, up to 16 data disks, per-category
 * sizes and device names. `planDiskMappings` turns what the caller asked for
 * (with the snapshots already looked up) into the disks the image will list,
 * filling in the defaults the API documents, or names the first broken rule.
 *
 * Sources disagree on device names: the SDK says the system disk is
 * /dev/xvda and data disks /dev/xvdb–/dev/xvdz; the product docs say basic
 * (`cloud`) disks use /dev/xvda–xvdz and the others /dev/vda–vdz. We accept
 * both families except on basic disks (xvd only). Left empty, the system disk
 * gets /dev/xvda, the device an image made from an instance lists (so both
 * kinds of image read the same), and data disks of non-basic categories vd*.
 */
import { BASIC_DISK_CATEGORY, type ImageDiskType, isOneOf, IMAGE_DISK_TYPES } from './image-enums.js';
import { snapshotTooOldProblem } from './snapshot-rules.js';
import { imageDiskSizeRange, MAX_DATA_DISKS } from './disk-limits.js';

/** What the image needs to know about a snapshot named by a mapping. */
export interface SnapshotFacts {
  readonly id: string;
  /** Size of the disk the snapshot was taken of, GiB. */
  readonly sizeGiB: number;
  readonly sourceDiskType: ImageDiskType;
  /** Category of the source disk (`cloud`, `cloud_essd`, …). */
  readonly category: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** One requested mapping; empty strings and zero sizes mean "not given", as clients send them. */
export interface DiskMappingRequest {
  readonly device?: string;
  readonly diskType?: string;
  readonly size?: number;
  readonly snapshot?: SnapshotFacts;
}

export interface PlannedDisk {
  readonly device: string;
  readonly diskType: ImageDiskType;
  readonly size: number;
  /** "" for an empty disk. */
  readonly snapshotId: string;
  readonly category: string;
}

export type DiskMappingProblemKind =
  | 'disk-type-invalid'
  | 'device-malformed'
  | 'device-in-use'
  | 'size-out-of-range'
  | 'no-system-snapshot'
  | 'several-system-disks'
  | 'too-many-data-disks'
  | 'snapshot-too-old';

export interface DiskMappingProblem {
  readonly kind: DiskMappingProblemKind;
  /** 1-based position of the offending mapping, when one is to blame. */
  readonly index?: number;
  readonly message: string;
}

export type DiskMappingPlan =
  | { readonly ok: true; readonly disks: readonly PlannedDisk[] }
  | { readonly ok: false; readonly problem: DiskMappingProblem };

export function isBasicCategory(category: string): boolean {
  return category === BASIC_DISK_CATEGORY;
}

/** Size range of a disk made from a snapshot: at least the snapshot, at most the category's maximum. */
export function snapshotDiskSizeRange(category: string, snapshotSize: number): ReturnType<typeof imageDiskSizeRange> {
  return { min: snapshotSize, max: imageDiskSizeRange(category).max, default: snapshotSize };
}

/** The device letter (a = first disk) of a valid device name for this category, or undefined. */
export function deviceLetter(device: string, category: string): string | undefined {
  const match = /^\/dev\/(xvd|vd)([a-z])$/.exec(device);
  if (match === null) return undefined;
  if (isBasicCategory(category) && match[1] !== 'xvd') return undefined;
  return match[2];
}

/** The system disk's device when the caller gives none, whatever the category. */
export const SYSTEM_DEVICE = '/dev/xvda';

export function deviceName(letter: string, category: string): string {
  return `/dev/${isBasicCategory(category) ? 'xvd' : 'vd'}${letter}`;
}

export function validDeviceNames(category: string): string {
  return isBasicCategory(category) ? '/dev/xvda to /dev/xvdz' : '/dev/vda to /dev/vdz (or /dev/xvda to /dev/xvdz)';
}

interface TypedRequest {
  readonly index: number;
  readonly request: DiskMappingRequest;
  readonly diskType: ImageDiskType;
  readonly category: string;
}

const fail = (kind: DiskMappingProblemKind, message: string, index?: number): DiskMappingPlan => ({
  ok: false,
  problem: index === undefined ? { kind, message } : { kind, index, message },
});

/**
 * @param defaultCategory category of empty disks when no system snapshot tells
 *   it (the API takes no category; an empty disk follows the system disk's).
 */
export function planDiskMappings(
  requests: readonly DiskMappingRequest[],
  defaultCategory = 'cloud_essd',
): DiskMappingPlan {
  const typed: TypedRequest[] = [];
  for (const [position, request] of requests.entries()) {
    const index = position + 1;
    const given = request.diskType === '' ? undefined : request.diskType;
    if (given !== undefined && !isOneOf(IMAGE_DISK_TYPES, given)) {
      return fail('disk-type-invalid', `disk mapping ${index}: disk type must be system or data (got "${given}")`, index);
    }
    const diskType: ImageDiskType = given ?? request.snapshot?.sourceDiskType ?? 'data';
    typed.push({ index, request, diskType, category: request.snapshot?.category ?? '' });
  }

  const systems = typed.filter((entry) => entry.diskType === 'system');
  if (systems.length > 1) {
    return fail('several-system-disks', 'the disk mappings name more than one system disk; an image has exactly one');
  }
  const system = systems[0];
  if (system?.request.snapshot === undefined) {
    return fail(
      'no-system-snapshot',
      'the disk mappings contain no system disk snapshot; an image needs exactly one',
      system?.index,
    );
  }
  const dataCount = typed.length - 1;
  if (dataCount > MAX_DATA_DISKS) {
    return fail('too-many-data-disks', `an image has at most ${MAX_DATA_DISKS} data disks (got ${dataCount})`);
  }
  const emptyCategory = system.request.snapshot.category || defaultCategory;
  const ordered = [system, ...typed.filter((entry) => entry !== system)].map((entry) =>
    entry.category === '' ? { ...entry, category: emptyCategory } : entry,
  );

  for (const entry of ordered) {
    const snapshot = entry.request.snapshot;
    if (snapshot === undefined) continue;
    const tooOld = snapshotTooOldProblem(snapshot.id, snapshot.createdAt);
    if (tooOld !== undefined) return fail('snapshot-too-old', `disk mapping ${entry.index}: ${tooOld}`, entry.index);
  }

  const usedLetters = new Set<string>();
  for (const entry of ordered) {
    const device = entry.request.device;
    if (device === undefined || device === '') continue;
    const letter = deviceLetter(device, entry.category);
    const placeOk = letter !== undefined && (entry.diskType === 'system') === (letter === 'a');
    if (!placeOk) {
      const expected =
        entry.diskType === 'system'
          ? `the system disk's device must be ${deviceName('a', entry.category)}`
          : `a data disk's device must be one of ${validDeviceNames(entry.category)}, except the first`;
      return fail('device-malformed', `disk mapping ${entry.index}: device "${device}" is not valid: ${expected}`, entry.index);
    }
    if (usedLetters.has(letter)) {
      return fail('device-in-use', `disk mapping ${entry.index}: device "${device}" is already used by another disk`, entry.index);
    }
    usedLetters.add(letter);
  }

  const disks: PlannedDisk[] = [];
  for (const entry of ordered) {
    const snapshot = entry.request.snapshot;
    const range =
      snapshot === undefined ? imageDiskSizeRange(entry.category) : snapshotDiskSizeRange(entry.category, snapshot.sizeGiB);
    const size = entry.request.size === undefined || entry.request.size === 0 ? range.default : entry.request.size;
    if (!Number.isInteger(size) || size < range.min || size > range.max) {
      const source = snapshot === undefined ? `an empty ${entry.category} disk` : `a disk from snapshot ${snapshot.id}`;
      return fail(
        'size-out-of-range',
        `disk mapping ${entry.index}: size ${size} GiB is not valid for ${source}: it must be ${range.min} to ${range.max} GiB`,
        entry.index,
      );
    }
    const device = entry.request.device === undefined || entry.request.device === '' ? undefined : entry.request.device;
    disks.push({
      device: device ?? assignDevice(entry, usedLetters),
      diskType: entry.diskType,
      size,
      snapshotId: snapshot?.id ?? '',
      category: entry.category,
    });
  }
  return { ok: true, disks };
}

function assignDevice(entry: TypedRequest, used: Set<string>): string {
  if (entry.diskType === 'system') {
    used.add('a');
    return SYSTEM_DEVICE;
  }
  for (let code = 'b'.charCodeAt(0); code <= 'z'.charCodeAt(0); code += 1) {
    const letter = String.fromCharCode(code);
    if (used.has(letter)) continue;
    used.add(letter);
    return deviceName(letter, entry.category);
  }
  // 16 data disks never exhaust b–z; reaching this is a bug in the caller's limits.
  throw new Error('domain bug: no free device letter');
}

/**
 * Reads an image's settable attributes out of a request and holds them to the
 * documented rules (`domain/`), answering ECS's error code for each breach.
 * Every reader returns undefined for an absent (or empty) parameter: what
 * absence means is the action's business.
 */
import type { Params } from '../params.js';
import { EcsError } from '../errors.js';
import {
  ARCHITECTURES,
  BOOT_MODES,
  DETECTION_STRATEGIES,
  IMDS_SUPPORT_VALUES,
  isOneOf,
  LICENSE_TYPES,
  NVME_SUPPORT_VALUES,
  PLATFORMS,
  SECURE_BOOT_SUPPORT_VALUES,
  type Architecture,
  type BootMode,
  type DetectionStrategy,
  type ImdsSupport,
  type LicenseType,
  type NvmeSupport,
  type Platform,
} from '../../../domain/image-enums.js';
import {
  imageDescriptionProblem,
  imageFamilyProblem,
  imageNameProblem,
  imageVersionProblem,
} from '../../../domain/image-text-rules.js';

/** The API reference allows a Chinese first character in names and families. */
const NAME_OPTIONS = { allowChinese: true } as const;

export function readImageName(params: Params, name = 'ImageName'): string | undefined {
  const value = params.string(name);
  if (value !== undefined && imageNameProblem(value, NAME_OPTIONS) !== undefined) {
    throw new EcsError('InvalidImageName.Malformed');
  }
  return value;
}

export function readDescription(params: Params, name = 'Description'): string | undefined {
  const value = params.string(name);
  if (value !== undefined && imageDescriptionProblem(value) !== undefined) {
    throw new EcsError('InvalidDescription.Malformed');
  }
  return value;
}

export function readImageFamily(params: Params): string | undefined {
  const value = params.string('ImageFamily');
  if (value !== undefined && imageFamilyProblem(value, NAME_OPTIONS) !== undefined) {
    throw new EcsError('InvalidImageFamily.Malformed');
  }
  return value;
}

export function readImageVersion(params: Params): string | undefined {
  const value = params.string('ImageVersion');
  if (value !== undefined && imageVersionProblem(value) !== undefined) {
    throw new EcsError('InvalidImageVersion.Malformed');
  }
  return value;
}

export function readArchitecture(params: Params): Architecture | undefined {
  const value = params.string('Architecture');
  if (value === undefined) return undefined;
  if (!isOneOf(ARCHITECTURES, value)) throw new EcsError('InvalidArchitecture.Malformed');
  return value;
}

export function readPlatform(params: Params): Platform | undefined {
  const value = params.string('Platform');
  if (value === undefined) return undefined;
  if (!isOneOf(PLATFORMS, value)) throw new EcsError('InvalidPlatform.Malformed');
  return value;
}

export function readBootMode(params: Params): BootMode | undefined {
  const value = params.string('BootMode');
  if (value === undefined) return undefined;
  if (!isOneOf(BOOT_MODES, value)) throw new EcsError('InvalidBootMode.ValueNotSupported');
  return value;
}

export function readLicenseType(params: Params): LicenseType | undefined {
  const value = params.string('LicenseType');
  if (value === undefined) return undefined;
  if (!isOneOf(LICENSE_TYPES, value)) throw new EcsError('InvalidLicenseType.ValueNotSupported');
  return value;
}

export function readDetectionStrategy(params: Params): DetectionStrategy | undefined {
  const value = params.string('DetectionStrategy');
  if (value === undefined) return undefined;
  if (!isOneOf(DETECTION_STRATEGIES, value)) throw new EcsError('InvalidDetectionStrategy.ValueNotSupported');
  return value;
}

export function readImdsSupport(params: Params): ImdsSupport | undefined {
  const value = params.string('Features.ImdsSupport');
  if (value === undefined) return undefined;
  if (!isOneOf(IMDS_SUPPORT_VALUES, value)) throw EcsError.invalidParameter('Features.ImdsSupport');
  return value;
}

export function readNvmeSupport(params: Params): NvmeSupport | undefined {
  const value = params.string('Features.NvmeSupport');
  if (value === undefined) return undefined;
  if (!isOneOf(NVME_SUPPORT_VALUES, value)) throw EcsError.invalidParameter('Features.NvmeSupport');
  return value;
}

/** Validated for the caller's sake; the store keeps no secure-boot column, so it is not persisted. */
export function checkSecureBootOptions(params: Params): void {
  const value = params.string('SecureBootOptions.SecureBootSupport');
  if (value !== undefined && !isOneOf(SECURE_BOOT_SUPPORT_VALUES, value)) {
    throw EcsError.invalidParameter('SecureBootOptions.SecureBootSupport');
  }
}

export { endDryRun } from '../dry-run.js';

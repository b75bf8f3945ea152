/**
 * The schema of `alicloud_image`: every argument and attribute of the seed document, with
 * the documented rules checked at plan time through the shared `domain/` rules (so the
 * provider and the cloud agree on what is valid). Flag changes against the reference
 * provider are explained in `image.ts`'s header.
 */
import {
  ARCHITECTURES,
  BOOT_MODES,
  DETECTION_STRATEGIES,
  IMAGE_DISK_TYPES,
  LICENSE_TYPES,
  NVME_SUPPORT_VALUES,
  PLATFORMS,
} from '../../domain/image-enums.js';
import { imageDescriptionProblem, imageFamilyProblem, imageNameProblem, imageVersionProblem } from '../../domain/image-text-rules.js';
import { isValidTagKey, isValidTagValue, MAX_TAGS_PER_RESOURCE, MAX_TAG_LENGTH } from '../../domain/tags.js';
import { validators, type BlockSchema, type Validator } from '../framework/index.js';

export const NAME_DEPRECATION = "Field 'name' has been deprecated since provider version 1.227.0. New field 'image_name' instead.";

/** Smallest and largest disk of any category (basic disks start at 5 GiB, others at 20). */
export const MIN_DISK_SIZE_GIB = 5;
export const MAX_DISK_SIZE_GIB = 32768;

/** A `domain/` text rule as a validator: `invalid value for image_name (the image name must start with a letter), got "1x"`. */
export function rule(problem: (value: string) => string | undefined): Validator {
  return (value, { key }) => {
    if (typeof value !== 'string') return `expected type of ${key} to be string`;
    const found = problem(value);
    return found === undefined ? undefined : `invalid value for ${key} (${found}), got ${JSON.stringify(value)}`;
  };
}

const nameRule = rule((value) => imageNameProblem(value));
const deviceRule = validators.stringMatch(/^\/dev\/x?vd[a-z]$/, 'must be /dev/vda to /dev/vdz, or /dev/xvda to /dev/xvdz for basic disks');

export const tagsRule: Validator = (value, { key }) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > MAX_TAGS_PER_RESOURCE) return `${key}: an image carries at most ${MAX_TAGS_PER_RESOURCE} tags, got ${entries.length}`;
  for (const [tagKey, tagValue] of entries) {
    if (!isValidTagKey(tagKey)) {
      return `invalid tag key ${JSON.stringify(tagKey)} in ${key} (1 to ${MAX_TAG_LENGTH} characters, not starting with "aliyun" or "acs:", without "http://" or "https://")`;
    }
    if (typeof tagValue === 'string' && !isValidTagValue(tagValue)) {
      return `invalid value of tag ${JSON.stringify(tagKey)} in ${key} (at most ${MAX_TAG_LENGTH} characters, not starting with "acs:", without "http://" or "https://")`;
    }
  }
  return undefined;
};

export const imageSchema: BlockSchema = {
  description: 'An ECS custom image, made from an instance, a system disk snapshot or a set of disk snapshots.',
  attributes: {
    architecture: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(ARCHITECTURES)],
      description: 'System architecture: i386, x86_64 or arm64. Default: the source instance\'s, otherwise x86_64.',
    },
    boot_mode: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringInSlice(BOOT_MODES)],
      description: 'Boot mode: BIOS, UEFI or UEFI-Preferred.',
    },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the image was created.' },
    delete_auto_snapshot: {
      type: 'bool',
      optional: true,
      description: 'Whether destroy also deletes the snapshots the image creation made (unset or true: deleted; false: kept). Snapshots you supplied are never deleted.',
    },
    description: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [rule(imageDescriptionProblem)],
      description: '2 to 256 characters, not starting with http:// or https://.',
    },
    detection_strategy: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(DETECTION_STRATEGIES)],
      description: 'Image check mode at creation; only Standard exists.',
    },
    force: { type: 'bool', optional: true, default: false, description: 'Delete the image even if instances use it.' },
    image_family: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [rule((value) => imageFamilyProblem(value))],
      description: 'Image family: 2 to 128 characters, starting with a letter.',
    },
    image_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['name'],
      conflictsWith: ['name'],
      validators: [nameRule],
      description: 'Image name: 2 to 128 characters, starting with a letter, not with aliyun or acs:.',
    },
    image_version: {
      type: 'string',
      optional: true,
      forceNew: true,
      validators: [rule(imageVersionProblem)],
      description: 'Image version.',
    },
    instance_id: {
      type: 'string',
      optional: true,
      validators: [validators.stringMatch(/^i-[a-z0-9]+$/, 'an instance ID such as i-bp1...')],
      description: 'Create the image from this instance (Running or Stopped); ECS prefers it to disk_device_mapping and snapshot_id.',
    },
    license_type: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringInSlice(LICENSE_TYPES)],
      description: 'License used to activate the operating system: Auto, Aliyun or BYOL.',
    },
    name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['image_name'],
      deprecated: NAME_DEPRECATION,
      validators: [nameRule],
      description: 'Deprecated: use image_name.',
    },
    platform: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(PLATFORMS)],
      description: 'Operating system distribution of the system disk. Default: the source\'s, otherwise Others Linux.',
    },
    resource_group_id: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringMatch(/^rg-[a-z0-9]+$/, 'a resource group ID such as rg-aek2...')],
      description: 'Resource group of the image; the default group when unset.',
    },
    snapshot_id: {
      type: 'string',
      optional: true,
      validators: [validators.stringMatch(/^s-[a-z0-9]+$/, 'a snapshot ID such as s-bp1...')],
      description: 'Create the image from this system disk snapshot; ECS ignores it when instance_id or disk_device_mapping is set.',
    },
    status: { type: 'string', computed: true, useStateForUnknown: true, description: 'Image status (Creating, Available, ...).' },
    tags: {
      type: ['map', 'string'],
      optional: true,
      validators: [tagsRule],
      description: 'Tags of the image.',
    },
    usable: { type: 'bool', computed: true, useStateForUnknown: true, description: 'Whether instances can be created from the image.' },
  },
  blocks: {
    disk_device_mapping: {
      nesting: 'list',
      computed: true,
      forceNew: true,
      // No MaxItems, as upstream: ECS ignores the mappings next to instance_id, so the
      // 1 + 16 limit is checked at plan time only when it uses them (image.ts).
      description: 'The disks of the image: one system disk and up to 16 data disks.',
      attributes: {
        device: { type: 'string', optional: true, computed: true, forceNew: true, validators: [deviceRule] },
        disk_type: {
          type: 'string',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.stringInSlice(IMAGE_DISK_TYPES)],
        },
        size: {
          type: 'number',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.intBetween(MIN_DISK_SIZE_GIB, MAX_DISK_SIZE_GIB)],
        },
        snapshot_id: {
          type: 'string',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.stringMatch(/^s-[a-z0-9]+$/, 'a snapshot ID such as s-bp1...')],
        },
        format: { type: 'string', computed: true },
        import_oss_bucket: { type: 'string', computed: true },
        import_oss_object: { type: 'string', computed: true },
        progress: { type: 'string', computed: true },
        remain_time: { type: 'number', computed: true },
      },
    },
    features: {
      nesting: 'list',
      computed: true,
      // Its one field is ForceNew: an in-place update never changes it.
      useStateForUnknown: true,
      maxItems: 1,
      description: 'Image features.',
      attributes: {
        nvme_support: {
          type: 'string',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.stringInSlice(NVME_SUPPORT_VALUES)],
        },
      },
    },
  },
};

export const IMAGE_TIMEOUTS = Object.freeze({ create: '10m', update: '10m', delete: '10m' });

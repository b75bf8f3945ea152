/**
 * DescribeImages' answer → the `alicloud_image` state, and the config readers of its disk
 * mappings and features. Fields ECS reports as "" when unset (description, family, version,
 * license type, name) become null, so an unset argument never diffs against "".
 */
import type { Image } from '../client/index.js';
import type { KnownObject, KnownValue, StateInput } from '../framework/index.js';
import { numberOf, objectsOf, textOf, userTagsState } from './resource-values.js';

/** Tag keys ECS or other services add; they are not the user's and are never shown. */
const SYSTEM_TAG_PREFIXES: readonly string[] = ['aliyun', 'acs:', 'http://', 'https://', 'sae.do.not.delete'];

function text(value: string | undefined): string | null {
  return value === undefined ? null : value;
}

function optionalText(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** ECS reports a mapping's Size as a string ("40"); the schema's size is a number. */
export function parseSize(value: string | number | undefined): number | null {
  if (value === undefined || value === '') return null;
  const size = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isFinite(size) ? size : null;
}

/**
 * The state Read produces. Arguments ECS never reports (instance_id, snapshot_id,
 * detection_strategy, force, delete_auto_snapshot) are left out: the framework keeps
 * their state values.
 */
export function imageToState(image: Image, prior: KnownObject): StateInput {
  const imageName = optionalText(image.imageName);
  const state: Record<string, KnownValue> = {
    id: image.imageId ?? null,
    architecture: text(image.architecture),
    boot_mode: optionalText(image.bootMode),
    create_time: text(image.creationTime),
    description: optionalText(image.description),
    image_family: optionalText(image.imageFamily),
    image_name: imageName,
    name: imageName,
    image_version: optionalText(image.imageVersion),
    license_type: optionalText(image.licenseType),
    platform: text(image.platform),
    resource_group_id: optionalText(image.resourceGroupId),
    status: text(image.status),
    usable: image.usable ?? null,
    tags: userTagsState(
      SYSTEM_TAG_PREFIXES,
      (image.tags?.tag ?? []).map((tag) => [tag.tagKey, tag.tagValue] as const),
      prior['tags'] ?? null,
    ),
    disk_device_mapping: (image.diskDeviceMappings?.diskDeviceMapping ?? []).map((mapping) => ({
      device: text(mapping.device),
      disk_type: text(mapping.type),
      size: parseSize(mapping.size),
      snapshot_id: text(mapping.snapshotId),
      format: text(mapping.format),
      import_oss_bucket: text(mapping.importOSSBucket),
      import_oss_object: text(mapping.importOSSObject),
      progress: text(mapping.progress),
      remain_time: mapping.remainTime ?? null,
    })),
  };
  // Features absent from the answer: keep what the state has (the reference does the same).
  if (image.features !== undefined) {
    state['features'] = image.features.nvmeSupport === undefined ? [] : [{ nvme_support: image.features.nvmeSupport }];
  }
  return state;
}

export interface MappingConfig {
  readonly device: string | undefined;
  readonly diskType: string | undefined;
  readonly size: number | undefined;
  readonly snapshotId: string | undefined;
}

export function mappingsOf(object: KnownObject): MappingConfig[] {
  return objectsOf(object, 'disk_device_mapping').map((item) => ({
    device: textOf(item, 'device'),
    diskType: textOf(item, 'disk_type'),
    size: numberOf(item, 'size'),
    snapshotId: textOf(item, 'snapshot_id'),
  }));
}

/** `features[0].nvme_support` as configured. */
export function nvmeSupportOf(object: KnownObject): string | undefined {
  const first = objectsOf(object, 'features')[0];
  return first === undefined ? undefined : textOf(first, 'nvme_support');
}

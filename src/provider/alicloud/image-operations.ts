/**
 * The cloud side of `alicloud_image` (create, read, update, delete) and its state: what
 * DescribeImages answers turned into the resource's attributes. Loaded lazily by `image.ts`
 * (the SDK behind it takes seconds to load, and terraform starts the provider several times
 * per command just for schemas and validation). See `image.ts` for the behaviour and the
 * fixes over the reference provider.
 */
import { $Ecs, modifyImageAttribute, type CallOptions, type CloudClients, type Image } from '../client/index.js';
import type { KnownObject, KnownValue, StateInput } from '../framework/index.js';
import { createImageResource, deleteImageResource, readImageResource, updateImageResource } from '../shared/image-handlers.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { updateGroupAndTags } from '../shared/operations.js';
import { ecsTagEntries, mapOf, nullIfEmpty, numberOf, objectsOf, parseSize, textOf, userTagsState } from '../shared/values.js';

/** Tag keys ECS or other services add; they are not the user's and are never shown. */
const SYSTEM_TAG_PREFIXES: readonly string[] = ['aliyun', 'acs:', 'http://', 'https://', 'sae.do.not.delete'];

function text(value: string | undefined): string | null {
  return value === undefined ? null : value;
}

/**
 * The state Read produces. Fields ECS reports as "" when unset (description, family,
 * version, license type, name) become null, so an unset argument never diffs against "".
 * Arguments ECS never reports (instance_id, snapshot_id, detection_strategy, force,
 * delete_auto_snapshot) are left out: the framework keeps their state values.
 */
function imageToState(_client: CloudClients, image: Image, prior: KnownObject): StateInput {
  const imageName = nullIfEmpty(image.imageName);
  const state: Record<string, KnownValue> = {
    id: image.imageId ?? null,
    architecture: text(image.architecture),
    boot_mode: nullIfEmpty(image.bootMode),
    create_time: text(image.creationTime),
    description: nullIfEmpty(image.description),
    image_family: nullIfEmpty(image.imageFamily),
    image_name: imageName,
    name: imageName,
    image_version: nullIfEmpty(image.imageVersion),
    license_type: nullIfEmpty(image.licenseType),
    platform: text(image.platform),
    resource_group_id: nullIfEmpty(image.resourceGroupId),
    status: text(image.status),
    usable: image.usable ?? null,
    tags: userTagsState(
      SYSTEM_TAG_PREFIXES,
      ecsTagEntries(image.tags),
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

/** `features[0].nvme_support` as configured. */
function nvmeSupportOf(object: KnownObject): string | undefined {
  const first = objectsOf(object, 'features')[0];
  return first === undefined ? undefined : textOf(first, 'nvme_support');
}

function createRequest(config: KnownObject): $Ecs.CreateImageRequest {
  const tags = Object.entries(mapOf(config, 'tags'));
  const mappings = objectsOf(config, 'disk_device_mapping');
  return new $Ecs.CreateImageRequest({
    imageName: textOf(config, 'image_name') ?? textOf(config, 'name'),
    description: textOf(config, 'description'),
    architecture: textOf(config, 'architecture'),
    platform: textOf(config, 'platform'),
    bootMode: textOf(config, 'boot_mode'),
    imageFamily: textOf(config, 'image_family'),
    imageVersion: textOf(config, 'image_version'),
    detectionStrategy: textOf(config, 'detection_strategy'),
    resourceGroupId: textOf(config, 'resource_group_id'),
    instanceId: textOf(config, 'instance_id'),
    snapshotId: textOf(config, 'snapshot_id'),
    diskDeviceMapping:
      mappings.length === 0
        ? undefined
        : mappings.map(
            (m) =>
              new $Ecs.CreateImageRequestDiskDeviceMapping({
                device: textOf(m, 'device'),
                diskType: textOf(m, 'disk_type'),
                size: numberOf(m, 'size'),
                snapshotId: textOf(m, 'snapshot_id'),
              }),
          ),
    tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.CreateImageRequestTag({ key, value })),
  });
}

/**
 * What CreateImage cannot set (license type, NVMe support), applied once the image is
 * usable, and only when ECS does not already report the configured value.
 */
/** True when it modified the image. */
async function applyCreateOnlyGaps(client: CloudClients, image: Image, config: KnownObject, options: CallOptions): Promise<boolean> {
  const request = new $Ecs.ModifyImageAttributeRequest({ imageId: image.imageId });
  const licenseType = textOf(config, 'license_type');
  if (licenseType !== undefined && licenseType !== image.licenseType) request.licenseType = licenseType;
  const nvme = nvmeSupportOf(config);
  if (nvme !== undefined && nvme !== image.features?.nvmeSupport) request.features = new $Ecs.ModifyImageAttributeRequestFeatures({ nvmeSupport: nvme });
  if (request.licenseType === undefined && request.features === undefined) return false;
  await modifyImageAttribute(client, request, options);
  return true;
}

export const imageOperations: ResourceHandlers = {
  create: (request) =>
    createImageResource(request, createRequest(request.config), imageToState, (image, options) => applyCreateOnlyGaps(request.client, image, request.config, options)),

  read: (request) => readImageResource(request, imageToState),

  update: (request) => {
    const { config, prior } = request;
    const fields = {
      imageName: [textOf(config, 'image_name') ?? textOf(config, 'name'), 'image_name'],
      description: [textOf(config, 'description'), 'description'],
      imageFamily: [textOf(config, 'image_family'), 'image_family'],
      bootMode: [textOf(config, 'boot_mode'), 'boot_mode'],
      licenseType: [textOf(config, 'license_type'), 'license_type'],
    } as const;
    return updateImageResource(request, imageToState, fields, (id, options) =>
      updateGroupAndTags(request.client, { resourceType: 'image', resourceId: id }, config, prior, options),
    );
  },

  // Only an explicit `false` keeps the snapshots the creation made (see image.ts, 5).
  delete: (request) => deleteImageResource(request, request.state['delete_auto_snapshot'] !== false),
};

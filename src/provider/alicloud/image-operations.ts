/**
 * The cloud side of `alicloud_image` (create, read, update, delete). Loaded lazily by
 * `image.ts`: the SDK behind it takes seconds to load, and terraform starts the provider
 * several times per command just for schemas and validation. See `image.ts` for the
 * behaviour and the fixes over the reference provider.
 */
import { findImageById, joinResourceGroup, modifyImageAttribute, updateTags, $Ecs, type CloudClients, type Image } from '../client/index.js';
import { createImageAndWait, deleteImageIfPresent, finishWithRead } from '../client/image-lifecycle.js';
import type { CreateRequest, DeleteRequest, KnownObject, ReadRequest, StateInput, UpdateRequest } from '../framework/index.js';
import type { Logger } from '../plugin/index.js';
import type { ResourceHandlers } from './lazy-definition.js';
import { imageToState, mappingsOf, nvmeSupportOf } from './image-state.js';
import { mapOf, textOf } from './resource-values.js';

function createRequest(config: KnownObject): $Ecs.CreateImageRequest {
  const tags = Object.entries(mapOf(config, 'tags'));
  const mappings = mappingsOf(config);
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
            (m) => new $Ecs.CreateImageRequestDiskDeviceMapping({ device: m.device, diskType: m.diskType, size: m.size, snapshotId: m.snapshotId }),
          ),
    tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.CreateImageRequestTag({ key, value })),
  });
}

async function readImage(client: CloudClients, id: string, prior: KnownObject, options: { signal: AbortSignal; logger: Logger }): Promise<StateInput | null> {
  const image = await findImageById(client, id, { signal: options.signal, logger: options.logger });
  return image === undefined ? null : imageToState(image, prior);
}

/**
 * What CreateImage cannot set (license type, NVMe support), applied once the image is
 * usable, and only when ECS does not already report the configured value.
 */
async function applyCreateOnlyGaps(client: CloudClients, image: Image, config: KnownObject, options: { signal: AbortSignal; logger: Logger; deadline: number }): Promise<void> {
  const licenseType = textOf(config, 'license_type');
  const nvme = nvmeSupportOf(config);
  const request = new $Ecs.ModifyImageAttributeRequest({ imageId: image.imageId });
  let needed = false;
  if (licenseType !== undefined && licenseType !== image.licenseType) {
    request.licenseType = licenseType;
    needed = true;
  }
  if (nvme !== undefined && nvme !== image.features?.nvmeSupport) {
    request.features = new $Ecs.ModifyImageAttributeRequestFeatures({ nvmeSupport: nvme });
    needed = true;
  }
  if (needed) await modifyImageAttribute(client, request, options);
}

async function createImageResource({ client, config, logger, signal, timeouts, private: privateState, created }: CreateRequest<CloudClients>): Promise<StateInput> {
  const options = { signal, logger, deadline: Date.now() + timeouts.create };
  const hooks = { record: privateState, onCreated: (id: string) => created({ id }) };
  const image = await createImageAndWait(client, createRequest(config), hooks, options);
  const imageId = image.imageId ?? '';
  return finishWithRead(
    signal,
    async () => {
      await applyCreateOnlyGaps(client, image, config, options);
      return readImage(client, imageId, config, { signal, logger });
    },
    `ECS Image (${imageId}) disappeared right after it became usable`,
  );
}

async function readImageResource({ client, state, logger, signal }: ReadRequest<CloudClients>): Promise<StateInput | null> {
  const id = textOf(state, 'id');
  if (id === undefined) return null;
  return readImage(client, id, state, { signal, logger });
}

async function updateImageResource({ client, config, prior, logger, signal, timeouts }: UpdateRequest<CloudClients>): Promise<StateInput> {
  const id = textOf(prior, 'id') ?? '';
  const options = { signal, logger, deadline: Date.now() + timeouts.update };
  const modify = new $Ecs.ModifyImageAttributeRequest({ imageId: id });
  let modified = false;
  const changed = (attribute: string, next: string | undefined): next is string => next !== undefined && next !== textOf(prior, attribute);
  const name = textOf(config, 'image_name') ?? textOf(config, 'name');
  if (changed('image_name', name)) [modify.imageName, modified] = [name, true];
  const description = textOf(config, 'description');
  if (changed('description', description)) [modify.description, modified] = [description, true];
  const family = textOf(config, 'image_family');
  if (changed('image_family', family)) [modify.imageFamily, modified] = [family, true];
  const bootMode = textOf(config, 'boot_mode');
  if (changed('boot_mode', bootMode)) [modify.bootMode, modified] = [bootMode, true];
  const licenseType = textOf(config, 'license_type');
  if (changed('license_type', licenseType)) [modify.licenseType, modified] = [licenseType, true];
  return finishWithRead(
    signal,
    async () => {
      if (modified) await modifyImageAttribute(client, modify, options);
      const group = textOf(config, 'resource_group_id');
      if (changed('resource_group_id', group)) {
        await joinResourceGroup(client, { resourceId: id, resourceGroupId: group, resourceType: 'image' }, options);
      }
      const before = mapOf(prior, 'tags');
      const after = mapOf(config, 'tags');
      if (JSON.stringify(Object.entries(before).sort()) !== JSON.stringify(Object.entries(after).sort())) {
        await updateTags(client, { resourceType: 'image', resourceId: id }, before, after, options);
      }
      return readImage(client, id, prior, { signal, logger });
    },
    'the image no longer exists',
  );
}

async function deleteImageResource({ client, state, logger, signal, timeouts, private: privateState }: DeleteRequest<CloudClients>): Promise<void> {
  const id = textOf(state, 'id');
  if (id === undefined) return;
  await deleteImageIfPresent(
    client,
    {
      imageId: id,
      force: state['force'] === true,
      // Only an explicit `false` keeps the snapshots the creation made (see image.ts, 5).
      deleteCreationSnapshots: state['delete_auto_snapshot'] !== false,
      record: privateState,
      instanceId: textOf(state, 'instance_id'),
    },
    { signal, logger, deadline: Date.now() + timeouts.delete },
  );
}

export const imageOperations: ResourceHandlers = {
  create: createImageResource,
  read: readImageResource,
  update: updateImageResource,
  delete: deleteImageResource,
};

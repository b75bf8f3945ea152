/**
 * The handlers of `alibabacloudstack_image` (see `image.ts` for what it manages and where it
 * differs from the reference provider). Loaded on first use: this module pulls in the SDK.
 */
import { $Ecs, updateTags, type CloudClients, type Image } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { createImageResource, deleteImageResource, readImageResource, updateImageResource } from '../shared/image-handlers.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { ecsTagEntries, mapOf, nullIfEmpty, numberOf, objectsOf, parseSize, tagsState, textOf } from '../shared/values.js';

function createRequest(config: KnownObject): $Ecs.CreateImageRequest {
  const tags = Object.entries(mapOf(config, 'tags'));
  const mappings = objectsOf(config, 'disk_device_mapping');
  return new $Ecs.CreateImageRequest({
    instanceId: textOf(config, 'instance_id'),
    snapshotId: textOf(config, 'snapshot_id'),
    imageName: textOf(config, 'image_name'),
    description: textOf(config, 'description'),
    diskDeviceMapping:
      mappings.length === 0
        ? undefined
        : mappings.map((m) => new $Ecs.CreateImageRequestDiskDeviceMapping({ snapshotId: textOf(m, 'snapshot_id'), size: numberOf(m, 'size') })),
    tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.CreateImageRequestTag({ key, value })),
  });
}

/**
 * The state Read produces. `instance_id`, `snapshot_id` and `force` are not reported by
 * ECS and are left out, so the framework keeps their state values.
 */
function imageToState(clients: CloudClients, image: Image, prior: KnownObject): StateInput {
  return {
    id: image.imageId ?? null,
    image_name: nullIfEmpty(image.imageName),
    description: nullIfEmpty(image.description),
    tags: tagsState(
      clients,
      ecsTagEntries(image.tags),
      prior['tags'] ?? null,
    ),
    disk_device_mapping: (image.diskDeviceMappings?.diskDeviceMapping ?? []).map((mapping) => ({
      size: parseSize(mapping.size),
      snapshot_id: nullIfEmpty(mapping.snapshotId),
    })),
  };
}

export const imageOperations: ResourceHandlers = {
  create: (request) => createImageResource(request, createRequest(request.config), imageToState),

  read: (request) => readImageResource(request, imageToState),

  // No update timeout is documented: the SDK's 20 minutes apply (timeouts.update).
  update: (request) => {
    const { client, config, prior } = request;
    const fields = { imageName: [textOf(config, 'image_name'), 'image_name'], description: [textOf(config, 'description'), 'description'] } as const;
    return updateImageResource(request, imageToState, fields, (id, options) =>
      updateTags(client, { resourceType: 'image', resourceId: id }, mapOf(prior, 'tags'), mapOf(config, 'tags'), options).then(() => undefined),
    );
  },

  // No delete_auto_snapshot here: the snapshots the creation made always go (image.ts, 9).
  delete: (request) => deleteImageResource(request, true),
};

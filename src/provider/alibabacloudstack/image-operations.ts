/**
 * The handlers of `alibabacloudstack_image` (see `image.ts` for what it manages and where it
 * differs from the reference provider). Loaded on first use: this module pulls in the SDK.
 */
import { $Ecs, imageSubject, modifyImageAttribute, updateTags, type CloudClients, type Image } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { createImageResource, deleteImageResource, readImage, readImageResource } from '../shared/image-handlers.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { modifyIfChanged, updateResource } from '../shared/operations.js';
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
  async update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: imageSubject,
      async apply(id, options) {
        await updateTags(client, { resourceType: 'image', resourceId: id }, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
        await modifyIfChanged<$Ecs.ModifyImageAttributeRequest>(
          prior,
          {
            imageName: [textOf(config, 'image_name'), 'image_name'],
            description: [textOf(config, 'description'), 'description'],
          },
          (changes) => modifyImageAttribute(client, new $Ecs.ModifyImageAttributeRequest({ imageId: id, ...changes }), options),
        );
      },
      read: (id, options) => readImage(client, id, prior, imageToState, options),
    });
  },

  // No delete_auto_snapshot here: the snapshots the creation made always go (image.ts, 9).
  delete: (request) => deleteImageResource(request, true),
};

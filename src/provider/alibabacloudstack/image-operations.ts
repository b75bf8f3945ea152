/**
 * The handlers of `alibabacloudstack_image` (see `image.ts` for what it manages and where it
 * differs from the reference provider). Loaded on first use: this module pulls in the SDK.
 */
import { $Ecs, findImageById, modifyImageAttribute, updateTags, type CloudClients, type Image } from '../client/index.js';
import { createImageAndWait, deleteImageIfPresent, finishWithRead } from '../client/image-lifecycle.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { parseSize } from '../alicloud/image-state.js';
import { mapOf, nullIfEmpty, objectsOf, tagsState, textOf } from '../alicloud/resource-values.js';
import type { ResourceHandlers } from '../alicloud/lazy-definition.js';

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
        : mappings.map(
            (m) =>
              new $Ecs.CreateImageRequestDiskDeviceMapping({
                snapshotId: textOf(m, 'snapshot_id'),
                size: typeof m['size'] === 'number' ? m['size'] : undefined,
              }),
          ),
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
      (image.tags?.tag ?? []).map((tag) => [tag.tagKey, tag.tagValue] as const),
      prior['tags'] ?? null,
    ),
    disk_device_mapping: (image.diskDeviceMappings?.diskDeviceMapping ?? []).map((mapping) => ({
      size: parseSize(mapping.size),
      snapshot_id: nullIfEmpty(mapping.snapshotId),
    })),
  };
}

async function readImage(clients: CloudClients, id: string, prior: KnownObject, options: { signal: AbortSignal }): Promise<StateInput | null> {
  const image = await findImageById(clients, id, { signal: options.signal });
  return image === undefined ? null : imageToState(clients, image, prior);
}

export const imageOperations: ResourceHandlers = {
  async create({ client, config, logger, signal, timeouts, private: privateState, created }) {
    const options = { signal, logger, deadline: Date.now() + timeouts.create };
    const hooks = { record: privateState, onCreated: (id: string) => created({ id }) };
    const image = await createImageAndWait(client, createRequest(config), hooks, options);
    const id = image.imageId ?? '';
    return finishWithRead(signal, () => readImage(client, id, config, options), `ECS Image (${id}) disappeared right after it became usable`);
  },

  async read({ client, state, signal }) {
    const id = textOf(state, 'id');
    return id === undefined ? null : readImage(client, id, state, { signal });
  },

  async update({ client, config, prior, logger, signal, timeouts }) {
    const id = textOf(prior, 'id') ?? '';
    // No update timeout is documented: the SDK's 20 minutes apply (timeouts.update).
    const options = { signal, logger, deadline: Date.now() + timeouts.update };
    return finishWithRead(
      signal,
      async () => {
        await updateTags(client, { resourceType: 'image', resourceId: id }, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
        const name = textOf(config, 'image_name');
        const description = textOf(config, 'description');
        const request = new $Ecs.ModifyImageAttributeRequest({ imageId: id });
        if (name !== undefined && name !== textOf(prior, 'image_name')) request.imageName = name;
        if (description !== undefined && description !== textOf(prior, 'description')) request.description = description;
        if (request.imageName !== undefined || request.description !== undefined) await modifyImageAttribute(client, request, options);
        return readImage(client, id, prior, options);
      },
      'the image no longer exists',
    );
  },

  async delete({ client, state, logger, signal, timeouts, private: privateState }) {
    const id = textOf(state, 'id');
    if (id === undefined) return;
    // No delete_auto_snapshot here: the snapshots the creation made always go (image.ts, 9).
    await deleteImageIfPresent(
      client,
      { imageId: id, force: state['force'] === true, deleteCreationSnapshots: true, record: privateState, instanceId: textOf(state, 'instance_id') },
      { signal, logger, deadline: Date.now() + timeouts.delete },
    );
  },
};

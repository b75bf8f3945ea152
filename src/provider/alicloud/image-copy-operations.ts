/**
 * The handlers of `alicloud_image_copy` (behaviour and fixes in `image-copy.ts`): CopyImage
 * through the create skeleton, then the image handlers `alicloud_image` runs, in the
 * provider's region.
 */
import { copyImage, imageSubject, updateTags, waitImageAvailable, type CloudClients, type Image } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { deleteImageResource, readImage, readImageResource, updateImageResource } from '../shared/image-handlers.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource } from '../shared/operations.js';
import { boolOf, ecsTagEntries, mapOf, nullIfEmpty, tagsState, textOf } from '../shared/values.js';

/**
 * What DescribeImages reports of a copy. The source and encryption arguments are left out:
 * ECS does not report them, so they keep their state values.
 */
function copyToState(client: CloudClients, image: Image, prior: KnownObject): StateInput {
  const imageName = nullIfEmpty(image.imageName);
  return {
    id: image.imageId ?? null,
    image_name: imageName,
    name: imageName,
    description: nullIfEmpty(image.description),
    tags: tagsState(client, ecsTagEntries(image.tags), prior['tags'] ?? null),
  };
}

/** `<copy id>` or `<copy id>:<source region>:<source image id>`. */
function parseImportId(id: string): StateInput {
  const parts = id.split(':');
  if (parts.length === 1) return { id };
  const [copyId = '', sourceRegionId = '', sourceImageId = ''] = parts;
  if (parts.length !== 3 || !/^m-[a-z0-9]+$/.test(copyId) || sourceRegionId === '' || !/^m-[a-z0-9]+$/.test(sourceImageId)) {
    throw new Error(`unexpected import ID ${JSON.stringify(id)}: expected <copy image id> or <copy image id>:<source region id>:<source image id>, such as m-abc:cn-hangzhou:m-def`);
  }
  return { id: copyId, source_region_id: sourceRegionId, source_image_id: sourceImageId };
}

export const imageCopyOperations: ResourceHandlers = {
  create(request) {
    const { client, config } = request;
    return createResource(request, {
      subject: imageSubject,
      action: 'CopyImage',
      send: (options) =>
        copyImage(
          client,
          {
            sourceImageId: textOf(config, 'source_image_id') ?? '',
            sourceRegionId: textOf(config, 'source_region_id') ?? '',
            imageName: textOf(config, 'image_name') ?? textOf(config, 'name'),
            description: textOf(config, 'description'),
            encrypted: boolOf(config, 'encrypted') ?? false,
            kmsKeyId: textOf(config, 'kms_key_id'),
            tags: mapOf(config, 'tags'),
          },
          options,
        ),
      settle: async (id, options) => {
        await waitImageAvailable(client, id, options);
      },
      read: (id, options) => readImage(client, id, config, copyToState, options),
    });
  },

  read: (request) => readImageResource(request, copyToState),

  update(request) {
    const { client, config, prior } = request;
    const fields = {
      imageName: [textOf(config, 'image_name') ?? textOf(config, 'name'), 'image_name'],
      description: [textOf(config, 'description'), 'description'],
    } as const;
    return updateImageResource(request, copyToState, fields, async (id, options) => {
      await updateTags(client, { resourceType: 'image', resourceId: id }, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
    });
  },

  // Every snapshot of a copy was made by CopyImage for it: none is the user's (image-copy.ts, 5).
  delete: (request) => deleteImageResource(request, request.state['delete_auto_snapshot'] !== false, { get: () => [] }),

  importState: async (request) => parseImportId(request.id),
};

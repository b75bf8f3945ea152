/** The handlers of `imagesDataSource` (contract and schema in `data-images.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, type CloudClients } from '../client/index.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { boolOf, ecsTagEntries, mapOf, tagsState, textOf } from '../shared/values.js';
import { readOptions } from '../shared/operations.js';
import { idHash } from './data-source-schema.js';

type Image = $Ecs.DescribeImagesResponseBodyImagesImage;

const PAGE_SIZE = 100;

function describeRequest(client: CloudClients, config: KnownObject, pageNumber: number): $Ecs.DescribeImagesRequest {
  const pick = (key: string): string | undefined => textOf(config, key);
  const fields: Record<string, unknown> = {
    regionId: client.config.regionId,
    pageNumber,
    pageSize: PAGE_SIZE,
    imageOwnerAlias: pick('owners'),
    status: pick('status'),
    imageId: pick('image_id'),
    imageName: pick('image_name'),
    snapshotId: pick('snapshot_id'),
    imageFamily: pick('image_family'),
    instanceType: pick('instance_type'),
    resourceGroupId: pick('resource_group_id'),
    usage: pick('usage'),
    architecture: pick('architecture'),
    OSType: pick('os_type'),
    actionType: pick('action_type'),
    isSupportIoOptimized: boolOf(config, 'is_support_io_optimized'),
    isSupportCloudinit: boolOf(config, 'is_support_cloud_init'),
    tag: Object.entries(mapOf(config, 'tags')).map(([key, value]) => new $Ecs.DescribeImagesRequestTag({ key, value })),
  };
  return new $Ecs.DescribeImagesRequest(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
}

function imageState(client: CloudClients, image: Image): KnownObject {
  return {
    id: image.imageId ?? '',
    image_id: image.imageId ?? '',
    name: image.imageName ?? '',
    image_name: image.imageName ?? '',
    architecture: image.architecture ?? '',
    creation_time: image.creationTime ?? '',
    description: image.description ?? '',
    image_owner_alias: image.imageOwnerAlias ?? '',
    image_family: image.imageFamily ?? '',
    image_version: image.imageVersion ?? '',
    os_name: image.OSName ?? '',
    os_name_en: image.OSNameEn ?? '',
    os_type: image.OSType ?? '',
    platform: image.platform ?? '',
    status: image.status ?? '',
    state: image.status ?? '',
    size: image.size ?? 0,
    usage: image.usage ?? '',
    progress: image.progress ?? '',
    product_code: image.productCode ?? '',
    boot_mode: image.bootMode ?? '',
    is_self_shared: image.isSelfShared ?? '',
    is_subscribed: image.isSubscribed ?? false,
    is_copied: image.isCopied ?? false,
    is_support_io_optimized: image.isSupportIoOptimized ?? false,
    is_support_cloudinit: image.isSupportCloudinit ?? false,
    disk_device_mappings: (image.diskDeviceMappings?.diskDeviceMapping ?? []).map((mapping) => ({
      device: mapping.device ?? '',
      size: mapping.size ?? '',
      snapshot_id: mapping.snapshotId ?? '',
    })),
    tags: tagsState(client, ecsTagEntries(image.tags)) ?? {},
  };
}

export const imagesOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const options = readOptions({ signal, logger });
    const found: Image[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const response = await callWithRetry(
        () => client.ecs.describeImagesWithOptions(describeRequest(client, config, pageNumber), client.runtime()),
        { ...options, action: 'DescribeImages' },
      );
      const page = response.body?.images?.image ?? [];
      found.push(...page);
      if (page.length < PAGE_SIZE) break;
    }
    const regex = textOf(config, 'name_regex');
    const pattern = regex === undefined ? undefined : new RegExp(regex);
    let images = pattern === undefined ? found : found.filter((image) => pattern.test(image.imageName ?? ''));
    if (boolOf(config, 'most_recent') === true && images.length > 1) {
      const newest = images.reduce((best, image) => ((image.creationTime ?? '') > (best.creationTime ?? '') ? image : best));
      images = [newest];
    }
    const states = images.map((image) => imageState(client, image));
    const ids = states.map((image) => image['id'] as string);
    return { ...config, most_recent: boolOf(config, 'most_recent') ?? false, id: idHash(ids), ids, images: states };
  },
};

/** The handlers of `instanceTypesDataSource` (contract and schema in `data-instance-types.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, type CallOptions, type CloudClients } from '../client/index.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { boolOf, numberOf, textOf } from '../shared/values.js';
import { readOptions } from '../shared/operations.js';
import { idHash } from './data-source-schema.js';

type InstanceType = $Ecs.DescribeInstanceTypesResponseBodyInstanceTypesInstanceType;

async function availability(client: CloudClients, config: KnownObject, options: CallOptions): Promise<Map<string, string[]>> {
  const zoneId = textOf(config, 'availability_zone');
  const networkType = textOf(config, 'network_type');
  const systemDiskCategory = textOf(config, 'system_disk_category');
  const response = await callWithRetry(
    () =>
      client.ecs.describeAvailableResourceWithOptions(
        new $Ecs.DescribeAvailableResourceRequest({
          regionId: client.config.regionId,
          destinationResource: 'InstanceType',
          ioOptimized: 'optimized',
          instanceChargeType: textOf(config, 'instance_charge_type') ?? 'PostPaid',
          spotStrategy: textOf(config, 'spot_strategy') ?? 'NoSpot',
          ...(zoneId === undefined ? {} : { zoneId }),
          ...(networkType === undefined ? {} : { networkCategory: networkType.toLowerCase() }),
          ...(systemDiskCategory === undefined ? {} : { systemDiskCategory }),
        }),
        client.runtime(),
      ),
    { ...options, action: 'DescribeAvailableResource' },
  );
  const zonesByType = new Map<string, string[]>();
  for (const zone of response.body?.availableZones?.availableZone ?? []) {
    if (zone.status === 'SoldOut') continue;
    for (const resource of zone.availableResources?.availableResource ?? []) {
      for (const supported of resource.supportedResources?.supportedResource ?? []) {
        if (supported.status !== 'Available' || !supported.value) continue;
        zonesByType.set(supported.value, [...(zonesByType.get(supported.value) ?? []), zone.zoneId ?? '']);
      }
    }
  }
  return zonesByType;
}

async function allInstanceTypes(client: CloudClients, config: KnownObject, options: CallOptions): Promise<InstanceType[]> {
  const family = textOf(config, 'instance_type_family');
  const instanceType = textOf(config, 'instance_type');
  const types: InstanceType[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const response = await callWithRetry(
      () =>
        client.ecs.describeInstanceTypesWithOptions(
          new $Ecs.DescribeInstanceTypesRequest({
            ...(family === undefined ? {} : { instanceTypeFamily: family }),
            ...(instanceType === undefined ? {} : { instanceTypes: [instanceType] }),
            ...(token === undefined ? {} : { nextToken: token }),
          }),
          client.runtime(),
        ),
      { ...options, action: 'DescribeInstanceTypes' },
    );
    types.push(...(response.body?.instanceTypes?.instanceType ?? []));
    nextToken = response.body?.nextToken || undefined;
  } while (nextToken !== undefined);
  return types;
}

/** The rule RunInstances applies: the image's architecture, and NVMe when the type requires it. */
async function imageFilter(client: CloudClients, imageId: string, options: CallOptions): Promise<(type: InstanceType) => boolean> {
  const response = await callWithRetry(
    () =>
      client.ecs.describeImagesWithOptions(
        new $Ecs.DescribeImagesRequest({ regionId: client.config.regionId, imageId, status: 'Available,Deprecated' }),
        client.runtime(),
      ),
    { ...options, action: 'DescribeImages' },
  );
  const image = response.body?.images?.image?.find((candidate) => candidate.imageId === imageId);
  if (image === undefined) throw new Error(`image ${imageId} does not exist in region ${client.config.regionId}`);
  const arch = image.architecture === 'arm64' ? 'ARM' : 'X86';
  const nvme = image.features?.nvmeSupport === 'supported';
  return (type) => (type.cpuArchitecture ?? 'X86') === arch && (type.nvmeSupport !== 'required' || nvme);
}

function sorter(sortedBy: string | undefined): (a: InstanceType, b: InstanceType) => number {
  const cpu = (a: InstanceType, b: InstanceType): number => (a.cpuCoreCount ?? 0) - (b.cpuCoreCount ?? 0);
  const memory = (a: InstanceType, b: InstanceType): number => (a.memorySize ?? 0) - (b.memorySize ?? 0);
  const id = (a: InstanceType, b: InstanceType): number => ((a.instanceTypeId ?? '') < (b.instanceTypeId ?? '') ? -1 : 1);
  if (sortedBy === 'Memory') return (a, b) => memory(a, b) || cpu(a, b) || id(a, b);
  return (a, b) => cpu(a, b) || memory(a, b) || id(a, b);
}

export const instanceTypesOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const options = readOptions({ signal, logger });
    const zonesByType = await availability(client, config, options);
    const imageId = textOf(config, 'image_id');
    const runsImage = imageId === undefined ? () => true : await imageFilter(client, imageId, options);
    const cpu = numberOf(config, 'cpu_core_count');
    const memory = numberOf(config, 'memory_size');
    const gpu = numberOf(config, 'gpu_amount');
    const gpuSpec = textOf(config, 'gpu_spec');
    const eni = numberOf(config, 'eni_amount');
    const matching = (await allInstanceTypes(client, config, options))
      .filter((type) => zonesByType.has(type.instanceTypeId ?? ''))
      .filter((type) => cpu === undefined || type.cpuCoreCount === cpu)
      .filter((type) => memory === undefined || type.memorySize === memory)
      .filter((type) => gpu === undefined || (type.GPUAmount ?? 0) === gpu)
      .filter((type) => gpuSpec === undefined || type.GPUSpec === gpuSpec)
      .filter((type) => eni === undefined || (type.eniQuantity ?? 0) >= eni)
      .filter(runsImage)
      .sort(sorter(textOf(config, 'sorted_by')));
    const instanceTypes: KnownObject[] = matching.map((type) => ({
      id: type.instanceTypeId ?? '',
      cpu_core_count: type.cpuCoreCount ?? 0,
      memory_size: type.memorySize ?? 0,
      family: type.instanceTypeFamily ?? '',
      eni_amount: type.eniQuantity ?? 0,
      price: '',
      nvme_support: type.nvmeSupport ?? '',
      availability_zones: [...new Set(zonesByType.get(type.instanceTypeId ?? '') ?? [])].sort(),
      gpu: { amount: String(type.GPUAmount ?? 0), category: type.GPUSpec ?? '' },
      burstable_instance: { initial_credit: String(type.initialCredit ?? 0), baseline_credit: String(type.baselineCredit ?? 0) },
      local_storage: {
        capacity: String(type.localStorageCapacity ?? 0),
        amount: String(type.localStorageAmount ?? 0),
        category: type.localStorageCategory ?? '',
      },
      primary_eni_queue_number: type.primaryEniQueueNumber ?? 0,
      secondary_eni_queue_number: type.secondaryEniQueueNumber ?? 0,
      maximum_queue_number_per_eni: type.maximumQueueNumberPerEni ?? 0,
      total_eni_queue_quantity: type.totalEniQueueQuantity ?? 0,
    }));
    const ids = instanceTypes.map((type) => type['id'] as string);
    return {
      ...config,
      instance_charge_type: textOf(config, 'instance_charge_type') ?? 'PostPaid',
      spot_strategy: textOf(config, 'spot_strategy') ?? 'NoSpot',
      is_outdated: boolOf(config, 'is_outdated') ?? false,
      id: idHash(ids),
      ids,
      instance_types: instanceTypes,
    };
  },
};

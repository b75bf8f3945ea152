/** The handlers of `zonesDataSource` (contract and schema in `data-zones.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, type CloudClients } from '../client/index.js';
import type { DataSourceDefinition, KnownObject } from '../framework/index.js';
import { boolOf, textOf } from '../shared/values.js';
import { readOptions } from '../shared/operations.js';
import { idHash } from './data-source-schema.js';
import { ECS_RESOURCE_KINDS } from './data-zones.js';

export const zonesOperations: Pick<DataSourceDefinition<CloudClients>, 'read'> = {
  async read({ client, config, signal, logger }) {
    const kind = textOf(config, 'available_resource_creation');
    if (kind !== undefined && !ECS_RESOURCE_KINDS.includes(kind)) {
      throw new Error(`available_resource_creation = "${kind}" needs the ${kind} API, which this provider does not serve`);
    }
    const options = readOptions({ signal, logger });
    const instanceType = textOf(config, 'available_instance_type');
    const chargeType = textOf(config, 'instance_charge_type') ?? 'PostPaid';
    const spotStrategy = textOf(config, 'spot_strategy') ?? 'NoSpot';
    const networkType = textOf(config, 'network_type');

    const available = await callWithRetry(
      () =>
        client.ecs.describeAvailableResourceWithOptions(
          new $Ecs.DescribeAvailableResourceRequest({
            regionId: client.config.regionId,
            destinationResource: instanceType === undefined ? 'Zone' : 'InstanceType',
            ioOptimized: 'optimized',
            instanceChargeType: chargeType,
            spotStrategy,
            ...(instanceType === undefined ? {} : { instanceType }),
            ...(networkType === undefined ? {} : { networkCategory: networkType.toLowerCase() }),
          }),
          client.runtime(),
        ),
      { ...options, action: 'DescribeAvailableResource' },
    );
    const availableZones = available.body?.availableZones?.availableZone ?? [];
    if (availableZones.length === 0) {
      throw new Error(`there are no available zones in region ${client.config.regionId} for the given conditions`);
    }
    const withStock = new Set(availableZones.filter((zone) => zone.status !== 'SoldOut').map((zone) => zone.zoneId ?? ''));

    const described = await callWithRetry(
      () =>
        client.ecs.describeZonesWithOptions(
          new $Ecs.DescribeZonesRequest({ regionId: client.config.regionId, instanceChargeType: chargeType, spotStrategy }),
          client.runtime(),
        ),
      { ...options, action: 'DescribeZones' },
    );
    const zones = described.body?.zones?.zone ?? [];
    if (zones.length === 0) throw new Error(`DescribeZones lists no zones in region ${client.config.regionId}`);

    const diskCategory = textOf(config, 'available_disk_category');
    const details = boolOf(config, 'enable_details') === true;
    const kept: KnownObject[] = [];
    for (const zone of zones) {
      const zoneId = zone.zoneId ?? '';
      if (!withStock.has(zoneId)) continue;
      const types = zone.availableInstanceTypes?.instanceTypes ?? [];
      const disks = zone.availableDiskCategories?.diskCategories ?? [];
      const creation = zone.availableResourceCreation?.resourceTypes ?? [];
      if (types.length === 0 || (instanceType !== undefined && !types.includes(instanceType))) continue;
      if (disks.length === 0 || (diskCategory !== undefined && !disks.includes(diskCategory))) continue;
      if (kind !== undefined && !creation.includes(kind)) continue;
      kept.push({
        id: zoneId,
        local_name: details ? (zone.localName ?? '') : '',
        available_instance_types: details ? types : [],
        available_resource_creation: details ? creation : [],
        available_disk_categories: details ? disks : [],
        multi_zone_ids: [],
        slb_slave_zone_ids: [],
      });
    }
    // `multi` asks for ApsaraDB multi-zone ids, which no ECS region here has.
    const result = boolOf(config, 'multi') === true ? [] : kept;
    const ids = result.map((zone) => zone['id'] as string);
    return {
      ...config,
      multi: boolOf(config, 'multi') ?? false,
      instance_charge_type: chargeType,
      spot_strategy: spotStrategy,
      enable_details: details,
      id: idHash(ids),
      ids,
      zones: result,
    };
  },
};

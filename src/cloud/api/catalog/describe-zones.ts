/**
 * DescribeZones: the region's zones with what can be created in each. With
 * `Verbose=false` the per-zone lists are empty. terraform's `alicloud_zones`
 * drops zones whose instance type or disk category lists are empty.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { instanceTypesInZone, listZones, type Zone } from './catalog.js';
import { acceptLanguage, localName } from './language.js';

const CHARGE_TYPES = ['PrePaid', 'PostPaid'];
const SPOT_STRATEGIES = ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo'];

export async function describeZones(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const regionId = params.requiredString('RegionId');
  const language = acceptLanguage(params);
  const chargeType = params.string('InstanceChargeType');
  if (chargeType !== undefined && !CHARGE_TYPES.includes(chargeType)) throw new EcsError('InvalidInstanceChargeType.NotFound');
  const spot = params.string('SpotStrategy');
  if (spot !== undefined && !SPOT_STRATEGIES.includes(spot)) throw new EcsError('InvalidSpotStrategy');
  const verbose = params.boolean('Verbose') ?? true;
  return { Zones: { Zone: listZones(regionId).map((zone) => zoneView(zone, language, verbose)) } };
}

function zoneView(zone: Zone, language: string, verbose: boolean): Record<string, unknown> {
  const types = verbose ? instanceTypesInZone(zone) : [];
  const disks = verbose ? [...zone.diskCategories] : [];
  const unique = (values: string[]): string[] => [...new Set(values)];
  return {
    ZoneId: zone.zoneId,
    LocalName: localName(zone.localName, language),
    ZoneType: 'AvailabilityZone',
    AvailableResourceCreation: { ResourceTypes: ['VSwitch', 'IoOptimized', 'Instance', 'Disk', 'DedicatedHost'] },
    AvailableDiskCategories: { DiskCategories: disks },
    AvailableInstanceTypes: { InstanceTypes: types.map((type) => type.instanceTypeId) },
    AvailableVolumeCategories: { VolumeCategories: verbose ? ['san_ssd', 'san_efficiency'] : [] },
    AvailableDedicatedHostTypes: { DedicatedHostType: [] },
    DedicatedHostGenerations: { DedicatedHostGeneration: [] },
    AvailableResources: {
      ResourcesInfo: verbose
        ? [
            {
              IoOptimized: true,
              InstanceTypes: { supportedInstanceType: types.map((type) => type.instanceTypeId) },
              InstanceTypeFamilies: { supportedInstanceTypeFamily: unique(types.map((type) => type.family)) },
              InstanceGenerations: { supportedInstanceGeneration: unique(types.map((type) => type.generation)) },
              NetworkTypes: { supportedNetworkCategory: ['vpc'] },
              SystemDiskCategories: { supportedSystemDiskCategory: disks },
              DataDiskCategories: { supportedDataDiskCategory: disks },
            },
          ]
        : [],
    },
  };
}

/**
 * DescribeAvailableResource: a funnel over the catalog. `DestinationResource`
 * names the level to list (Zone, IoOptimized, InstanceType, Network, ddh,
 * SystemDisk, DataDisk); the other parameters narrow zones and types. Zones
 * that offer nothing at the requested level are left out.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { Params } from '../params.js';
import { findInstanceType, instanceTypesInZone, listZones, type InstanceType, type Zone } from './catalog.js';

const DESTINATIONS = ['Zone', 'IoOptimized', 'InstanceType', 'Network', 'ddh', 'SystemDisk', 'DataDisk'] as const;
type Destination = (typeof DESTINATIONS)[number];

const RESOURCE_TYPES = ['instance', 'disk', 'reservedinstance', 'ddh'];
const CHARGE_TYPES = ['PrePaid', 'PostPaid'];
const SPOT_STRATEGIES = ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo'];
const DISK_CATEGORIES = ['cloud', 'cloud_efficiency', 'cloud_ssd', 'ephemeral_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry'];

interface Supported {
  readonly Value: string;
  readonly Status: 'Available';
  readonly StatusCategory: 'WithStock';
  readonly Min?: number;
  readonly Max?: number;
  readonly Unit?: string;
}

interface Query {
  readonly destination: Destination;
  readonly zoneId: string | undefined;
  readonly instanceType: InstanceType | undefined;
  readonly cores: number | undefined;
  readonly memory: number | undefined;
  readonly systemDiskCategory: string | undefined;
  readonly dataDiskCategory: string | undefined;
  readonly ioOptimized: string;
}

export async function describeAvailableResource(ctx: ActionContext): Promise<ActionResult> {
  const regionId = ctx.params.requiredString('RegionId');
  const query = readQuery(ctx.params);
  const zones = listZones(regionId).filter((zone) => query.zoneId === undefined || zone.zoneId === query.zoneId);
  const available = zones.flatMap((zone) => {
    const supported = supportedIn(zone, query);
    if (supported.length === 0) return [];
    return [
      {
        RegionId: regionId,
        ZoneId: zone.zoneId,
        Status: 'Available',
        StatusCategory: 'WithStock',
        AvailableResources: {
          AvailableResource: [{ Type: query.destination, SupportedResources: { SupportedResource: supported } }],
        },
      },
    ];
  });
  return { AvailableZones: { AvailableZone: available } };
}

function readQuery(params: Params): Query {
  const destination = params.string('DestinationResource');
  if (destination === undefined) throw new EcsError('Invalid.Param', 'DestinationResource');
  if (!(DESTINATIONS as readonly string[]).includes(destination)) throw new EcsError('Invalid.DestinationResource');
  const resourceType = params.string('ResourceType');
  if (resourceType !== undefined && !RESOURCE_TYPES.includes(resourceType)) throw new EcsError('Invalid.ResourceType');
  const chargeType = params.string('InstanceChargeType');
  if (chargeType !== undefined && !CHARGE_TYPES.includes(chargeType)) throw new EcsError('Invalid.InstanceChargeType');
  const spot = params.string('SpotStrategy');
  if (spot !== undefined && !SPOT_STRATEGIES.includes(spot)) throw new EcsError('Invalid.SpotStrategy');
  const ioOptimized = params.string('IoOptimized') ?? 'optimized';
  if (ioOptimized !== 'optimized' && ioOptimized !== 'none') throw new EcsError('Invalid.IoOptimized');
  const network = params.string('NetworkCategory');
  if (network !== undefined && network !== 'vpc' && network !== 'classic') throw new EcsError('Invalid.NetworkCategory');
  const systemDiskCategory = diskCategory(params, 'SystemDiskCategory');
  const dataDiskCategory = diskCategory(params, 'DataDiskCategory');
  const typeId = params.string('InstanceType');
  const cores = params.integer('Cores', { min: 1 });
  const memoryRaw = params.string('Memory');
  const memory = memoryRaw === undefined ? undefined : Number(memoryRaw);
  if (memory !== undefined && (!Number.isFinite(memory) || memory <= 0)) throw EcsError.invalidParameter('Memory');
  if (typeId !== undefined && (cores !== undefined || memory !== undefined)) throw new EcsError('InvalidParam.TypeAndCpuMem.Conflict');
  return {
    destination: destination as Destination,
    zoneId: params.string('ZoneId'),
    // An unknown type matches nothing, as the real API answers with no zones.
    instanceType: typeId === undefined ? undefined : (findInstanceType(typeId) ?? UNKNOWN_TYPE),
    cores,
    memory,
    systemDiskCategory,
    dataDiskCategory,
    ioOptimized,
  };
}

const UNKNOWN_TYPE = { instanceTypeId: '', family: '' } as InstanceType;

function diskCategory(params: Params, name: string): string | undefined {
  const value = params.string(name);
  if (value !== undefined && !DISK_CATEGORIES.includes(value)) throw EcsError.invalidParameter(name);
  return value;
}

function supportedIn(zone: Zone, query: Query): Supported[] {
  if (query.ioOptimized === 'none') return [];
  const types = instanceTypesInZone(zone).filter(
    (type) =>
      (query.instanceType === undefined || type.instanceTypeId === query.instanceType.instanceTypeId) &&
      (query.cores === undefined || type.cpuCoreCount === query.cores) &&
      (query.memory === undefined || type.memorySize === query.memory),
  );
  const disks = zone.diskCategories;
  const disksOffered =
    (query.systemDiskCategory === undefined || disks.includes(query.systemDiskCategory)) &&
    (query.dataDiskCategory === undefined || disks.includes(query.dataDiskCategory));
  if (types.length === 0 || !disksOffered) return [];
  const item = (value: string, extra: Partial<Supported> = {}): Supported => ({
    Value: value,
    Status: 'Available',
    StatusCategory: 'WithStock',
    ...extra,
  });
  switch (query.destination) {
    case 'Zone':
      return [item(zone.zoneId)];
    case 'IoOptimized':
      return [item('optimized')];
    case 'InstanceType':
      return types.map((type) => item(type.instanceTypeId));
    case 'Network':
      return [item('vpc')];
    case 'ddh':
      return [];
    case 'SystemDisk':
      return categories(disks, query.systemDiskCategory).map((category) =>
        item(category, { Min: 20, Max: 2048, Unit: 'GiB' }),
      );
    case 'DataDisk':
      return categories(disks, query.dataDiskCategory).map((category) =>
        item(category, { Min: category === 'cloud' ? 5 : 20, Max: category === 'cloud' ? 2000 : 32768, Unit: 'GiB' }),
      );
  }
}

function categories(disks: readonly string[], wanted: string | undefined): string[] {
  return disks.filter((category) => wanted === undefined || category === wanted);
}

/**
 * Lookups into the static catalog, for every area: regions, zones, instance
 * types and where each type is sold. Pure functions over constant data.
 */
import { INSTANCE_TYPES, type InstanceType } from './instance-types.js';
import { REGIONS, type Region, type Zone } from './regions.js';

export type { InstanceType, CpuArchitecture } from './instance-types.js';
export type { Region, Zone, LocalNames } from './regions.js';

const REGION_BY_ID: ReadonlyMap<string, Region> = new Map(REGIONS.map((region) => [region.regionId, region]));
const TYPE_BY_ID: ReadonlyMap<string, InstanceType> = new Map(INSTANCE_TYPES.map((type) => [type.instanceTypeId, type]));

export function listRegions(): readonly Region[] {
  return REGIONS;
}

export function findRegion(regionId: string): Region | undefined {
  return REGION_BY_ID.get(regionId);
}

export function listZones(regionId: string): readonly Zone[] {
  return REGION_BY_ID.get(regionId)?.zones ?? [];
}

export function findZone(regionId: string, zoneId: string): Zone | undefined {
  return listZones(regionId).find((zone) => zone.zoneId === zoneId);
}

export function listInstanceTypes(): readonly InstanceType[] {
  return INSTANCE_TYPES;
}

export function findInstanceType(instanceTypeId: string): InstanceType | undefined {
  return TYPE_BY_ID.get(instanceTypeId);
}

export function instanceTypesInZone(zone: Zone): readonly InstanceType[] {
  return INSTANCE_TYPES.filter((type) => !zone.missingFamilies.includes(type.family));
}

export function isInstanceTypeAvailableInZone(regionId: string, zoneId: string, instanceTypeId: string): boolean {
  const zone = findZone(regionId, zoneId);
  const type = findInstanceType(instanceTypeId);
  return zone !== undefined && type !== undefined && !zone.missingFamilies.includes(type.family);
}

/** Disk categories (system and data) that can be created in the zone. */
export function diskCategoriesInZone(regionId: string, zoneId: string): readonly string[] {
  return findZone(regionId, zoneId)?.diskCategories ?? [];
}

export function isDiskCategoryAvailableInZone(regionId: string, zoneId: string, category: string): boolean {
  return diskCategoriesInZone(regionId, zoneId).includes(category);
}

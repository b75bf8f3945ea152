/** Step 5: `RegionId`, when given, must be a region of the catalog. */
import { findRegion } from '../api/catalog/catalog.js';
import { EcsError } from '../api/errors.js';

export function checkRegion(params: ReadonlyMap<string, string>, defaultRegionId: string): string {
  const given = params.get('RegionId');
  if (given === undefined || given === '') return defaultRegionId;
  if (findRegion(given) === undefined) throw new EcsError('InvalidRegionId.NotFound');
  return given;
}

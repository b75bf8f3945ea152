/**
 * Step 5: `RegionId`. When given, it must be a region of the catalog; when absent, the
 * cloud's default region applies, unless the action's reference marks it required.
 */
import { findRegion } from '../api/catalog/catalog.js';
import { EcsError } from '../api/errors.js';

export function checkRegion(params: ReadonlyMap<string, string>, defaultRegionId: string, required: boolean): string {
  const given = params.get('RegionId');
  if (given === undefined || given === '') {
    if (required) throw EcsError.missingParameter('RegionId');
    return defaultRegionId;
  }
  if (findRegion(given) === undefined) throw new EcsError('InvalidRegionId.NotFound');
  return given;
}

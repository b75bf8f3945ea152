/** DescribeRegions: every region of the catalog, named in the requested language. */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { listRegions } from './catalog.js';
import { acceptLanguage, localName } from './language.js';

const RESOURCE_TYPES = ['instance', 'disk', 'reservedinstance', 'scu'];
const CHARGE_TYPES = ['PrePaid', 'PostPaid', 'SpotWithPriceLimit', 'SpotAsPriceGo'];

export async function describeRegions(ctx: ActionContext): Promise<ActionResult> {
  const language = acceptLanguage(ctx.params);
  const resourceType = ctx.params.string('ResourceType');
  if (resourceType !== undefined && !RESOURCE_TYPES.includes(resourceType)) throw new EcsError('InvalidResourceType.NotFound');
  const chargeType = ctx.params.string('InstanceChargeType');
  if (chargeType !== undefined && !CHARGE_TYPES.includes(chargeType)) throw new EcsError('InvalidInstanceChargeType.NotFound');
  return {
    Regions: {
      Region: listRegions().map((region) => ({
        RegionId: region.regionId,
        LocalName: localName(region.localName, language),
        RegionEndpoint: region.endpoint,
        Status: 'available',
      })),
    },
  };
}

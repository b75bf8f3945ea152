/** The catalog's ECS actions: regions, zones, instance types and what is available where. */
import type { ActionTable } from '../action.js';
import { describeAvailableResource } from './describe-available-resource.js';
import { describeInstanceTypes } from './describe-instance-types.js';
import { describeRegions } from './describe-regions.js';
import { describeZones } from './describe-zones.js';

export const catalogEcsActions: ActionTable = {
  DescribeRegions: { handler: describeRegions, readOnly: true },
  DescribeZones: { handler: describeZones, readOnly: true, regionIdRequired: true },
  DescribeInstanceTypes: { handler: describeInstanceTypes, readOnly: true },
  DescribeAvailableResource: { handler: describeAvailableResource, readOnly: true, regionIdRequired: true },
};

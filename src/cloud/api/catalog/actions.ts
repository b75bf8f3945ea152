/** The catalog's ECS actions: regions, zones, instance types and what is available where. */
import type { ActionTable } from '../action.js';
import { describeRegions } from './describe-regions.js';

export const catalogEcsActions: ActionTable = {
  DescribeRegions: { handler: describeRegions, readOnly: true },
};

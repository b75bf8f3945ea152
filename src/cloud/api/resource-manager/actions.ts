/** Resource Manager (2020-03-31): the account's resource groups. */
import type { ActionTable } from '../action.js';
import { getResourceGroup } from './get-resource-group.js';
import { listResourceGroups } from './list-resource-groups.js';

export const resourceManagerActions: ActionTable = {
  ListResourceGroups: { handler: listResourceGroups, readOnly: true },
  GetResourceGroup: { handler: getResourceGroup, readOnly: true },
};

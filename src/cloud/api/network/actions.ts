/** Placeholder: the network area's actions, filled in by its owner. */
import type { ActionTable } from '../action.js';

export const networkEcsActions: ActionTable = {};
export const networkVpcActions: ActionTable = {};

/** Placeholder: the resource-manager area's actions, filled in by its owner. */
import type { ActionTable } from '../action.js';

export const resourceManagerActions: ActionTable = {};

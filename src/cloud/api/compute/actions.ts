/** Placeholder: the compute area's actions, filled in by its owner. */
import type { ActionTable } from '../action.js';

export const computeEcsActions: ActionTable = {};

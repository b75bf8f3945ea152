/** Placeholder: the images area's actions, filled in by its owner. */
import type { ActionTable } from '../action.js';

export const imagesEcsActions: ActionTable = {};

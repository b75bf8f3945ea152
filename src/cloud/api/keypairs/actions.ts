/** The key-pair area's action table on ECS (2014-05-26). */
export { keyPairActions as keyPairEcsActions } from './key-pair-actions.js';

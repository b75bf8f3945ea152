/**
 * Every job kind the cloud runs, in a plain list that server.ts hands to the
 * runner. Areas add their kinds here, e.g.
 * `import { imageCreationJob } from './image-creation.js'` then list it.
 */
import type { JobKind } from './types.js';
import { imageCreationJob } from './image-creation.js';
import { instanceTransitionJob } from './instance-transition.js';
import { snapshotCreationJob } from './snapshot-creation.js';

export const JOB_KINDS: readonly JobKind[] = [imageCreationJob, instanceTransitionJob, snapshotCreationJob];

/**
 * The contract between the job runner and the areas that define durable
 * asynchronous work (image creation, snapshot creation, instance transitions).
 */
import type { Kysely } from 'kysely';
import type { CloudSettings } from '../api/action.js';
import type { Database } from '../store/schema.js';
import type { JobRow } from '../store/store.js';

export type { JobRow } from '../store/store.js';

export interface JobContext {
  /** The job's transaction: the handler's writes and the job's completion commit together. */
  readonly db: Kysely<Database>;
  readonly now: () => number;
  readonly settings: CloudSettings;
}

/** `done`: the job is finished. `retryAt`: run it again at that time (epoch ms), e.g. to advance Progress. */
export type JobOutcome = { readonly done: true } | { readonly retryAt: number };

/**
 * Called with a claimed job. Must be idempotent for its step: after a crash the
 * same step may run again (the transaction of the crashed attempt rolled back).
 */
export type JobHandler = (job: JobRow, ctx: JobContext) => Promise<JobOutcome>;

export interface JobKind {
  readonly kind: string;
  readonly handler: JobHandler;
}

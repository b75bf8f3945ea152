/**
 * The job runner: polls for due jobs, claims one at a time with a lease
 * (through the store adapter, so PostgreSQL can use `FOR UPDATE SKIP LOCKED`),
 * runs its kind's handler inside a transaction that also records the outcome,
 * and repeats until nothing is due. It then sleeps until the next job is due or
 * for one poll interval, whichever is sooner: an image planned to be ready at
 * some time is ready then, not up to a poll interval later, while jobs another
 * replica enqueues are still seen within one interval. A worker that dies leaves its lease to
 * expire; then any runner takes the job over. A handler that throws is retried
 * with backoff, and marked failed after `maxAttempts`.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { CloudSettings } from '../api/action.js';
import type { JobRow, Store } from '../store/store.js';
import type { JobHandler, JobKind, JobOutcome } from './types.js';

export { enqueueJob, type NewJob } from './enqueue.js';

export interface JobRunnerOptions {
  readonly store: Store;
  readonly kinds: readonly JobKind[];
  readonly settings: CloudSettings;
  readonly now: () => number;
  readonly logger: Logger;
  readonly pollIntervalMs?: number;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
}

class LeaseLost extends Error {}

const MIN_DELAY_MS = 5;

export class JobRunner {
  readonly #options: JobRunnerOptions;
  readonly #handlers: ReadonlyMap<string, JobHandler>;
  readonly #owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
    this.#handlers = new Map(options.kinds.map((kind) => [kind.kind, kind.handler]));
  }

  get owner(): string {
    return this.#owner;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for the job in progress, if any. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /**
   * Runs the jobs due now, up to `limit` of them (a handler that keeps asking to
   * run again immediately cannot pin the loop). Returns how many ran.
   */
  async runDueJobs(limit = 100): Promise<number> {
    let count = 0;
    while (count < limit) {
      const job = await this.#options.store.claimJob({
        owner: this.#owner,
        now: this.#options.now(),
        leaseMs: this.#options.leaseMs ?? 30_000,
      });
      if (job === undefined) return count;
      await this.#run(job);
      count += 1;
    }
    return count;
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#running = this.#cycle().then((next) => {
        this.#running = undefined;
        this.#schedule(next);
      });
    }, delay);
  }

  /** Runs what is due; resolves to the delay before the next cycle. */
  async #cycle(): Promise<number> {
    try {
      await this.runDueJobs();
      return await this.#untilNextDue();
    } catch (error) {
      this.#options.logger.error({ err: error }, 'job runner poll failed');
      return this.#pollIntervalMs();
    }
  }

  #pollIntervalMs(): number {
    return this.#options.pollIntervalMs ?? 150;
  }

  /**
   * Until the earliest pending job can be claimed (when it is due or, held by a replica,
   * when that lease runs out), at most one poll interval. At least a few milliseconds: a due
   * job another replica is claiming right now must not make a hot loop.
   */
  async #untilNextDue(): Promise<number> {
    const row = await this.#options.store.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min(eb.case().when('lease_owner', '=', '').then(eb.ref('run_at')).else(eb.ref('lease_expires_at')).end()).as('due'))
      .where('state', '=', 'pending')
      .executeTakeFirst();
    const poll = this.#pollIntervalMs();
    if (row?.due === null || row?.due === undefined) return poll;
    return Math.min(Math.max(Number(row.due) - this.#options.now(), MIN_DELAY_MS), poll);
  }

  async #run(job: JobRow): Promise<void> {
    const { store, now, settings, logger } = this.#options;
    const handler = this.#handlers.get(job.kind);
    try {
      await store.db.transaction().execute(async (trx) => {
        if (handler === undefined) throw new Error(`no handler is registered for job kind ${job.kind}`);
        const outcome: JobOutcome = await handler(job, { db: trx, now, settings });
        const done = 'done' in outcome;
        const result = await trx
          .updateTable('jobs')
          .set({
            state: done ? 'done' : 'pending',
            run_at: done ? job.run_at : outcome.retryAt,
            lease_owner: '',
            lease_expires_at: 0,
            attempts: done ? job.attempts : 0,
            updated_at: now(),
          })
          .where('id', '=', job.id)
          .where('lease_owner', '=', this.#owner)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new LeaseLost(`lease of job ${job.id} was taken over`);
      });
    } catch (error) {
      if (error instanceof LeaseLost) {
        logger.warn({ jobId: job.id, kind: job.kind }, error.message);
        return;
      }
      await this.#recordFailure(job, error);
    }
  }

  async #recordFailure(job: JobRow, error: unknown): Promise<void> {
    const { store, now, logger } = this.#options;
    const maxAttempts = this.#options.maxAttempts ?? 10;
    const failed = job.attempts >= maxAttempts;
    logger.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, failed ? 'job failed for good' : 'job failed, will retry');
    await store.db
      .updateTable('jobs')
      .set({
        state: failed ? 'failed' : 'pending',
        run_at: now() + Math.min(30_000, 250 * 2 ** job.attempts),
        lease_owner: '',
        lease_expires_at: 0,
        updated_at: now(),
      })
      .where('id', '=', job.id)
      .where('lease_owner', '=', this.#owner)
      .execute();
  }
}

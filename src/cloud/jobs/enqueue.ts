/** Enqueue durable work; call it with the request's transaction so the job commits with the resource. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface NewJob {
  readonly kind: string;
  readonly accountId: string;
  readonly resourceId: string;
  readonly payload?: unknown;
  /** Not before this time (epoch ms). */
  readonly runAt: number;
}

export async function enqueueJob(db: Kysely<Database>, job: NewJob, now: number = Date.now()): Promise<number> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      account_id: job.accountId,
      resource_id: job.resourceId,
      payload: JSON.stringify(job.payload ?? {}),
      state: 'pending',
      run_at: job.runAt,
      lease_owner: '',
      lease_expires_at: 0,
      attempts: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

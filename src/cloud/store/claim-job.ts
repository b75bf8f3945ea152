/**
 * Taking the lease of one due job, written once for both dialects. The only difference is
 * how the candidate row is chosen under concurrency: PostgreSQL locks it with
 * `FOR UPDATE SKIP LOCKED` (other replicas skip to the next job); SQLite needs nothing,
 * because its single writer already serializes the select and the update.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { ClaimJobOptions, JobRow } from './store.js';

export async function claimDueJob(
  db: Kysely<Database>,
  { owner, now, leaseMs }: ClaimJobOptions,
  rowLocks: 'skip-locked' | 'none',
): Promise<JobRow | undefined> {
  const candidates = db
    .selectFrom('jobs')
    .select('id')
    .where('state', '=', 'pending')
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_owner', '=', ''), eb('lease_expires_at', '<', now)]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(1);
  const due = rowLocks === 'skip-locked' ? candidates.forUpdate().skipLocked() : candidates;
  return db
    .updateTable('jobs')
    .set({ lease_owner: owner, lease_expires_at: now + leaseMs, attempts: sql<number>`attempts + 1`, updated_at: now })
    .where('id', '=', due)
    .returningAll()
    .executeTakeFirst();
}

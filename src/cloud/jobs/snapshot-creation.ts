/**
 * CreateSnapshot is asynchronous: a snapshot is `progressing` until its
 * `available_at` (creation time + `settings.snapshotCreationMs`), then
 * `accomplished` at 100%. Progress in between is derived from the clock
 * (`snapshotProgress`), so only the final step needs a durable job; after a
 * restart the job finishes the snapshot, once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { enqueueJob } from './enqueue.js';
import type { JobHandler, JobKind } from './types.js';

export const SNAPSHOT_CREATION_JOB = 'snapshot-creation';

export interface ScheduleSnapshot {
  readonly accountId: string;
  readonly snapshotId: string;
  readonly availableAt: number;
  readonly now: number;
}

export async function scheduleSnapshotCompletion(db: Kysely<Database>, input: ScheduleSnapshot): Promise<void> {
  await enqueueJob(
    db,
    { kind: SNAPSHOT_CREATION_JOB, accountId: input.accountId, resourceId: input.snapshotId, runAt: input.availableAt },
    input.now,
  );
}

/** 0–99 while progressing (by elapsed time), 100 once accomplished. */
export function snapshotProgress(
  snapshot: { readonly status: string; readonly progress: number; readonly creation_time: number; readonly available_at: number | null },
  now: number,
): number {
  if (snapshot.status !== 'progressing') return Number(snapshot.progress);
  const start = Number(snapshot.creation_time);
  const end = snapshot.available_at === null ? start : Number(snapshot.available_at);
  if (end <= start) return 99;
  return Math.max(0, Math.min(99, Math.floor(((now - start) / (end - start)) * 100)));
}

const completeSnapshot: JobHandler = async (job, ctx) => {
  const snapshot = await ctx.db
    .selectFrom('snapshots')
    .select(['status', 'available_at'])
    .where('id', '=', job.resource_id)
    .executeTakeFirst();
  if (snapshot === undefined || snapshot.status !== 'progressing') return { done: true };
  const now = ctx.now();
  const availableAt = Number(snapshot.available_at ?? 0);
  if (availableAt > now) return { retryAt: availableAt };
  await ctx.db
    .updateTable('snapshots')
    .set({ status: 'accomplished', progress: 100 })
    .where('id', '=', job.resource_id)
    .where('status', '=', 'progressing')
    .execute();
  return { done: true };
};

export const snapshotCreationJob: JobKind = { kind: SNAPSHOT_CREATION_JOB, handler: completeSnapshot };

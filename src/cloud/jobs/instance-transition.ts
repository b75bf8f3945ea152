/**
 * Instance power states that settle over time: RunInstances goes Pending →
 * Starting → Running, StartInstance Starting → Running, StopInstance Stopping →
 * Stopped. Each step waits `settings.instanceTransitionMs` (split in two for the
 * two steps of a launch). The state lives in the instance row, so after a
 * restart the job picks up where the row stands; a step that already happened
 * is not repeated, and an instance deleted meanwhile ends the job.
 */
import type { Kysely } from 'kysely';
import type { CloudSettings } from '../api/action.js';
import type { Database } from '../store/schema.js';
import { enqueueJob } from './enqueue.js';
import type { JobHandler, JobKind } from './types.js';

export const INSTANCE_TRANSITION_JOB = 'instance-transition';

/** Where the instance is going, from the status it is in now. */
const NEXT: Readonly<Record<string, { readonly status: string; readonly final: boolean }>> = {
  Pending: { status: 'Starting', final: false },
  Starting: { status: 'Running', final: true },
  Stopping: { status: 'Stopped', final: true },
};

export interface ScheduleTransition {
  readonly accountId: string;
  readonly instanceId: string;
  /** The status the instance was just put in (Pending, Starting or Stopping). */
  readonly from: string;
  readonly now: number;
  readonly settings: CloudSettings;
}

function stepMs(from: string, settings: CloudSettings): number {
  const total = Math.max(0, settings.instanceTransitionMs);
  return from === 'Pending' ? Math.floor(total / 2) : total;
}

/** Enqueue, in the caller's transaction, the job that moves the instance on from `from`. */
export async function scheduleInstanceTransition(db: Kysely<Database>, input: ScheduleTransition): Promise<void> {
  await enqueueJob(
    db,
    {
      kind: INSTANCE_TRANSITION_JOB,
      accountId: input.accountId,
      resourceId: input.instanceId,
      payload: { from: input.from },
      runAt: input.now + stepMs(input.from, input.settings),
    },
    input.now,
  );
}

const advanceInstance: JobHandler = async (job, ctx) => {
  const instance = await ctx.db
    .selectFrom('instances')
    .select(['status'])
    .where('id', '=', job.resource_id)
    .executeTakeFirst();
  const next = instance === undefined ? undefined : NEXT[instance.status];
  if (next === undefined) return { done: true };
  const now = ctx.now();
  await ctx.db
    .updateTable('instances')
    .set({ status: next.status, status_changed_at: now })
    .where('id', '=', job.resource_id)
    .execute();
  if (next.final) return { done: true };
  // Starting after Pending: the second half of a launch.
  return { retryAt: now + Math.floor(Math.max(0, ctx.settings.instanceTransitionMs) / 2) };
};

export const instanceTransitionJob: JobKind = { kind: INSTANCE_TRANSITION_JOB, handler: advanceInstance };

/**
 * `POST /_ecs-image/jobs/complete`: every pending job finishes now, as if its
 * time had passed (moto's "manual" progression). The planned ends of Creating
 * images and progressing snapshots move to now and every pending job becomes
 * due; then the runner runs them. A job with several steps (an instance
 * launch: Pending → Starting → Running) is made due again until it is done.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobRunner } from '../jobs/runner.js';
import type { Store } from '../store/store.js';

/**
 * Rounds before giving up: the longest chain of steps a job kind has is two, but a job another
 * runner (this process's poller, another replica) holds at that moment is left to it, and the
 * next round looks again.
 */
const MAX_ROUNDS = 20;
const ROUND_PAUSE_MS = 25;

export async function completeJobs(store: Store, runner: JobRunner, now: () => number): Promise<number> {
  const { db } = store;
  // The jobs pending now are those up to the highest pending id (ids only grow); a bound rather than
  // a list of ids, so any number of jobs fits in one statement.
  const pendingUpTo = (lastId: number) => db.selectFrom('jobs').where('state', '=', 'pending').where('id', '<=', lastId);
  const newest = await db.selectFrom('jobs').select((eb) => eb.fn.max('id').as('id')).where('state', '=', 'pending').executeTakeFirst();
  const lastId = Number(newest?.id ?? 0);
  const count = async (): Promise<number> =>
    Number((await pendingUpTo(lastId).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
  const before = await count();
  if (before === 0) return 0;
  let left = before;
  for (let round = 0; round < MAX_ROUNDS && left > 0; round += 1) {
    const at = now();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('images').set({ available_at: at }).where('status', '=', 'Creating').where('available_at', '>', at).execute();
      await trx.updateTable('snapshots').set({ available_at: at }).where('status', '=', 'progressing').where('available_at', '>', at).execute();
      await trx.updateTable('jobs').set({ run_at: at }).where('state', '=', 'pending').where('id', '<=', lastId).where('run_at', '>', at).execute();
    });
    await runner.runDueJobs(left * 2);
    left = await count();
    if (left > 0) await sleep(ROUND_PAUSE_MS);
  }
  return before - left;
}

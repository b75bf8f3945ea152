/**
 * `POST /_ecs-image/jobs/complete`: every pending job finishes now, as if its
 * time had passed (moto's "manual" progression). The planned ends of Creating
 * images and progressing snapshots move to now and every pending job becomes
 * due; then the runner runs them. A job with several steps (an instance
 * launch: Pending → Starting → Running) is made due again until it is done.
 */
import type { JobRunner } from '../jobs/runner.js';
import type { Store } from '../store/store.js';

/** Enough rounds for the longest chain of steps a job kind has (two). */
const MAX_ROUNDS = 5;

export async function completeJobs(store: Store, runner: JobRunner, now: () => number): Promise<number> {
  const { db } = store;
  const pending = await db.selectFrom('jobs').select('id').where('state', '=', 'pending').execute();
  if (pending.length === 0) return 0;
  const ids = pending.map((job) => job.id);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const at = now();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('images').set({ available_at: at }).where('status', '=', 'Creating').where('available_at', '>', at).execute();
      await trx.updateTable('snapshots').set({ available_at: at }).where('status', '=', 'progressing').where('available_at', '>', at).execute();
      await trx.updateTable('jobs').set({ run_at: at }).where('id', 'in', ids).where('state', '=', 'pending').where('run_at', '>', at).execute();
    });
    await runner.runDueJobs(ids.length * 2);
    const left = await db.selectFrom('jobs').select('id').where('id', 'in', ids).where('state', '=', 'pending').executeTakeFirst();
    if (left === undefined) break;
  }
  const done = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('count')).where('id', 'in', ids).where('state', '!=', 'pending').executeTakeFirstOrThrow();
  return Number(done.count);
}

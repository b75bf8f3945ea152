/**
 * What several cloud processes sharing one store rely on, with each "process"
 * a store of its own (its own pool or file connection) on the same database:
 * a job is claimed by exactly one of them and taken over when its holder dies;
 * a ClientToken creates once; one account's check-then-write rules never race.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/cloud/api/action.js';
import { withClientToken } from '../../src/cloud/api/idempotency.js';
import { Params } from '../../src/cloud/api/params.js';
import { enqueueJob, JobRunner } from '../../src/cloud/jobs/runner.js';
import { DEFAULT_SETTINGS } from '../../src/cloud/server.js';
import { lockAccount } from '../../src/cloud/store/account-lock.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store, StoreConfig } from '../../src/cloud/store/store.js';
import { DIALECTS, dialectTitle, skipReason, useDialect } from './dialects.js';

const logger = pino({ level: 'silent' });

for (const dialect of DIALECTS) {
  describe.skipIf(skipReason(dialect) !== undefined)(dialectTitle(dialect), () => {
    const fixture = useDialect(dialect);
    const opened: Store[] = [];
    /**
     * `count` stores ("replicas") on one new database. SQLite serves one
     * process (better-sqlite3 blocks its thread while it waits for a lock), so
     * there the replicas are concurrent users of one store.
     */
    const replicas = async (count: number): Promise<Store[]> => {
      const config: StoreConfig = await fixture.newStoreConfig();
      const first = await openStore(config);
      opened.push(first);
      if (dialect === 'sqlite') return Array.from({ length: count }, () => first);
      for (let i = 1; i < count; i += 1) opened.push(await openStore(config));
      return opened.slice(-count);
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    const addJobs = async (store: Store, count: number, runAt: number): Promise<void> => {
      for (let i = 0; i < count; i += 1) {
        await enqueueJob(store.db, { kind: 'k', accountId: 'a', resourceId: `r-${i}`, runAt }, runAt);
      }
    };

    it('concurrent claimers on several replicas never take the same job', async () => {
      const stores = await replicas(3);
      const now = 1_000_000;
      await addJobs(stores[0] as Store, 60, now);
      const claimed: number[] = [];
      await Promise.all(
        stores.flatMap((store, s) =>
          Array.from({ length: 4 }, async (_, w) => {
            for (;;) {
              const job = await store.claimJob({ owner: `replica-${s}-worker-${w}`, now, leaseMs: 60_000 });
              if (job === undefined) return;
              claimed.push(job.id);
            }
          }),
        ),
      );
      expect(claimed).toHaveLength(60);
      expect(new Set(claimed).size).toBe(60);
      const owners = await (stores[1] as Store).db.selectFrom('jobs').select(['lease_owner', 'attempts']).execute();
      expect(owners.every((row) => row.lease_owner !== '' && row.attempts === 1)).toBe(true);
    });

    it("a dead replica's jobs are taken over once their lease expires, and run once", async () => {
      const [dead, alive] = (await replicas(2)) as [Store, Store];
      let clock = 2_000_000;
      await addJobs(dead, 5, clock);
      for (let i = 0; i < 3; i += 1) expect(await dead.claimJob({ owner: 'killed', now: clock, leaseMs: 5_000 })).toBeDefined();
      const ran: string[] = [];
      const runner = new JobRunner({
        store: alive,
        kinds: [{ kind: 'k', handler: async (job) => (ran.push(job.resource_id), { done: true }) }],
        settings: DEFAULT_SETTINGS,
        now: () => clock,
        logger,
        leaseMs: 5_000,
      });
      expect(await runner.runDueJobs()).toBe(2);
      clock += 4_000;
      expect(await runner.runDueJobs()).toBe(0);
      clock += 2_000;
      expect(await runner.runDueJobs()).toBe(3);
      expect(ran.sort()).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
      const states = await alive.db.selectFrom('jobs').select('state').distinct().execute();
      expect(states).toEqual([{ state: 'done' }]);
    });

    it('runners on two replicas run every job exactly once', async () => {
      const stores = await replicas(2);
      await addJobs(stores[0] as Store, 40, Date.now());
      const runs = new Map<string, number>();
      const runners = stores.map(
        (store) =>
          new JobRunner({
            store,
            kinds: [
              {
                kind: 'k',
                handler: async (job, ctx) => {
                  runs.set(job.resource_id, (runs.get(job.resource_id) ?? 0) + 1);
                  await ctx.db.insertInto('tags').values({ account_id: 'a', resource_type: 'job', resource_id: job.resource_id, tag_key: 'ran', tag_value: '1' }).execute();
                  return { done: true };
                },
              },
            ],
            settings: DEFAULT_SETTINGS,
            now: Date.now,
            logger,
          }),
      );
      await Promise.all(runners.map((runner) => runner.runDueJobs()));
      expect(runs.size).toBe(40);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
    });

    it('the same ClientToken sent to two replicas at once creates one resource, and both answers name it', async () => {
      const stores = await replicas(2);
      let created = 0;
      const request = (store: Store, id: string): Promise<Record<string, unknown>> =>
        store.db.transaction().execute(async (trx) => {
          const ctx: ActionContext = {
            requestId: id,
            action: 'CreateThing',
            account: { id: 'a', name: 'a' },
            regionId: 'cn-hangzhou',
            params: Params.of({ ClientToken: 'same-token', Name: 'x' }),
            db: trx,
            now: Date.now,
            settings: DEFAULT_SETTINGS,
          };
          return withClientToken(ctx, 'CreateThing', async () => {
            created += 1;
            await trx.insertInto('accounts').values({ id: `thing-${id}`, name: 'thing', created_at: 1 }).execute();
            // Still inside the transaction: the other request must wait for this answer.
            await new Promise((resolve) => setTimeout(resolve, 50));
            return { ThingId: `thing-${id}` };
          });
        });
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => request(stores[i % 2] as Store, String(i))),
      );
      expect(created).toBe(1);
      expect(new Set(answers.map((answer) => answer.ThingId)).size).toBe(1);
      const things = await (stores[0] as Store).db.selectFrom('accounts').select('id').where('name', '=', 'thing').execute();
      expect(things).toEqual([{ id: answers[0]?.ThingId }]);
    });

    it("the account lock keeps one account's check-then-write from overshooting a limit", async () => {
      const stores = await replicas(3);
      const limit = 5;
      await (stores[0] as Store).db.insertInto('accounts').values({ id: 'acct', name: 'acct', created_at: 1 }).execute();
      const attempt = (store: Store, i: number): Promise<void> =>
        store.db.transaction().execute(async (trx) => {
          await lockAccount(trx, 'acct');
          const { n } = await trx
            .selectFrom('tags')
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .where('account_id', '=', 'acct')
            .executeTakeFirstOrThrow();
          await new Promise((resolve) => setTimeout(resolve, 5)); // widen the race window
          if (Number(n) < limit) {
            await trx.insertInto('tags').values({ account_id: 'acct', resource_type: 'image', resource_id: `m-${i}`, tag_key: 'k', tag_value: 'v' }).execute();
          }
        });
      await Promise.all(Array.from({ length: 24 }, (_, i) => attempt(stores[i % 3] as Store, i)));
      const { n } = await (stores[1] as Store).db
        .selectFrom('tags')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('account_id', '=', 'acct')
        .executeTakeFirstOrThrow();
      expect(n).toBe(limit);
    });
  });
}

/** The store, seeding, ClientToken idempotency and the job runner, on a real SQLite file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/cloud/api/action.js';
import { withClientToken } from '../../src/cloud/api/idempotency.js';
import { EcsError } from '../../src/cloud/api/errors.js';
import { Params } from '../../src/cloud/api/params.js';
import { enqueueJob, JobRunner } from '../../src/cloud/jobs/runner.js';
import type { JobKind } from '../../src/cloud/jobs/types.js';
import { createAccount } from '../../src/cloud/seed/accounts.js';
import { seedCloud } from '../../src/cloud/seed/seed.js';
import { DEFAULT_SETTINGS } from '../../src/cloud/server.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';

const logger = pino({ level: 'silent' });

describe('store', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecs-image-store-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'cloud.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('seeding is idempotent across restarts and keeps the default credentials', async () => {
    const first = await seedCloud(store.db, { now: 1 });
    await store.close();
    store = await openStore({ kind: 'sqlite', file: join(dir, 'cloud.sqlite') });
    const second = await seedCloud(store.db, { now: 2 });
    expect(second).toEqual(first);
    const images = await store.db.selectFrom('images').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const regions = await store.db.selectFrom('images').select('region_id').distinct().execute();
    const perRegion = Number(images.n) / regions.length;
    expect(perRegion).toBeGreaterThanOrEqual(10);
    const groups = await store.db.selectFrom('resource_groups').selectAll().execute();
    expect(groups).toHaveLength(2);
    const arm = await store.db
      .selectFrom('images')
      .selectAll()
      .where('region_id', '=', 'cn-hangzhou')
      .where('id', '=', 'ubuntu_22_04_arm64_20G_alibase_20240220.vhd')
      .executeTakeFirstOrThrow();
    expect(arm).toMatchObject({ account_id: 'system', image_owner_alias: 'system', architecture: 'arm64', status: 'Available', usable: 1 });
    const disks = await store.db.selectFrom('image_disks').selectAll().where('image_id', '=', arm.id).execute();
    expect(disks).toEqual([expect.objectContaining({ position: 0, disk_type: 'system', size: 20 })]);
    const windows = await store.db.selectFrom('images').select('platform').where('os_type', '=', 'windows').executeTakeFirst();
    expect(windows?.platform).toBe('Windows Server 2022');
  });

  it('given credentials are attached to the default account', async () => {
    const seeded = await seedCloud(store.db, { now: 1 });
    const again = await seedCloud(store.db, { now: 2, credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' } });
    expect(again).toEqual({ accountId: seeded.accountId, accessKeyId: 'testid', accessKeySecret: 'testsecret' });
  });

  it('the unique keys hold: one value per tag key, one row per nonce', async () => {
    const row = { account_id: 'a', resource_type: 'image', resource_id: 'm-1', tag_key: 'k', tag_value: 'v' };
    await store.db.insertInto('tags').values(row).execute();
    await expect(store.db.insertInto('tags').values({ ...row, tag_value: 'w' }).execute()).rejects.toThrow(/UNIQUE/);
    await store.db.insertInto('nonces').values({ access_key_id: 'k', nonce: 'n', expires_at: 1 }).execute();
    await expect(store.db.insertInto('nonces').values({ access_key_id: 'k', nonce: 'n', expires_at: 2 }).execute()).rejects.toThrow(/UNIQUE/);
  });

  describe('withClientToken', () => {
    const context = (accountId: string, params: Record<string, string>): ActionContext => ({
      requestId: 'R',
      action: 'CreateThing',
      account: { id: accountId, name: 'n' },
      regionId: 'cn-hangzhou',
      params: Params.of(params),
      db: store.db,
      now: Date.now,
      settings: DEFAULT_SETTINGS,
    });
    const create = (ctx: ActionContext, id: string): Promise<{ ThingId: string }> =>
      ctx.db.transaction().execute((trx) => withClientToken({ ...ctx, db: trx }, 'CreateThing', async () => ({ ThingId: id })));

    it('replays the first answer for the same token and parameters', async () => {
      expect(await create(context('a', { ClientToken: 't1', Name: 'x' }), 'first')).toEqual({ ThingId: 'first' });
      expect(await create(context('a', { ClientToken: 't1', Name: 'x' }), 'second')).toEqual({ ThingId: 'first' });
      // Another account's identical token is independent.
      expect(await create(context('b', { ClientToken: 't1', Name: 'x' }), 'third')).toEqual({ ThingId: 'third' });
      // No token: no memory.
      expect(await create(context('a', { Name: 'x' }), 'fourth')).toEqual({ ThingId: 'fourth' });
    });

    it('refuses the same token with different parameters', async () => {
      await create(context('a', { ClientToken: 't2', Name: 'x' }), 'first');
      await expect(create(context('a', { ClientToken: 't2', Name: 'y' }), 'second')).rejects.toSatisfy(
        (error) => error instanceof EcsError && error.code === 'IdempotentParameterMismatch',
      );
    });

    it('a failed create leaves no reservation behind', async () => {
      const ctx = context('a', { ClientToken: 't3' });
      await expect(
        ctx.db.transaction().execute((trx) =>
          withClientToken({ ...ctx, db: trx }, 'CreateThing', async () => {
            throw new EcsError('InvalidParameter', 'Name');
          }),
        ),
      ).rejects.toThrow(EcsError);
      expect(await create(ctx, 'after-failure')).toEqual({ ThingId: 'after-failure' });
    });

    it('refuses an over-long token', async () => {
      await expect(create(context('a', { ClientToken: 'x'.repeat(65) }), 'x')).rejects.toSatisfy(
        (error) => error instanceof EcsError && error.code === 'InvalidParameter',
      );
    });
  });

  describe('job runner', () => {
    const runner = (kinds: readonly JobKind[], now: () => number, leaseMs = 30_000): JobRunner =>
      new JobRunner({ store, kinds, settings: DEFAULT_SETTINGS, now, logger, leaseMs, pollIntervalMs: 20 });

    it('runs due jobs only, records retries, and finishes them', async () => {
      let clock = 1_000;
      const seen: number[] = [];
      const kinds: JobKind[] = [
        {
          kind: 'count',
          handler: async (job, ctx) => {
            seen.push(ctx.now());
            await ctx.db.updateTable('accounts').set({ name: `step-${seen.length}` }).where('id', '=', job.account_id).execute();
            return seen.length < 3 ? { retryAt: ctx.now() + 100 } : { done: true };
          },
        },
      ];
      const account = await createAccount(store.db, { now: 0 });
      await enqueueJob(store.db, { kind: 'count', accountId: account.accountId, resourceId: 'r', runAt: 1_500 }, clock);
      const jobs = runner(kinds, () => clock);
      expect(await jobs.runDueJobs()).toBe(0);
      clock = 1_500;
      expect(await jobs.runDueJobs()).toBe(1);
      expect(await jobs.runDueJobs()).toBe(0);
      clock = 1_600;
      await jobs.runDueJobs();
      clock = 1_700;
      await jobs.runDueJobs();
      expect(seen).toEqual([1_500, 1_600, 1_700]);
      const job = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      expect(job.state).toBe('done');
      const row = await store.db.selectFrom('accounts').select('name').where('id', '=', account.accountId).executeTakeFirstOrThrow();
      expect(row.name).toBe('step-3');
    });

    it("rolls back a failing handler's writes and retries it later", async () => {
      let clock = 10_000;
      let calls = 0;
      const account = await createAccount(store.db, { now: 0, name: 'before' });
      const kinds: JobKind[] = [
        {
          kind: 'flaky',
          handler: async (job, ctx) => {
            calls += 1;
            await ctx.db.updateTable('accounts').set({ name: `call-${calls}` }).where('id', '=', job.account_id).execute();
            if (calls === 1) throw new Error('boom');
            return { done: true };
          },
        },
      ];
      await enqueueJob(store.db, { kind: 'flaky', accountId: account.accountId, resourceId: 'r', runAt: clock }, clock);
      const jobs = runner(kinds, () => clock);
      await jobs.runDueJobs();
      const name = await store.db.selectFrom('accounts').select('name').where('id', '=', account.accountId).executeTakeFirstOrThrow();
      expect(name.name).toBe('before');
      clock += 60_000;
      await jobs.runDueJobs();
      const job = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      expect(job.state).toBe('done');
      expect(calls).toBe(2);
    });

    it("takes over a dead worker's job once its lease expires, never before", async () => {
      let clock = 50_000;
      await enqueueJob(store.db, { kind: 'k', accountId: 'a', resourceId: 'r', runAt: clock }, clock);
      const claimed = await store.claimJob({ owner: 'dead-worker', now: clock, leaseMs: 5_000 });
      expect(claimed?.lease_owner).toBe('dead-worker');
      expect(await store.claimJob({ owner: 'other', now: clock + 1_000, leaseMs: 5_000 })).toBeUndefined();
      let ran = 0;
      const jobs = runner([{ kind: 'k', handler: async () => ((ran += 1), { done: true }) }], () => clock);
      expect(await jobs.runDueJobs()).toBe(0);
      clock += 6_000;
      expect(await jobs.runDueJobs()).toBe(1);
      expect(ran).toBe(1);
    });

    it('polls by itself once started', async () => {
      let done = false;
      const jobs = runner([{ kind: 'k', handler: async () => ((done = true), { done: true }) }], Date.now);
      jobs.start();
      await enqueueJob(store.db, { kind: 'k', accountId: 'a', resourceId: 'r', runAt: Date.now() });
      for (let i = 0; i < 50 && !done; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      await jobs.stop();
      expect(done).toBe(true);
    });
  });
});

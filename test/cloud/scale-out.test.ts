/**
 * Scale-out, end to end: three `ecs-image serve` replicas (child processes) on
 * one PostgreSQL, a few hundred concurrent CreateImage calls through the
 * official SDK spread over them — some ClientTokens sent twice at the same
 * moment to two replicas, one account pushed past its image quota — and one
 * replica killed with SIGKILL mid-way and started again. A client retries a
 * call whose connection broke on another replica with the same ClientToken, as
 * behind a load balancer. Then: every image Available exactly once, no
 * duplicates, totals right, one finished job per image.
 */
import { CreateImageRequest, DescribeImagesRequest } from '@alicloud/ecs20140526';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';
import { POSTGRES_BINARIES, POSTGRES_MISSING_REASON, startPostgres, type PostgresServer } from '../../dev/local-postgres.js';
import {
  CLI_MISSING_REASON,
  cliBuilt,
  ecsClientFor,
  isTransportFailure,
  runCli,
  startReplica,
  type Replica,
} from './scale-out-support.js';

const skip = POSTGRES_BINARIES === undefined ? POSTGRES_MISSING_REASON : !cliBuilt() ? CLI_MISSING_REASON : undefined;

const REGION = 'cn-hangzhou';
const REPLICA_ARGS = ['--image-creation-seconds', '1', '--job-lease-seconds', '2'];
const LOAD_ACCOUNTS = 3;
const IMAGES_PER_ACCOUNT = 80;
const IMAGE_QUOTA = 100; // the cloud's default
const QUOTA_ATTEMPTS = 104;
const IN_FLIGHT = 24;

interface Keys {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

interface Call {
  readonly account: Keys;
  readonly snapshotId: string;
  readonly token: string;
  readonly name: string;
}

type Outcome = { readonly imageId: string } | { readonly code: string };

describe.skipIf(skip !== undefined)(`three replicas on one PostgreSQL${skip !== undefined ? ` (skipped: ${skip})` : ''}`, () => {
  let server: PostgresServer;
  let url: string;
  let store: Store;
  const replicas: Replica[] = [];
  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('scale_out');
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill('SIGKILL')));
    await store?.close();
    await server?.destroy();
  });

  const insertSnapshot = async (accountId: string): Promise<string> => {
    const id = newId('snapshot', REGION);
    await store.db
      .insertInto('snapshots')
      .values({
        id,
        account_id: accountId,
        region_id: REGION,
        snapshot_name: 'source',
        description: '',
        source_disk_id: newId('disk', REGION),
        source_disk_type: 'System',
        source_disk_size: 40,
        source_disk_category: 'cloud_essd',
        status: 'accomplished',
        progress: 100,
        category: 'standard',
        retention_days: 0,
        created_for_image_id: '',
        resource_group_id: '',
        creation_time: Date.now() - 60_000,
        available_at: null,
      })
      .execute();
    return id;
  };

  it('every image is Available exactly once, with duplicated tokens and a replica killed mid-way', { timeout: 240_000 }, async () => {
    // Three replicas started together on an empty database: migrated and seeded once.
    replicas.push(...(await Promise.all([0, 1, 2].map(() => startReplica(url, REPLICA_ARGS)))));
    const [first] = replicas as [Replica];
    expect(new Set(replicas.map((replica) => replica.line.accessKeyId)).size).toBe(1);
    store = await openStore({ kind: 'postgres', connectionString: url });
    const defaultAccount = await store.db
      .selectFrom('access_keys')
      .select('account_id')
      .where('access_key_id', '=', first.line.accessKeyId)
      .executeTakeFirstOrThrow();

    const accounts: Keys[] = [{ ...first.line, accountId: defaultAccount.account_id }];
    for (let i = 0; i < LOAD_ACCOUNTS; i += 1) {
      const created = await runCli(['accounts', 'create', '--database', url, '--name', `team-${i}`]);
      expect(created.code, created.stderr).toBe(0);
      accounts.push(JSON.parse(created.stdout) as Keys);
    }
    const loadAccounts = accounts.slice(0, LOAD_ACCOUNTS);
    const quotaAccount = accounts[LOAD_ACCOUNTS] as Keys;

    // The calls: per load account 80 images, 20 of whose tokens are sent twice back to back
    // (so to two replicas at the same moment); the quota account asks for 104 images.
    const perAccount: Call[][] = [];
    for (const [a, account] of loadAccounts.entries()) {
      const snapshotId = await insertSnapshot(account.accountId);
      const own: Call[] = [];
      for (let i = 0; i < IMAGES_PER_ACCOUNT; i += 1) {
        const call = { account, snapshotId, token: `load-${a}-${i}`, name: `scale-${a}-${i}` };
        own.push(call);
        if (i % 4 === 0) own.push(call); // 20 of 80
      }
      perAccount.push(own);
    }
    const quotaSnapshot = await insertSnapshot(quotaAccount.accountId);
    perAccount.push(
      Array.from({ length: QUOTA_ATTEMPTS }, (_, i) => ({ account: quotaAccount, snapshotId: quotaSnapshot, token: `quota-${i}`, name: `quota-${i}` })),
    );
    // Interleave the accounts in runs of two, so the quota race runs while the others load
    // and both copies of a duplicated token leave together.
    const calls: Call[] = [];
    for (let at = 0; perAccount.some((own) => at < own.length); at += 2) {
      for (const own of perAccount) calls.push(...own.slice(at, at + 2));
    }

    // Routing: round robin over the live replicas; a broken connection is retried elsewhere.
    const alive: Replica[] = [...replicas];
    let turn = 0;
    let transportRetries = 0;
    const send = async (call: Call): Promise<Outcome> => {
      for (let attempt = 0; ; attempt += 1) {
        const replica = alive[turn++ % alive.length] as Replica;
        const ecs = ecsClientFor(replica.hostPort, call.account);
        try {
          const response = await ecs.createImage(
            new CreateImageRequest({ regionId: REGION, snapshotId: call.snapshotId, imageName: call.name, clientToken: call.token }),
          );
          return { imageId: response.body?.imageId ?? '' };
        } catch (error) {
          if (!isTransportFailure(error) || attempt >= 20) {
            const { code } = error as { code?: string };
            return { code: code ?? String(error) };
          }
          transportRetries += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };

    // Workers; at 40% done, SIGKILL replica #2 and start it again.
    const outcomes: Outcome[] = new Array<Outcome>(calls.length);
    let next = 0;
    let finished = 0;
    let restarted: Promise<void> | undefined;
    const victim = replicas[1] as Replica;
    const killAndRestart = async (): Promise<void> => {
      alive.splice(alive.indexOf(victim), 1);
      await victim.kill('SIGKILL');
      const again = await startReplica(url, REPLICA_ARGS);
      replicas.push(again);
      expect(again.line.accessKeyId).toBe(first.line.accessKeyId);
      alive.push(again);
    };
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < calls.length) {
          const index = next++;
          outcomes[index] = await send(calls[index] as Call);
          finished += 1;
          if (restarted === undefined && finished >= calls.length * 0.4) restarted = killAndRestart();
        }
      }),
    );
    await restarted;
    expect(victim.process.signalCode).toBe('SIGKILL');

    // Answers: one image per token, the same for both copies of a duplicated token.
    const byToken = new Map<string, Set<string>>();
    const errors: string[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const call = calls[index] as Call;
      if ('code' in outcome) {
        errors.push(`${call.token}: ${outcome.code}`);
        continue;
      }
      expect(outcome.imageId).toMatch(/^m-/);
      byToken.set(call.token, (byToken.get(call.token) ?? new Set()).add(outcome.imageId));
    }
    expect([...byToken.values()].every((ids) => ids.size === 1)).toBe(true);
    const quotaErrors = errors.filter((error) => error.startsWith('quota-'));
    expect(errors.filter((error) => !error.startsWith('quota-'))).toEqual([]);
    expect(quotaErrors).toHaveLength(QUOTA_ATTEMPTS - IMAGE_QUOTA);
    expect(quotaErrors.every((error) => error.endsWith(': QuotaExceed.Image'))).toBe(true);
    const expectedImages = LOAD_ACCOUNTS * IMAGES_PER_ACCOUNT + IMAGE_QUOTA;
    expect(byToken.size).toBe(expectedImages);

    // Every image reaches Available (the killed replica's claimed jobs are taken over).
    const accountIds = accounts.map((account) => account.accountId);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = await store.db
        .selectFrom('images')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('account_id', 'in', accountIds)
        .where('status', '!=', 'Available')
        .executeTakeFirstOrThrow();
      if (pending.n === 0) break;
      if (Date.now() > deadline) throw new Error(`${pending.n} images are still not Available`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // What the SDK sees, through a replica: the right totals, no duplicates, all usable.
    const answered = new Set([...byToken.values()].flatMap((ids) => [...ids]));
    const seen: string[] = [];
    for (const account of accounts) {
      const ecs = ecsClientFor((alive[0] as Replica).hostPort, account);
      for (let page = 1; ; page += 1) {
        const response = await ecs.describeImages(
          new DescribeImagesRequest({ regionId: REGION, imageOwnerAlias: 'self', status: 'ALL', pageSize: 100, pageNumber: page }),
        );
        const images = response.body?.images?.image ?? [];
        for (const image of images) {
          expect(image).toMatchObject({ status: 'Available', progress: '100%' });
          seen.push(image.imageId ?? '');
        }
        if (images.length < 100) break;
      }
    }
    expect(seen).toHaveLength(expectedImages);
    expect(new Set(seen).size).toBe(expectedImages);
    expect(new Set(seen)).toEqual(answered);

    // One image-creation job per image, finished, none failed.
    const jobs = await store.db
      .selectFrom('jobs')
      .select(['resource_id', 'state'])
      .where('kind', '=', 'image-creation')
      .where('account_id', 'in', accountIds)
      .execute();
    expect(jobs).toHaveLength(expectedImages);
    expect(new Set(jobs.map((job) => job.resource_id))).toEqual(answered);
    expect(jobs.every((job) => job.state === 'done')).toBe(true);
    const rerun = await store.db
      .selectFrom('jobs')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('kind', '=', 'image-creation')
      .where('attempts', '>', 1)
      .executeTakeFirstOrThrow();
    console.info(
      `scale-out: ${calls.length} CreateImage calls, ${expectedImages} images, ${transportRetries} calls retried after the kill, ${rerun.n} jobs claimed more than once`,
    );
  });
});

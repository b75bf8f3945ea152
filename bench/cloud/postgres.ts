/**
 * The PostgreSQL figures of `bench:cloud` (issue 7), loaded by
 * `postgres-hook.ts`: DescribeImages by id and the create→Available cycle,
 * first with one cloud replica on the database, then with three (each its own
 * process, the load spread over them), under the run's load settings. The
 * database is `--database` or, when that is empty, a throw-away PostgreSQL
 * started from the installed server binaries (dev/local-postgres.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createAccount } from '../../src/cloud/seed/accounts.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';
import { POSTGRES_BINARIES, POSTGRES_MISSING_REASON, startPostgres, type PostgresServer } from '../../dev/local-postgres.js';
import { firstLine } from '../support/first-line.js';
import { seedSourceSnapshot } from '../support/seed-snapshot.js';
import { processCpuUs, processesNamed } from '../support/machine-cpu.js';
import type { Figure } from './figures.js';
import type { CloudBenchOptions } from './options.js';
import type { PostgresBenchContext } from './postgres-hook.js';
import { accountResourceGroups, seedImages } from './seed-images.js';
import { createCycleWorkload, describeByIdWorkload } from './workloads.js';

interface ReplicaLine {
  readonly endpoint: string;
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

interface RunningReplica {
  readonly line: ReplicaLine;
  readonly child: ChildProcess;
}

const REPLICA_MAIN = fileURLToPath(new URL('./postgres-replica.js', import.meta.url));

async function startReplica(url: string, imageCreationMs: number, jobPollMs: number): Promise<RunningReplica> {
  const child = spawn(process.execPath, [REPLICA_MAIN, url, String(imageCreationMs), String(jobPollMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = JSON.parse(await firstLine(child.stdout as NodeJS.ReadableStream, 'a PostgreSQL replica')) as ReplicaLine;
  return { line, child };
}

async function stopReplica(replica: RunningReplica): Promise<void> {
  if (replica.child.exitCode !== null) return;
  const exited = once(replica.child, 'exit');
  replica.child.kill('SIGTERM');
  await exited;
}

/**
 * The figure with the CPU its replicas and PostgreSQL (every `postgres`
 * process: the sessions of the pools stay open meanwhile) spent per request.
 */
async function withProcessCpu(replicaPids: readonly number[], options: CloudBenchOptions, measure: () => Promise<Figure>): Promise<Figure> {
  const sum = (pids: readonly number[]): number => pids.reduce((total, pid) => total + processCpuUs(pid), 0);
  const database = processesNamed('postgres');
  const before = { replicas: sum(replicaPids), database: sum(database) };
  const figure = await measure();
  // The load runs warm-up + duration; the requests of the warm-up are assumed at the measured rate.
  const served = (figure.requests / options.duration) * (options.warmup + options.duration);
  if (served <= 0) return figure;
  return {
    ...figure,
    replicaCpuUsPerRequest: (sum(replicaPids) - before.replicas) / served,
    databaseCpuUsPerRequest: (sum(database) - before.database) / served,
  };
}

export async function postgresFigures(context: PostgresBenchContext): Promise<readonly Figure[]> {
  const { options } = context;
  if (options.database === '' && POSTGRES_BINARIES === undefined) {
    process.stderr.write(`PostgreSQL figures skipped: ${POSTGRES_MISSING_REASON} (or pass --database postgres://…)\n`);
    return [];
  }
  let server: PostgresServer | undefined;
  let store: Store | undefined;
  const replicas: RunningReplica[] = [];
  try {
    let url = options.database;
    if (url === '') {
      server = await startPostgres();
      url = await server.createDatabase('bench');
    }
    const start = async (): Promise<RunningReplica> => {
      const replica = await startReplica(url, options['image-creation-ms'], options['job-poll-ms']);
      replicas.push(replica);
      return replica;
    };
    const first = await start(); // migrates and seeds
    store = await openStore({ kind: 'postgres', connectionString: url });
    const regionId = 'cn-hangzhou';
    const started = Date.now();
    const imageIds = await seedImages(store.db, {
      accountId: first.line.accountId,
      regionId,
      ...(await accountResourceGroups(store.db, first.line.accountId)),
      count: Math.max(1, options.images),
      now: Date.now(),
    });
    process.stderr.write(`PostgreSQL: stored ${imageIds.length.toLocaleString('en-US')} images in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const byId = describeByIdWorkload(regionId, imageIds);

    const figures: Figure[] = [];
    const measureWith = async (count: number): Promise<void> => {
      const urls = replicas.slice(0, count).map((replica) => replica.line.endpoint);
      const where = `PostgreSQL, ${count} replica${count === 1 ? '' : 's'}`;
      const pids = replicas.slice(0, count).map((replica) => replica.child.pid ?? 0);
      figures.push(
        await withProcessCpu(pids, options, () => context.measure({
          key: `p${count}a`,
          label: `${where}: DescribeImages by id`,
          target: { urls, credentials: first.line, regionId },
          workload: byId,
        })),
      );
      // Its own account per run: created images must not change what the by-id figure reads.
      const account = await createAccount((store as Store).db);
      const snapshotId = await seedSourceSnapshot((store as Store).db, account.accountId, regionId);
      figures.push(
        await withProcessCpu(pids, options, () => context.measure({
          key: `p${count}c`,
          label: `${where}: create→Available cycle (imageCreationMs ${options['image-creation-ms']})`,
          target: { urls, credentials: account, regionId },
          workload: createCycleWorkload(regionId, snapshotId, options['poll-ms']),
        })),
      );
    };
    await measureWith(1);
    await Promise.all([start(), start()]);
    await measureWith(3);
    return figures;
  } finally {
    await Promise.all(replicas.map(stopReplica));
    await store?.close();
    await server?.destroy();
  }
}

/**
 * `npm run build && npm run bench:cloud [-- --duration 10 --concurrency 50 …]`
 *
 * Starts a real local cloud on SQLite in a temporary directory, stores
 * `--images` images, and prints throughput and p50/p99 latency of
 *   (d) a bare node:http server answering a fixed JSON body — the ceiling,
 *   (a) DescribeImages by id,
 *   (b) a filtered DescribeImages page over the stored images,
 *   (c) the create→Available cycle (CreateImage, then DescribeImages polls),
 *   (f) each documented DescribeImages filter, one at a time (server CPU per page),
 *   (s) the cold start of `ecs-image serve` to its first answer,
 * and the PostgreSQL figures when `bench/cloud/postgres.ts` exists (issue 7),
 * then each of issue 15's goals beside its figure, met or NOT met.
 * The clients run in separate processes (see `bench/load/`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCloud, type Cloud } from '../../src/cloud/server.js';
import { createAccount } from '../../src/cloud/seed/accounts.js';
import { seedSourceSnapshot } from '../support/seed-snapshot.js';
import { startCeilingServer } from './ceiling-server.js';
import { measureFigure, type Figure, type LoadTarget } from './figures.js';
import { readCloudBenchOptions, wants, type CloudBenchOptions } from './options.js';
import { runPostgresFigures } from './postgres-hook.js';
import { probe } from './probe.js';
import { filterTable, measureFilters, type FilterFigure } from './filter-figures.js';
import { measureColdStart, type ColdStart } from './cold-start.js';
import { errorLines, figureTable, goalLines } from './report.js';
import { accountResourceGroups, seedImages } from './seed-images.js';
import { ceilingWorkload, createCycleWorkload, describeByIdWorkload, filteredPageWorkload } from './workloads.js';

function header(options: CloudBenchOptions): string {
  const cpu = cpus();
  return [
    `ecs-image bench:cloud — node ${process.version}, ${cpu.length} CPU(s) (${cpu[0]?.model ?? 'unknown'}), load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    `server: createCloud() on SQLite (WAL) in a temporary directory, in this process; logs at warn`,
    `client: ${options['load-processes']} separate node process(es), node:http keep-alive, one connection per client,`,
    `        ${options.concurrency} concurrent clients, every request RPC v1 (HMAC-SHA1) signed with a fresh nonce (GET, query string)`,
    `timing: ${options.warmup} s warm-up, then ${options.duration} s measured per figure; ${options.images.toLocaleString('en-US')} images stored`,
  ].join('\n');
}

interface SqliteFigures {
  readonly figures: Figure[];
  readonly filters: FilterFigure[];
  readonly imageCount: number;
}

async function sqliteFigures(options: CloudBenchOptions, cloud: Cloud): Promise<SqliteFigures> {
  const figures: Figure[] = [];
  let filters: FilterFigure[] = [];
  const regionId = cloud.regionId;
  const target: LoadTarget = { urls: [cloud.endpoint], credentials: cloud.credentials, regionId };

  const started = Date.now();
  const groups = await accountResourceGroups(cloud.store.db, cloud.accountId);
  const imageIds = await seedImages(cloud.store.db, {
    accountId: cloud.accountId,
    regionId,
    ...groups,
    count: Math.max(1, options.images),
    now: Date.now(),
  });
  process.stderr.write(`stored ${imageIds.length.toLocaleString('en-US')} images in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const byId = describeByIdWorkload(regionId, imageIds);
  const sample = await probe(cloud.endpoint, cloud.credentials, byId.paramSets[0] ?? {});
  if (sample['TotalCount'] !== 1) throw new Error(`probe: DescribeImages by id found ${String(sample['TotalCount'])} images, expected 1`);

  if (wants(options, 'd')) {
    const ceiling = await startCeilingServer(JSON.stringify(sample));
    try {
      figures.push(
        await measureFigure(options, {
          key: 'd',
          label: 'ceiling: bare node:http, fixed JSON (a DescribeImages answer)',
          target: { ...target, urls: [ceiling.url] },
          workload: ceilingWorkload(regionId, imageIds),
          serverInProcess: true,
        }),
      );
    } finally {
      await ceiling.close();
    }
  }
  if (wants(options, 'a')) {
    figures.push(await measureFigure(options, { key: 'a', label: 'DescribeImages by id', target, workload: byId, serverInProcess: true }));
  }
  if (wants(options, 'b')) {
    const filtered = filteredPageWorkload(regionId);
    const page = await probe(cloud.endpoint, cloud.credentials, filtered.paramSets[0] ?? {});
    if (!(Number(page['TotalCount']) > 0)) throw new Error('probe: the filtered DescribeImages page matches no image');
    figures.push(
      await measureFigure(options, {
        key: 'b',
        label: `DescribeImages filtered page of 50 (${Number(page['TotalCount']).toLocaleString('en-US')} of ${imageIds.length.toLocaleString('en-US')} match)`,
        target,
        workload: filtered,
        serverInProcess: true,
      }),
    );
  }
  if (wants(options, 'f')) {
    filters = await measureFilters(options, target, { regionId, imageCount: imageIds.length, otherResourceGroupId: groups.otherResourceGroupId });
  }
  if (wants(options, 'c')) {
    // Its own account: the images it creates must not change what (a) and (b) read.
    const account = await createAccount(cloud.store.db);
    const snapshotId = await seedSourceSnapshot(cloud.store.db, account.accountId, regionId);
    figures.push(
      await measureFigure(options, {
        key: 'c',
        label: `create→Available cycle (imageCreationMs ${options['image-creation-ms']}, client polls every ${options['poll-ms']} ms)`,
        target: { ...target, credentials: account },
        workload: createCycleWorkload(regionId, snapshotId, options['poll-ms']),
        serverInProcess: true,
      }),
    );
  }
  return { figures, filters, imageCount: imageIds.length };
}

async function main(): Promise<void> {
  const options = readCloudBenchOptions(process.argv.slice(2));
  process.stdout.write(`${header(options)}\n\n`);
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-image-bench-'));
  const cloud = await createCloud({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    logger: pino({ level: 'warn' }, pino.destination(2)),
    // no image quota: the create cycle makes thousands of images
    settings: { imageCreationMs: options['image-creation-ms'], imageQuota: Number.MAX_SAFE_INTEGER },
    jobPollIntervalMs: options['job-poll-ms'],
  });
  const figures: Figure[] = [];
  const notes: string[] = [];
  let sqlite: SqliteFigures;
  try {
    sqlite = await sqliteFigures(options, cloud);
    figures.push(...sqlite.figures);
  } finally {
    await cloud.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const coldStart: ColdStart | undefined = wants(options, 's') ? await measureColdStart(options['cold-starts']) : undefined;
  if (wants(options, 'p')) {
    const outcome = await runPostgresFigures({ options, measure: (request) => measureFigure(options, request) });
    figures.push(...outcome.figures);
    if (outcome.note !== undefined) notes.push(outcome.note);
  }
  const filterLines = sqlite.filters.length > 0 ? ['', filterTable(sqlite.filters, sqlite.imageCount, options)] : [];
  const goals = goalLines({ figures, filters: sqlite.filters, coldStart });
  const lines = [figureTable(figures), ...errorLines(figures), ...filterLines, '', 'issue 15:', ...goals, ...notes];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cloud failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});

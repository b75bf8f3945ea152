/**
 * `npm run build && npm run bench:provider [-- --handshake-runs 10 --sizes 1,10,100 …]`
 *
 * Prints, for `bin/terraform-provider-alicloud`:
 *   - the time from exec to its handshake line (median of N starts, fake terraform env);
 *   - `terraform plan` and `terraform apply` wall time with 1, 10 and 100 `alicloud_image`
 *     resources against a local cloud started in this process (SQLite, temporary directory);
 *   - a second plan of the largest set, unchanged (it must show no changes);
 *   - the provider processes' peak resident memory during each command.
 * Goals (issue 4): handshake under 300 ms; the second plan of 100 images under 5 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCloud } from '../../src/cloud/server.js';
import { seedSourceSnapshot } from '../support/seed-snapshot.js';
import { median } from '../support/stats.js';
import { formatTable } from '../support/table.js';
import { timeHandshakes } from './handshake-timing.js';
import { imagesConfig } from './image-config.js';
import { imageCounts, readProviderBenchOptions, type ProviderBenchOptions } from './options.js';
import { expectExit, TerraformDir, type TimedRun } from './terraform-run.js';

const HANDSHAKE_GOAL_MS = 300;
const SECOND_PLAN_GOAL_MS = 5_000;
const SECOND_PLAN_GOAL_SIZE = 100;

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly memory: string;
  readonly goal: string;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (value: number | undefined): string => (value === undefined ? '-' : `${value.toFixed(0)} MiB`);

async function handshakeRows(options: ProviderBenchOptions): Promise<Row[]> {
  const runs = Math.max(1, options['handshake-runs']);
  process.stderr.write(`timing ${runs} provider handshake(s) …\n`);
  const times = await timeHandshakes(runs);
  const middle = median(times);
  return [
    {
      figure: `exec → handshake line (median of ${runs}; min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} ms)`,
      value: `${middle.toFixed(0)} ms`,
      memory: '',
      goal: `< ${HANDSHAKE_GOAL_MS} ms: ${middle < HANDSHAKE_GOAL_MS ? 'met' : 'NOT met'}`,
    },
  ];
}

function timedRow(figure: string, run: TimedRun, goal = ''): Row {
  return { figure, value: seconds(run.wallMs), memory: mib(run.providerPeakMiB), goal };
}

async function terraformRows(options: ProviderBenchOptions): Promise<Row[]> {
  const counts = imageCounts(options);
  const largest = Math.max(...counts);
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-image-bench-'));
  const cloud = await createCloud({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    logger: pino({ level: 'warn' }, pino.destination(2)),
    settings: { imageCreationMs: options['image-creation-ms'], imageQuota: Number.MAX_SAFE_INTEGER },
    jobPollIntervalMs: 50,
  });
  const rows: Row[] = [];
  try {
    const snapshotId = await seedSourceSnapshot(cloud.store.db, cloud.accountId, cloud.regionId);
    const target = { url: cloud.endpoint, regionId: cloud.regionId, ...cloud.credentials };
    const parallelism = `-parallelism=${options.parallelism}`;
    for (const count of counts) {
      const label = `${count} image${count === 1 ? '' : 's'}`;
      const tf = new TerraformDir(target, options['sample-ms']);
      try {
        tf.write(imagesConfig(count, snapshotId));
        process.stderr.write(`terraform plan + apply, ${label} …\n`);
        const plan = expectExit(await tf.run(['plan', '-input=false', '-no-color', parallelism, '-out=tfplan']), `plan (${label})`);
        rows.push(timedRow(`terraform plan, ${label} to create`, plan));
        const apply = expectExit(await tf.run(['apply', '-input=false', '-no-color', parallelism, 'tfplan']), `apply (${label})`);
        rows.push(timedRow(`terraform apply, ${label} (saved plan)`, apply));
        if (count === largest) {
          // -detailed-exitcode: 0 = no changes, 2 = changes (a second-plan diff is a provider bug)
          const again = expectExit(await tf.run(['plan', '-input=false', '-no-color', parallelism, '-detailed-exitcode']), `second plan (${label})`, [0, 2]);
          const clean = again.code === 0;
          const goal =
            count === SECOND_PLAN_GOAL_SIZE
              ? `< ${SECOND_PLAN_GOAL_MS / 1000} s: ${again.wallMs < SECOND_PLAN_GOAL_MS && clean ? 'met' : 'NOT met'}`
              : `(goal is for ${SECOND_PLAN_GOAL_SIZE})`;
          rows.push(timedRow(`second terraform plan, ${label} unchanged${clean ? ' (no changes)' : ' (SHOWED CHANGES)'}`, again, goal));
        }
      } finally {
        tf.remove();
      }
    }
  } finally {
    await cloud.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return rows;
}

function header(options: ProviderBenchOptions): string {
  const cpu = cpus();
  return [
    `ecs-image bench:provider — node ${process.version}, ${cpu.length} CPU(s) (${cpu[0]?.model ?? 'unknown'}), load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    `provider: bin/terraform-provider-alicloud (dist/ build); terraform from the PATH, -parallelism=${options.parallelism}`,
    `cloud: createCloud() on SQLite in this process, imageCreationMs ${options['image-creation-ms']} (apply waits for every image to be Available)`,
    `memory: peak VmHWM of provider processes under terraform, sampled from /proc every ${options['sample-ms']} ms`,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = readProviderBenchOptions(process.argv.slice(2));
  process.stdout.write(`${header(options)}\n\n`);
  const rows: Row[] = [];
  if (options.only.includes('h')) rows.push(...(await handshakeRows(options)));
  if (options.only.includes('t')) rows.push(...(await terraformRows(options)));
  const peaks = rows.map((row) => Number.parseFloat(row.memory)).filter((value) => Number.isFinite(value));
  if (peaks.length > 0) rows.push({ figure: 'provider peak memory, all terraform runs', value: '', memory: `${Math.max(...peaks).toFixed(0)} MiB`, goal: '' });
  const table = formatTable(
    ['figure', 'time', 'provider peak RSS', 'goal'],
    rows.map((row) => [row.figure, row.value, row.memory, row.goal]),
  );
  process.stdout.write(`${table}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:provider failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});

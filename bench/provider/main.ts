/**
 * `npm run build && npm run bench:provider [-- --handshake-runs 10 --sizes 1,10,100 …]`
 *
 * Prints, for `bin/terraform-provider-alicloud`:
 *   - the time from exec to its handshake line (median of N starts, fake terraform env);
 *   - `terraform plan` and `terraform apply` wall time with 1, 10 and 100 `alicloud_image`
 *     resources against a local cloud started in this process (SQLite, temporary directory);
 *   - a second plan of the largest set, unchanged (it must show no changes);
 *   - the provider processes' peak resident memory during each command.
 * Each figure with a goal (issue 15, `goals.ts`) says whether it was met.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCloud } from '../../src/cloud/server.js';
import { seedSourceSnapshot } from '../support/seed-snapshot.js';
import { median } from '../support/stats.js';
import { formatTable } from '../support/table.js';
import { GOALS, applyFloorMs, verdict } from './goals.js';
import { timeHandshakes } from './handshake-timing.js';
import { imagesConfig } from './image-config.js';
import { imageCounts, readProviderBenchOptions, type ProviderBenchOptions } from './options.js';
import { expectExit, TerraformDir, type TimedRun } from './terraform-run.js';


interface Row {
  readonly figure: string;
  readonly value: string;
  readonly memory: string;
  readonly goal: string;
  /** Provider processes terraform started during the command. */
  readonly starts?: number;
  /** Wall time of the command, ms. */
  readonly wallMs?: number;
}

/** The handshake figures that explain the others. */
interface StartFigures {
  readonly providerMs: number;
  readonly bareNodeMs: number;
  readonly tlsFloorMs: number;
  readonly extraCaCerts: boolean;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (value: number | undefined): string => (value === undefined ? '-' : `${value.toFixed(0)} MiB`);

async function handshakeRows(options: ProviderBenchOptions): Promise<{ rows: Row[]; starts: StartFigures }> {
  const runs = Math.max(1, options['handshake-runs']);
  process.stderr.write(`timing ${runs} provider handshake(s), each with a bare node start and a TLS floor start …\n`);
  const times = await timeHandshakes(runs);
  const provider = median(times.provider);
  const bare = median(times.bareNode);
  const tlsFloor = median(times.tlsFloor);
  const ratio = provider / bare;
  const starts = { providerMs: provider, bareNodeMs: bare, tlsFloorMs: tlsFloor, extraCaCerts: times.extraCaCerts };
  const rows = [
    {
      figure: `bare \`node -e 0\`, exec → exit (median of ${runs})`,
      value: `${bare.toFixed(0)} ms`,
      memory: '',
      goal: '',
    },
    {
      figure: `TLS floor: node, an HTTP/2 TLS server on a socket (median of ${runs})`,
      value: `${tlsFloor.toFixed(0)} ms`,
      memory: '',
      goal: `${(tlsFloor / bare).toFixed(2)}× node`,
    },
    {
      figure: `exec → handshake line (median of ${runs}; min ${Math.min(...times.provider).toFixed(0)}, max ${Math.max(...times.provider).toFixed(0)} ms)`,
      value: `${provider.toFixed(0)} ms`,
      memory: '',
      goal: `${ratio.toFixed(2)}× node; ≤ ${GOALS.handshakeRatio}×: ${verdict(ratio <= GOALS.handshakeRatio)}`,
    },
  ];
  return { rows, starts };
}

function timedRow(figure: string, run: TimedRun, goal = ''): Row {
  return { figure, value: seconds(run.wallMs), memory: mib(run.providerPeakMiB), goal, starts: run.providerStarts, wallMs: run.wallMs };
}

/** For each goal not met, what the measured figures say about where the time went. */
function reasons(rows: readonly Row[], starts: StartFigures | undefined): string[] {
  if (starts === undefined) return [];
  const lines: string[] = [];
  const missed = rows.filter((row) => row.goal.includes('NOT met'));
  if (missed.some((row) => row.figure.startsWith('exec → handshake'))) {
    lines.push(
      `exec → handshake: Node's own start is ${starts.bareNodeMs.toFixed(0)} ms of the ${starts.providerMs.toFixed(0)} ms${starts.extraCaCerts ? ' (with NODE_EXTRA_CA_CERTS read at every start)' : ''}; node:http2 and node:tls with a TLS context (whose first use parses Node's bundled root certificates) and a listening socket take it to ${starts.tlsFloorMs.toFixed(0)} ms (${(starts.tlsFloorMs / starts.bareNodeMs).toFixed(2)}×), before any gRPC; the other ${(starts.providerMs - starts.tlsFloorMs).toFixed(0)} ms load and start grpc-js, protobufjs, the provider's schemas and its certificate`,
    );
  }
  for (const row of missed) {
    if (row.starts === undefined || row.wallMs === undefined || row.starts === 0) continue;
    const startup = row.starts * starts.providerMs;
    lines.push(
      `${row.figure}: terraform started the provider ${row.starts} times, ${(startup / 1000).toFixed(2)} s of the ${seconds(row.wallMs)} before their first RPC (${starts.providerMs.toFixed(0)} ms each)`,
    );
  }
  return lines;
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
        rows.push(timedRow(`terraform plan, ${label} to create`, plan, count === 1 ? `< ${seconds(GOALS.planOneImageMs)}: ${verdict(plan.wallMs < GOALS.planOneImageMs)}` : ''));
        const apply = expectExit(await tf.run(['apply', '-input=false', '-no-color', parallelism, 'tfplan']), `apply (${label})`);
        const floor = applyFloorMs(count, options.parallelism, options['image-creation-ms']);
        const applyGoal = `${(apply.wallMs / floor).toFixed(2)}× the ${seconds(floor)} floor; ≤ ${GOALS.applyFloorFactor}×: ${verdict(apply.wallMs <= GOALS.applyFloorFactor * floor)}`;
        rows.push(timedRow(`terraform apply, ${label} (saved plan)`, apply, count === GOALS.applySize ? applyGoal : ''));
        if (count === largest) {
          // -detailed-exitcode: 0 = no changes, 2 = changes (a second-plan diff is a provider bug)
          const again = expectExit(await tf.run(['plan', '-input=false', '-no-color', parallelism, '-detailed-exitcode']), `second plan (${label})`, [0, 2]);
          const clean = again.code === 0;
          const goal =
            count === GOALS.secondPlanSize
              ? `< ${seconds(GOALS.secondPlanMs)}: ${verdict(again.wallMs < GOALS.secondPlanMs && clean)}`
              : `(goal is for ${GOALS.secondPlanSize})`;
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
  let starts: StartFigures | undefined;
  if (options.only.includes('h')) {
    const handshake = await handshakeRows(options);
    rows.push(...handshake.rows);
    starts = handshake.starts;
  }
  if (options.only.includes('t')) rows.push(...(await terraformRows(options)));
  const peaks = rows.map((row) => Number.parseFloat(row.memory)).filter((value) => Number.isFinite(value));
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    rows.push({
      figure: 'provider peak memory, all terraform runs',
      value: '',
      memory: `${peak.toFixed(0)} MiB`,
      goal: `< ${GOALS.memoryMiB} MiB: ${verdict(peak < GOALS.memoryMiB)}`,
    });
  }
  const table = formatTable(
    ['figure', 'time', 'provider starts', 'provider peak RSS', 'goal'],
    rows.map((row) => [row.figure, row.value, row.starts === undefined ? '' : String(row.starts), row.memory, row.goal]),
  );
  process.stdout.write(`${table}\n`);
  const why = reasons(rows, starts);
  if (why.length > 0) process.stdout.write(`\nwhere the time went, for the goals not met:\n${why.map((line) => `  ${line}`).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:provider failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});

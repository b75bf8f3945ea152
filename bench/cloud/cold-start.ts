/**
 * Figure (s): cold start of `ecs-image serve` on an empty data directory, as
 * a user runs it: the time from spawning `node bin/ecs-image serve` until a
 * signed DescribeRegions is answered (200). The endpoint comes from the JSON
 * line serve prints once listening; the request is sent at once and again
 * every 10 ms until it succeeds. Median of `--cold-starts` runs, with min and max.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { RpcSigner } from '../load/signed-rpc.js';
import { firstLine } from '../support/first-line.js';
import { median } from '../support/stats.js';

/** Issue 15: `ecs-image serve` answers its first request within a second of being started. */
export const GOAL_COLD_START_MS = 1_000;

const BIN = fileURLToPath(new URL('../../../bin/ecs-image', import.meta.url));
const GIVE_UP_MS = 30_000;

export interface ColdStart {
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

interface ServeLine {
  readonly endpoint: string;
  readonly regionId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

async function answered(line: ServeLine): Promise<boolean> {
  const path = new RpcSigner(line).signedPath({ Action: 'DescribeRegions', Version: '2014-05-26', RegionId: line.regionId });
  try {
    const response = await fetch(`${line.endpoint}${path}`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function oneColdStart(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-image-cold-'));
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', '0', '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = JSON.parse(await firstLine(child.stdout, 'ecs-image serve')) as ServeLine;
    while (!(await answered(line))) {
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`serve did not answer DescribeRegions within ${GIVE_UP_MS} ms`);
      await sleep(10);
    }
    return performance.now() - started;
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function measureColdStart(runs: number): Promise<ColdStart> {
  process.stderr.write(`measuring (s) cold start of ecs-image serve, ${runs} run(s) …\n`);
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run += 1) runsMs.push(await oneColdStart());
  return { runsMs, medianMs: median(runsMs) };
}

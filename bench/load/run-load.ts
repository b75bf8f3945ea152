/**
 * Runs a load plan in separate processes (so the client's CPU is not the
 * server's event loop) and merges their results. The concurrency is split
 * over the processes; each reports its own samples.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadPlan, LoadResult } from './load-plan.js';

const WORKER = fileURLToPath(new URL('./load-worker.js', import.meta.url));

function runOne(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    child.once('message', (message) => (result = message as LoadResult));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`load process exited (${signal ?? code}) without a result`));
    });
    child.send(plan);
  });
}

export async function runLoad(plan: LoadPlan, processes: number): Promise<LoadResult> {
  const count = Math.max(1, Math.min(processes, plan.concurrency));
  const plans = Array.from({ length: count }, (_, index) => ({
    ...plan,
    // 50 over 3 processes → 17, 17, 16
    concurrency: Math.floor(plan.concurrency / count) + (index < plan.concurrency % count ? 1 : 0),
  }));
  const results = await Promise.all(plans.map(runOne));
  return {
    operations: results.reduce((sum, result) => sum + result.operations, 0),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    errorSamples: [...new Set(results.flatMap((result) => result.errorSamples))].slice(0, 5),
    elapsedMs: plan.durationMs,
    latenciesMs: results.flatMap((result) => result.latenciesMs),
  };
}

/**
 * One printed figure: run a workload against a target under the configured
 * load and summarise throughput, latency and errors.
 */
import type { LoadCredentials, Workload } from '../load/load-plan.js';
import { runLoad } from '../load/run-load.js';
import { busyShare, machineCpuTimes } from '../support/machine-cpu.js';
import { summarize, type LatencySummary } from '../support/stats.js';
import type { CloudBenchOptions } from './options.js';

/** Where the load goes: one server, or several replicas of one cloud (connections spread over them). */
export interface LoadTarget {
  readonly urls: readonly string[];
  readonly credentials: LoadCredentials;
  readonly regionId: string;
}

export interface Figure {
  /** `a`, `b`, `c`, `d`, or the PostgreSQL figures' own keys. */
  readonly key: string;
  readonly label: string;
  /** `req/s` for requests, `cycles/s` for create→Available cycles. */
  readonly unit: string;
  readonly rate: number;
  readonly latency: LatencySummary;
  readonly requests: number;
  readonly errors: number;
  readonly errorSamples: readonly string[];
  /**
   * The bench process's CPU time per request, when the server runs in it
   * (`serverInProcess`): on a shared machine the rate and latencies follow the
   * other load, this follows the server's own cost.
   */
  readonly serverCpuUsPerRequest?: number;
  /** How busy the machine's CPUs were while it ran (all processes; Linux only). */
  readonly machineBusy?: number;
  /** Where the server runs in other processes (PostgreSQL replicas): their CPU, and the database's, per request. */
  readonly replicaCpuUsPerRequest?: number;
  readonly databaseCpuUsPerRequest?: number;
}

export interface FigureRequest {
  readonly key: string;
  readonly label: string;
  readonly target: LoadTarget;
  readonly workload: Workload;
  /** The server answers in this process (so its CPU time is this process's). */
  readonly serverInProcess?: boolean;
}

export async function measureFigure(options: CloudBenchOptions, request: FigureRequest): Promise<Figure> {
  process.stderr.write(`measuring (${request.key}) ${request.label} …\n`);
  const durationMs = options.duration * 1000;
  const cpuBefore = process.cpuUsage();
  const machineBefore = machineCpuTimes();
  const result = await runLoad(
    {
      urls: request.target.urls,
      credentials: request.target.credentials,
      concurrency: options.concurrency,
      warmupMs: options.warmup * 1000,
      durationMs,
      workload: request.workload,
    },
    options['load-processes'],
  );
  const cpu = process.cpuUsage(cpuBefore);
  const machineBusy = busyShare(machineBefore, machineCpuTimes());
  // The load runs warm-up + duration; the requests of the warm-up are assumed at the measured rate.
  const servedRequests = (result.requests / (durationMs / 1000)) * (options.warmup + options.duration);
  return {
    key: request.key,
    label: request.label,
    unit: request.workload.kind === 'requests' ? 'req/s' : 'cycles/s',
    rate: result.operations / (durationMs / 1000),
    latency: summarize(result.latenciesMs),
    requests: result.requests,
    errors: result.errors,
    errorSamples: result.errorSamples,
    ...(machineBusy !== undefined ? { machineBusy } : {}),
    ...(request.serverInProcess === true && servedRequests > 0
      ? { serverCpuUsPerRequest: (cpu.user + cpu.system) / servedRequests }
      : {}),
  };
}

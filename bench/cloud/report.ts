/** The printed result of `bench:cloud`: one table, then each of issue 15's goals beside its figure, met or NOT met. */
import { cpus } from 'node:os';
import { formatMs, formatRate, formatTable } from '../support/table.js';
import type { ColdStart } from './cold-start.js';
import { GOAL_COLD_START_MS } from './cold-start.js';
import type { Figure } from './figures.js';
import { filterMet, GOAL_FILTER_CPU_MS, type FilterFigure } from './filter-figures.js';

/** Issue 15: DescribeImages by id at ≥ 50% of the bare node:http ceiling, p99 at most twice the ceiling's own. */
export const GOAL_SHARE_OF_CEILING = 0.5;
export const GOAL_P99_OF_CEILING_P99 = 2;
/** Issue 15: one PostgreSQL replica's DescribeImages by id at ≥ 50% of SQLite's; three replicas create ≥ 2× as fast as one. */
export const GOAL_POSTGRES_SHARE_OF_SQLITE = 0.5;
export const GOAL_REPLICA_SCALING = 2;

export function figureTable(figures: readonly Figure[]): string {
  return formatTable(
    ['figure', 'rate', 'unit', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'server CPU µs/req', 'machine busy'],
    figures.map((figure) => [
      `(${figure.key}) ${figure.label}`,
      formatRate(figure.rate),
      figure.unit,
      formatMs(figure.latency.p50),
      formatMs(figure.latency.p99),
      formatMs(figure.latency.max),
      figure.requests.toLocaleString('en-US'),
      figure.errors.toLocaleString('en-US'),
      serverCpu(figure),
      figure.machineBusy === undefined ? '-' : `${Math.round(figure.machineBusy * 100)}%`,
    ]),
  );
}

/** In-process: the bench's own CPU; replicas: theirs + PostgreSQL's. */
function serverCpu(figure: Figure): string {
  const us = (value: number): string => Math.round(value).toLocaleString('en-US');
  if (figure.serverCpuUsPerRequest !== undefined) return us(figure.serverCpuUsPerRequest);
  if (figure.replicaCpuUsPerRequest !== undefined && figure.databaseCpuUsPerRequest !== undefined) {
    // A PostgreSQL process that exited meanwhile takes its CPU time with it: then the database's share is unknown.
    const database = figure.databaseCpuUsPerRequest < 0 ? '?' : us(figure.databaseCpuUsPerRequest);
    return `${us(figure.replicaCpuUsPerRequest)} + ${database} PG`;
  }
  return '-';
}

export function errorLines(figures: readonly Figure[]): string[] {
  return figures.flatMap((figure) => figure.errorSamples.map((sample) => `  (${figure.key}) error: ${sample}`));
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** Goal 1: (a) against the ceiling (d), with the CPU figures that explain a miss. */
function byIdLines(byId: Figure, ceiling: Figure): string[] {
  const share = byId.rate / ceiling.rate;
  const p99Limit = ceiling.latency.p99 * GOAL_P99_OF_CEILING_P99;
  const lines = [
    `goal 1  DescribeImages by id at ${percent(share)} of the ceiling's rate (goal ≥ ${percent(GOAL_SHARE_OF_CEILING)}): ${verdict(share >= GOAL_SHARE_OF_CEILING)}`,
    `goal 1  its p99 ${formatMs(byId.latency.p99)} ms against the ceiling's ${formatMs(ceiling.latency.p99)} ms (goal ≤ ${GOAL_P99_OF_CEILING_P99}× = ${formatMs(p99Limit)} ms${byId.errors > 0 ? ', without errors' : ''}): ${verdict(byId.latency.p99 <= p99Limit && byId.errors === 0)}`,
  ];
  const cloudCpu = byId.serverCpuUsPerRequest;
  const ceilingCpu = ceiling.serverCpuUsPerRequest;
  if (cloudCpu !== undefined && ceilingCpu !== undefined && cloudCpu > 0) {
    // Less sensitive to other load on the machine than the rates: what the share would be if the server's CPU were the limit.
    lines.push(
      `        server CPU per request: ${Math.round(cloudCpu)} µs against the ceiling's ${Math.round(ceilingCpu)} µs → ${percent(ceilingCpu / cloudCpu)} when the server's CPU is the limit`,
      `        (on ${cpus().length} CPU(s) the load process takes a core's share too; the cloud's rate is its one event loop's CPU per request)`,
    );
  }
  return lines;
}

/** Goal 2: every filter case of (f) under 5 ms of server CPU. */
function filterLines(filters: readonly FilterFigure[]): string[] {
  if (filters.length === 0) return [];
  const missed = filters.filter((filter) => !filterMet(filter));
  const worst = missed.map((filter) => filter.name).join('; ');
  return [
    `goal 2  filtered pages under ${GOAL_FILTER_CPU_MS} ms of server CPU: ${filters.length - missed.length} of ${filters.length} filters (goal: all): ${verdict(missed.length === 0)}${missed.length > 0 ? ` — not yet: ${worst}` : ''}`,
  ];
}

/** Goal 3: PostgreSQL against SQLite, and three replicas against one. */
function postgresLines(figures: readonly Figure[]): string[] {
  const find = (key: string): Figure | undefined => figures.find((figure) => figure.key === key);
  const lines: string[] = [];
  const sqliteById = find('a');
  const oneById = find('p1a');
  if (sqliteById !== undefined && oneById !== undefined && sqliteById.rate > 0) {
    const share = oneById.rate / sqliteById.rate;
    lines.push(
      `goal 3  PostgreSQL, 1 replica: DescribeImages by id at ${percent(share)} of SQLite's (goal ≥ ${percent(GOAL_POSTGRES_SHARE_OF_SQLITE)}): ${verdict(share >= GOAL_POSTGRES_SHARE_OF_SQLITE)}`,
    );
    const sqliteCpu = sqliteById.serverCpuUsPerRequest;
    const replicaCpu = oneById.replicaCpuUsPerRequest;
    const databaseCpu = oneById.databaseCpuUsPerRequest;
    if (sqliteCpu !== undefined && replicaCpu !== undefined && databaseCpu !== undefined) {
      lines.push(
        `        CPU per request: replica ${Math.round(replicaCpu)} µs + PostgreSQL ${databaseCpu < 0 ? '?' : Math.round(databaseCpu)} µs, against ${Math.round(sqliteCpu)} µs for the cloud on SQLite` +
          `${oneById.machineBusy === undefined ? '' : `; the machine ${Math.round(oneById.machineBusy * 100)}% busy`}`,
      );
    }
  }
  const oneCreate = find('p1c');
  const threeCreate = find('p3c');
  if (oneCreate !== undefined && threeCreate !== undefined && oneCreate.rate > 0) {
    const scaling = threeCreate.rate / oneCreate.rate;
    lines.push(
      `goal 3  PostgreSQL, 3 replicas create→Available at ${scaling.toFixed(2)}× one replica's rate (goal ≥ ${GOAL_REPLICA_SCALING}×): ${verdict(scaling >= GOAL_REPLICA_SCALING && threeCreate.errors === 0)}`,
    );
    const busy = oneCreate.machineBusy;
    // Three replicas can only go faster by using CPU that one replica leaves idle.
    if (busy !== undefined) lines.push(`        with one replica the machine's ${cpus().length} CPU(s) were ${Math.round(busy * 100)}% busy (load, replica and PostgreSQL together)`);
  }
  return lines;
}

/** Goal 4: `ecs-image serve` answers within a second of being started. */
function coldStartLines(coldStart: ColdStart | undefined): string[] {
  if (coldStart === undefined) return [];
  const runs = coldStart.runsMs.map((ms) => Math.round(ms).toLocaleString('en-US')).join(', ');
  return [
    `goal 4  (s) cold start of ecs-image serve to its first answer: median ${Math.round(coldStart.medianMs).toLocaleString('en-US')} ms of ${runs} (goal < ${GOAL_COLD_START_MS.toLocaleString('en-US')} ms): ${verdict(coldStart.medianMs < GOAL_COLD_START_MS)}`,
  ];
}

export interface GoalInputs {
  readonly figures: readonly Figure[];
  readonly filters: readonly FilterFigure[];
  readonly coldStart: ColdStart | undefined;
}

/** Issue 15's goals, each beside its figure; a goal whose figures were not run is left out. */
export function goalLines(inputs: GoalInputs): string[] {
  const byId = inputs.figures.find((figure) => figure.key === 'a');
  const ceiling = inputs.figures.find((figure) => figure.key === 'd');
  return [
    ...(byId !== undefined && ceiling !== undefined && ceiling.rate > 0 ? byIdLines(byId, ceiling) : []),
    ...filterLines(inputs.filters),
    ...postgresLines(inputs.figures),
    ...coldStartLines(inputs.coldStart),
  ];
}

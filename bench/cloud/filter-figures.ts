/**
 * Figure (f): server CPU per filtered DescribeImages page, one filter at a
 * time, against issue 15's goal (< 5 ms each over 100,000 images). Each case
 * runs briefly at low concurrency: what is measured is the server's work per
 * page, not the machine's throughput.
 */
import { formatMs, formatTable } from '../support/table.js';
import type { Figure, LoadTarget } from './figures.js';
import { measureFigure } from './figures.js';
import { filterCases, type FilterSeed } from './filter-workloads.js';
import type { CloudBenchOptions } from './options.js';
import { probe } from './probe.js';

/** Issue 15: a filtered page over 100,000 images in under 5 ms of server CPU. */
export const GOAL_FILTER_CPU_MS = 5;

export interface FilterFigure {
  readonly name: string;
  /** TotalCount of the case's first request. */
  readonly matches: number;
  readonly figure: Figure;
}

export async function measureFilters(options: CloudBenchOptions, target: LoadTarget, seed: FilterSeed): Promise<FilterFigure[]> {
  const brief: CloudBenchOptions = { ...options, concurrency: options['filter-concurrency'], duration: options['filter-seconds'], warmup: 0.5 };
  const figures: FilterFigure[] = [];
  for (const filter of filterCases(seed)) {
    const first = await probe(target.urls[0] as string, target.credentials, filter.workload.paramSets[0] ?? {});
    const figure = await measureFigure(brief, { key: 'f', label: filter.name, target, workload: filter.workload, serverInProcess: true });
    figures.push({ name: filter.name, matches: Number(first['TotalCount']), figure });
  }
  return figures;
}

function cpuMs(figure: Figure): number {
  return (figure.serverCpuUsPerRequest ?? Number.NaN) / 1000;
}

export function filterMet(filter: FilterFigure): boolean {
  return cpuMs(filter.figure) < GOAL_FILTER_CPU_MS && filter.figure.errors === 0;
}

export function filterTable(filters: readonly FilterFigure[], imageCount: number, options: CloudBenchOptions): string {
  const table = formatTable(
    ['(f) DescribeImages filter, page of 50', 'matches', 'server CPU ms/page', 'p50 ms', 'p99 ms', 'errors', `goal < ${GOAL_FILTER_CPU_MS} ms CPU`],
    filters.map((filter) => [
      filter.name,
      filter.matches.toLocaleString('en-US'),
      formatMs(cpuMs(filter.figure)),
      formatMs(filter.figure.latency.p50),
      formatMs(filter.figure.latency.p99),
      filter.figure.errors.toLocaleString('en-US'),
      filterMet(filter) ? 'met' : 'NOT met',
    ]),
  );
  const how = `${options['filter-concurrency']} client(s), ${options['filter-seconds']} s per filter`;
  return `${table}\n(f) over ${imageCount.toLocaleString('en-US')} stored images, ${how}; CPU is the bench process's (the cloud's) per page`;
}

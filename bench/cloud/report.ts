/** The printed result of `bench:cloud`: one table, then the goal of issue 3. */
import { formatMs, formatRate, formatTable } from '../support/table.js';
import type { Figure } from './figures.js';

/** Issue 3: DescribeImages by id at ≥ 25% of the bare node:http ceiling, p99 under 10 ms. */
export const GOAL_SHARE_OF_CEILING = 0.25;
export const GOAL_P99_MS = 10;

export function figureTable(figures: readonly Figure[]): string {
  return formatTable(
    ['figure', 'rate', 'unit', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'server CPU µs/req'],
    figures.map((figure) => [
      `(${figure.key}) ${figure.label}`,
      formatRate(figure.rate),
      figure.unit,
      formatMs(figure.latency.p50),
      formatMs(figure.latency.p99),
      formatMs(figure.latency.max),
      figure.requests.toLocaleString('en-US'),
      figure.errors.toLocaleString('en-US'),
      figure.serverCpuUsPerRequest === undefined ? '-' : Math.round(figure.serverCpuUsPerRequest).toLocaleString('en-US'),
    ]),
  );
}

export function errorLines(figures: readonly Figure[]): string[] {
  return figures.flatMap((figure) => figure.errorSamples.map((sample) => `  (${figure.key}) error: ${sample}`));
}

/** The goal line, or undefined when (a) or (d) was not run. */
export function goalLine(figures: readonly Figure[]): string | undefined {
  const byId = figures.find((figure) => figure.key === 'a');
  const ceiling = figures.find((figure) => figure.key === 'd');
  if (byId === undefined || ceiling === undefined || ceiling.rate === 0) return undefined;
  const share = byId.rate / ceiling.rate;
  const shareMet = share >= GOAL_SHARE_OF_CEILING;
  const p99Met = byId.latency.p99 < GOAL_P99_MS && byId.errors === 0;
  const lines = [
    `DescribeImages by id: ${(share * 100).toFixed(1)}% of the ceiling (goal ≥ ${GOAL_SHARE_OF_CEILING * 100}%: ${shareMet ? 'met' : 'NOT met'}),`,
    `p99 ${formatMs(byId.latency.p99)} ms (goal < ${GOAL_P99_MS} ms${byId.errors > 0 ? ', without errors' : ''}: ${p99Met ? 'met' : 'NOT met'};`,
    // With every client waiting for its answer, latency is about clients / rate: the ceiling's p99 bounds what any server reaches here.
    `the ceiling's own p99 on this machine: ${formatMs(ceiling.latency.p99)} ms)`,
  ].join(' ');
  const cloudCpu = byId.serverCpuUsPerRequest;
  const ceilingCpu = ceiling.serverCpuUsPerRequest;
  if (cloudCpu === undefined || ceilingCpu === undefined || cloudCpu === 0) return lines;
  // Less sensitive to other load on the machine than the rates: what the share would be if the server's CPU were the limit.
  return `${lines}\nby server CPU per request: ${Math.round(cloudCpu)} µs vs the ceiling's ${Math.round(ceilingCpu)} µs → ${((ceilingCpu / cloudCpu) * 100).toFixed(1)}% (the share when the server's CPU is the limit)`;
}

/**
 * Where the PostgreSQL figures (issue 7: DescribeImages by id and the
 * create→Available cycle with 1 and 3 replicas on one database) plug in.
 * They live in `bench/cloud/postgres.ts`, owned by the PostgreSQL work; this
 * hook loads it when it has been built, and otherwise says so in the report.
 *
 * Contract for `bench/cloud/postgres.ts`:
 *
 *   export async function postgresFigures(context: PostgresBenchContext): Promise<readonly Figure[]>
 *
 * It starts its clouds (`createCloud({ store: { kind: 'postgres', … } })`, one
 * or three replicas), seeds with `seedImages` / `seedSourceSnapshot`, measures
 * with `context.measure({ key, label, target: { urls, credentials, regionId }, workload })`
 * using the workloads of `workloads.ts`, closes everything, and returns the figures;
 * `main.ts` prints them in the same table, after the SQLite ones.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Figure, FigureRequest } from './figures.js';
import type { CloudBenchOptions } from './options.js';

export interface PostgresBenchContext {
  readonly options: CloudBenchOptions;
  /** Measures one figure with the run's load settings (concurrency, duration, warm-up, load processes). */
  measure(request: FigureRequest): Promise<Figure>;
}

export type PostgresFigures = (context: PostgresBenchContext) => Promise<readonly Figure[]>;

export interface PostgresOutcome {
  readonly figures: readonly Figure[];
  /** Why there are none, when there are none. */
  readonly note: string | undefined;
}

export async function runPostgresFigures(context: PostgresBenchContext): Promise<PostgresOutcome> {
  const modulePath = fileURLToPath(new URL('./postgres.js', import.meta.url));
  if (!existsSync(modulePath)) {
    return { figures: [], note: 'PostgreSQL figures: bench/cloud/postgres.ts is not there yet (issue 7)' };
  }
  // A computed specifier: the module may not exist when this file is compiled.
  const specifier = './postgres.js';
  const loaded = (await import(specifier)) as { postgresFigures?: PostgresFigures };
  if (typeof loaded.postgresFigures !== 'function') {
    return { figures: [], note: 'PostgreSQL figures: bench/cloud/postgres.ts does not export postgresFigures(context)' };
  }
  return { figures: await loaded.postgresFigures(context), note: undefined };
}

/** The flags of `npm run bench:cloud`. */
import { parseFlags, type FlagValues } from '../support/flags.js';

export const CLOUD_BENCH_FLAGS = {
  duration: { description: 'seconds measured per figure', default: 10 },
  warmup: { description: 'seconds of load before each measurement starts', default: 1 },
  concurrency: { description: 'concurrent clients (one keep-alive connection each)', default: 50 },
  images: { description: 'images stored before figures (a) and (b)', default: 100_000 },
  'filter-concurrency': { description: 'concurrent clients of each filter case of figure (f)', default: 2 },
  'filter-seconds': { description: 'seconds measured per filter case of figure (f)', default: 1 },
  'cold-starts': { description: 'starts of ecs-image serve timed for figure (s) (the median is the figure)', default: 3 },
  'load-processes': { description: 'client processes the concurrency is split over', default: 1 },
  'image-creation-ms': { description: "the cloud's imageCreationMs for the create→Available cycle", default: 100 },
  'job-poll-ms': { description: "the cloud's job runner poll interval", default: 50 },
  'poll-ms': { description: "the client's DescribeImages poll interval while an image is Creating", default: 25 },
  only: { description: 'figures to run, any of "abcdfs" (f: each filter, s: cold start) and "p" for the PostgreSQL figures', default: 'abcdfsp' },
  database: { description: 'postgres:// URL for the PostgreSQL figures (else they start their own, if they can)', default: '' },
} as const;

export type CloudBenchOptions = FlagValues<typeof CLOUD_BENCH_FLAGS>;

export function readCloudBenchOptions(argv: readonly string[]): CloudBenchOptions {
  return parseFlags('npm run bench:cloud --', CLOUD_BENCH_FLAGS, argv);
}

export function wants(options: CloudBenchOptions, figure: string): boolean {
  return options.only.includes(figure);
}

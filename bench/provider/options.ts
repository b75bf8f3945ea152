/** The flags of `npm run bench:provider`. */
import { parseFlags, type FlagValues } from '../support/flags.js';

export const PROVIDER_BENCH_FLAGS = {
  'handshake-runs': { description: 'provider starts timed from exec to handshake line (median reported)', default: 10 },
  sizes: { description: 'comma list of alicloud_image counts to plan and apply', default: '1,10,100' },
  parallelism: { description: "terraform's -parallelism", default: 10 },
  'image-creation-ms': { description: "the local cloud's imageCreationMs (apply waits for each image)", default: 500 },
  'sample-ms': { description: 'how often provider processes are sampled in /proc for memory', default: 50 },
  only: { description: 'parts to run: "h" handshake, "t" terraform plan/apply', default: 'ht' },
} as const;

export type ProviderBenchOptions = FlagValues<typeof PROVIDER_BENCH_FLAGS>;

export function readProviderBenchOptions(argv: readonly string[]): ProviderBenchOptions {
  return parseFlags('npm run bench:provider --', PROVIDER_BENCH_FLAGS, argv);
}

export function imageCounts(options: ProviderBenchOptions): number[] {
  const counts = options.sizes
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((value) => Number.isInteger(value) && value > 0);
  if (counts.length === 0) throw new Error(`--sizes must list positive integers, got "${options.sizes}"`);
  return counts;
}

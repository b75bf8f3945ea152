/**
 * Command-line flags of the benches: `--name value` or `--name=value`, every
 * flag declared with a default, `--help` prints them. Unknown flags are an error
 * (a typo must not silently run a two-minute bench with the defaults).
 */
import { parseArgs } from 'node:util';

export interface FlagSpec {
  readonly description: string;
  /** A number flag when the default is a number, text otherwise. */
  readonly default: number | string;
}

export type FlagValues<S extends Record<string, FlagSpec>> = {
  readonly [K in keyof S]: S[K]['default'] extends number ? number : string;
};

export function usage(command: string, specs: Record<string, FlagSpec>): string {
  const lines = Object.entries(specs).map(([name, spec]) => `  --${name.padEnd(22)} ${spec.description} (default: ${String(spec.default) || '""'})`);
  return [`usage: ${command} [flags]`, ...lines].join('\n');
}

export function parseFlags<S extends Record<string, FlagSpec>>(command: string, specs: S, argv: readonly string[]): FlagValues<S> {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const name of Object.keys(specs)) options[name] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage(command, specs)}`);
  }
  if (parsed.values['help'] === true) {
    process.stdout.write(`${usage(command, specs)}\n`);
    process.exit(0);
  }
  const values: Record<string, number | string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = parsed.values[name];
    if (typeof raw !== 'string') {
      values[name] = spec.default;
      continue;
    }
    if (typeof spec.default === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
      values[name] = value;
    } else {
      values[name] = raw;
    }
  }
  return values as FlagValues<S>;
}

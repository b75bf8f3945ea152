/**
 * The `timeouts` block, as SDK v1/v2 resources present it: a SINGLE nested block
 * with one Optional string per declared operation, values in Go duration syntax. The block
 * value is copied from config into plan and state untouched; the parsed durations bound
 * the operation (an AbortSignal deadline, see `apply.ts`).
 */

export type TimeoutKey = 'create' | 'read' | 'update' | 'delete' | 'default';
export const TIMEOUT_KEYS: readonly TimeoutKey[] = ['create', 'read', 'update', 'delete', 'default'];

/** Declared defaults in Go duration syntax, e.g. `{ create: '10m', delete: '10m' }`. */
export type TimeoutDefaults = Partial<Readonly<Record<TimeoutKey, string>>>;

/** The SDK's fallback when neither the operation nor `default` is declared. */
const SDK_FALLBACK_MS = 20 * 60_000;

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5 micro sign
  'μs': 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's largest duration (int64 nanoseconds), in milliseconds. */
const MAX_MS = 9_223_372_036_854.775807;

export class DurationSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationSyntaxError';
  }
}

/**
 * Parses a duration the way Go's `time.ParseDuration` does and returns milliseconds
 * (fractional below 1 ms). Accepted: `10m`, `1h30m`, `90s`, `1.5h`, `-2m`, `+5s`, `0`.
 * Rejected with Go's own messages: bare numbers other than 0 (`missing unit`), unknown
 * units such as `d`, empty strings, lone signs or dots.
 */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new DurationSyntaxError(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2];
    if (whole === '' && (fraction === undefined || fraction === '')) {
      throw new DurationSyntaxError(`time: invalid duration ${quoted}`);
    }
    rest = rest.slice((number?.[0] ?? '').length);
    const unitMatch = /^[^\d.]*/.exec(rest);
    const unit = unitMatch?.[0] ?? '';
    if (unit === '') throw new DurationSyntaxError(`time: missing unit in duration ${quoted}`);
    const scale = UNIT_MS[unit];
    if (scale === undefined) throw new DurationSyntaxError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    total += Number(`${whole === '' ? '0' : whole}.${fraction ?? '0'}`) * scale;
    if (total > MAX_MS) throw new DurationSyntaxError(`time: invalid duration ${quoted}`);
  }
  return sign * total;
}

/** The resolved duration per operation, in milliseconds. */
export type ResolvedTimeouts = Readonly<Record<Exclude<TimeoutKey, 'default'>, number>>;

/**
 * Resolves the operation timeouts the SDK way: configured value for the operation, else
 * configured `default` (when declared), else the declared default for the operation, else
 * the declared `default`, else 20 minutes. `block` is the config/state value of the
 * `timeouts` block (null when absent). Throws DurationSyntaxError naming the key.
 */
export function resolveTimeouts(declared: TimeoutDefaults, block: Readonly<Record<string, unknown>> | null): ResolvedTimeouts {
  const configured = (key: TimeoutKey): number | undefined => {
    const raw = block?.[key];
    if (typeof raw !== 'string' || !(key in declared)) return undefined;
    try {
      return parseGoDuration(raw);
    } catch (error) {
      throw new DurationSyntaxError(`Error parsing ${JSON.stringify(key)} timeout: ${(error as Error).message}`);
    }
  };
  const declaredMs = (key: TimeoutKey): number | undefined => {
    const raw = declared[key];
    return raw === undefined ? undefined : parseGoDuration(raw);
  };
  const resolve = (key: Exclude<TimeoutKey, 'default'>): number =>
    configured(key) ?? configured('default') ?? declaredMs(key) ?? declaredMs('default') ?? SDK_FALLBACK_MS;
  return { create: resolve('create'), read: resolve('read'), update: resolve('update'), delete: resolve('delete') };
}

/** Human form for logs and error messages: `10m0s` like Go prints it. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${Number(rest.toFixed(6))}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Number((rest / 1000).toFixed(9));
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

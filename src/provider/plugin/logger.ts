/**
 * hclog-style logging on stderr. Terraform's plugin client reads every stderr line of the
 * provider: a JSON object with `@level`, `@message` and `@timestamp` becomes a structured
 * log entry at that level (other keys become key/value pairs), shown under `TF_LOG`
 * (or `TF_LOG_PROVIDER`) as `provider.terraform-provider-<type>: …`.
 *
 * stdout is reserved for the handshake line, so nothing here ever writes to it.
 */

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ tf_rpc: 'PlanResourceChange' }`). */
  with(fields: LogFields): Logger;
  /** Whether a line at `level` would be written; use it to skip building costly fields. */
  enabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  /** hclog `@module`, e.g. `provider.alicloud`. */
  module: string;
  /** Lowest level written; `'off'` writes nothing. Defaults to the level from the environment. */
  level?: LogLevel | 'off';
  /** Where lines go; defaults to stderr. One call per line, newline included. */
  sink?: (line: string) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

const RANK: Readonly<Record<LogLevel | 'off', number>> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 5 };

/**
 * The provider's level the way terraform decides it: `TF_LOG_PROVIDER` wins over `TF_LOG`;
 * `json` means trace; an unrecognised non-empty value means trace (as terraform does);
 * unset means nothing is shown by terraform, so nothing is written.
 */
export function levelFromEnv(env: NodeJS.ProcessEnv): LogLevel | 'off' {
  const raw = (env['TF_LOG_PROVIDER'] || env['TF_LOG'] || '').trim().toLowerCase();
  if (raw === '' || raw === 'off') return 'off';
  if (raw === 'json') return 'trace';
  return raw in RANK ? (raw as LogLevel) : 'trace';
}

/** The timestamp layout go-plugin parses: exactly six fractional digits. */
export function hclogTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
  return `${iso.slice(0, 23)}000Z`;
}

class HclogLogger implements Logger {
  readonly #module: string;
  readonly #rank: number;
  readonly #sink: (line: string) => void;
  readonly #now: () => Date;
  readonly #fields: LogFields;

  constructor(module: string, rank: number, sink: (line: string) => void, now: () => Date, fields: LogFields) {
    this.#module = module;
    this.#rank = rank;
    this.#sink = sink;
    this.#now = now;
    this.#fields = fields;
  }

  trace(message: string, fields?: LogFields): void {
    this.#write('trace', message, fields);
  }
  debug(message: string, fields?: LogFields): void {
    this.#write('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.#write('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.#write('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.#write('error', message, fields);
  }

  with(fields: LogFields): Logger {
    return new HclogLogger(this.#module, this.#rank, this.#sink, this.#now, { ...this.#fields, ...fields });
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] >= this.#rank;
  }

  #write(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (RANK[level] < this.#rank) return;
    const entry: Record<string, unknown> = {
      '@level': level,
      '@message': message,
      '@module': this.#module,
      '@timestamp': hclogTimestamp(this.#now()),
    };
    for (const source of [this.#fields, fields ?? {}]) {
      for (const [key, value] of Object.entries(source)) {
        entry[key] = fieldValue(value);
      }
    }
    let line: string;
    try {
      line = JSON.stringify(entry, bigintSafe);
    } catch {
      for (const key of Object.keys(entry)) if (!key.startsWith('@')) delete entry[key];
      line = JSON.stringify({ ...entry, '@message': `${message} (unserialisable fields dropped)` });
    }
    this.#sink(`${line}\n`);
  }
}

/** Top-level field values that JSON would render badly or not at all. */
function fieldValue(value: unknown): unknown {
  if (value instanceof Error) return value.message;
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  return value;
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? levelFromEnv(process.env);
  const sink = options.sink ?? ((line: string): void => void process.stderr.write(line));
  return new HclogLogger(options.module, RANK[level], sink, options.now ?? (() => new Date()), {});
}

/** The provider-wide logger, level taken from the environment once at start. */
export const logger: Logger = createLogger({ module: 'provider' });

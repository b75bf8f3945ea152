/**
 * Typed access to an RPC request's parameters (query and form body merged,
 * already URL-decoded). Every getter validates and throws the ECS error a real
 * endpoint gives: `MissingParameter` for an absent required value and
 * `InvalidParameter` (or a caller-chosen code) for a malformed one.
 */
import { EcsError, type ErrorCode } from './errors.js';

export interface IntegerOptions {
  readonly min?: number;
  readonly max?: number;
  /** Error code for an out-of-range or malformed value (default `InvalidParameter`). */
  readonly code?: ErrorCode;
}

export class Params {
  readonly #values: ReadonlyMap<string, string>;

  constructor(values: ReadonlyMap<string, string>) {
    this.#values = values;
  }

  static of(record: Record<string, string>): Params {
    return new Params(new Map(Object.entries(record)));
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  /** The raw value; an empty string counts as absent (clients send `X=` for unset values). */
  string(name: string): string | undefined {
    const value = this.#values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw EcsError.missingParameter(name);
    return value;
  }

  integer(name: string, options: IntegerOptions = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    const outOfRange =
      !Number.isSafeInteger(value) ||
      (options.min !== undefined && value < options.min) ||
      (options.max !== undefined && value > options.max);
    if (outOfRange) throw EcsError.invalidParameter(name, options.code);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const lower = raw.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw EcsError.invalidParameter(name);
  }

  /** `Name.1`, `Name.2`, … in index order (gaps allowed, as the SDKs never send them). */
  list(name: string): string[] {
    return this.#indexed(name).flatMap(([, key]) => {
      const value = this.#values.get(key);
      return value === undefined ? [] : [value];
    });
  }

  /** `Name.1.Key`, `Name.1.Value`, … as one record per index, in index order. */
  objectList(name: string): Array<Record<string, string>> {
    const byIndex = new Map<number, Record<string, string>>();
    const prefix = `${name}.`;
    for (const [key, value] of this.#values) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const dot = rest.indexOf('.');
      if (dot < 0) continue;
      const index = Number(rest.slice(0, dot));
      if (!Number.isInteger(index) || index < 1) continue;
      const record = byIndex.get(index) ?? {};
      record[rest.slice(dot + 1)] = value;
      byIndex.set(index, record);
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, record]) => record);
  }

  /** A JSON-array string parameter such as `InstanceIds=["i-a","i-b"]`. */
  jsonArray(name: string): string[] | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
    } catch {
      // fall through to the ECS error below
    }
    throw EcsError.invalidParameter(name);
  }

  /** Every parameter, for hashing request bodies (ClientToken) and logging. */
  entries(): ReadonlyMap<string, string> {
    return this.#values;
  }

  #indexed(name: string): Array<[number, string]> {
    const prefix = `${name}.`;
    const found: Array<[number, string]> = [];
    for (const key of this.#values.keys()) {
      if (!key.startsWith(prefix)) continue;
      const index = Number(key.slice(prefix.length));
      if (Number.isInteger(index) && index >= 1) found.push([index, key]);
    }
    return found.sort(([a], [b]) => a - b);
  }
}

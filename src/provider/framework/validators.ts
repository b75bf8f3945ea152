/**
 * Attribute validators: plain functions that return a message when a value breaks a rule.
 * The framework calls them only with a known, non-null value (a collection may still hold
 * unknown elements; `each` skips those). Messages follow the SDK's wording, naming the
 * attribute by its flat key, so users and tests recognise the documented rule:
 * `expected length of image_name to be in the range (2 - 128), got "a"`.
 */
import type { Value } from './value.js';
import { isObject, isUnknown } from './value.js';

export interface ValidatorContext {
  /** Flat SDK key of the value, e.g. `image_name` or `disk_device_mapping.0.size`. */
  readonly key: string;
}

/** Returns undefined when valid, otherwise the message shown to the user. */
export type Validator = (value: Value, context: ValidatorContext) => string | undefined;

const show = (value: Value): string => JSON.stringify(value);

export function stringLenBetween(min: number, max: number): Validator {
  return (value, { key }) => {
    if (typeof value !== 'string') return `expected type of ${key} to be string`;
    const length = [...value].length;
    return length < min || length > max
      ? `expected length of ${key} to be in the range (${min} - ${max}), got ${show(value)}`
      : undefined;
  };
}

export function stringInSlice(allowed: readonly string[], options: { ignoreCase?: boolean } = {}): Validator {
  const normalise = (s: string): string => (options.ignoreCase === true ? s.toLowerCase() : s);
  const set = new Set(allowed.map(normalise));
  return (value, { key }) => {
    if (typeof value !== 'string') return `expected type of ${key} to be string`;
    return set.has(normalise(value))
      ? undefined
      : `expected ${key} to be one of [${allowed.map((s) => show(s)).join(' ')}], got ${show(value)}`;
  };
}

/** `message` says what the pattern means ("must start with a letter"). */
export function stringMatch(pattern: RegExp, message: string): Validator {
  return (value, { key }) => {
    if (typeof value !== 'string') return `expected type of ${key} to be string`;
    return pattern.test(value) ? undefined : `invalid value for ${key} (${message}), got ${show(value)}`;
  };
}

export function stringNotPrefixedBy(prefixes: readonly string[]): Validator {
  return (value, { key }) => {
    if (typeof value !== 'string') return `expected type of ${key} to be string`;
    const hit = prefixes.find((p) => value.startsWith(p));
    return hit === undefined ? undefined : `invalid value for ${key} (cannot start with ${show(hit)}), got ${show(value)}`;
  };
}

function integer(value: Value, key: string): string | undefined {
  if (typeof value !== 'number') return `expected type of ${key} to be number`;
  return Number.isInteger(value) ? undefined : `expected type of ${key} to be integer, got ${value}`;
}

export function intBetween(min: number, max: number): Validator {
  return (value, { key }) =>
    integer(value, key) ??
    ((value as number) < min || (value as number) > max
      ? `expected ${key} to be in the range (${min} - ${max}), got ${value as number}`
      : undefined);
}

export function intAtLeast(min: number): Validator {
  return (value, { key }) =>
    integer(value, key) ?? ((value as number) < min ? `expected ${key} to be at least (${min}), got ${value as number}` : undefined);
}

/** For list/set/map attributes: at most `max` elements. */
export function maxItems(max: number): Validator {
  return (value, { key }) => {
    const count = Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : 0;
    return count > max ? `${key}: expected at most ${max} items, got ${count}` : undefined;
  };
}

/**
 * Lifts an element validator to a list/set/map attribute. Elements are named
 * `key.<index>` (lists, sets) or `key.<map key>`; null and unknown elements are skipped.
 */
export function each(validator: Validator): Validator {
  return (value, { key }) => {
    const entries: [string, Value][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v as Value])
      : isObject(value)
        ? Object.entries(value)
        : [];
    for (const [name, element] of entries) {
      if (element === null || isUnknown(element)) continue;
      const message = validator(element, { key: `${key}.${name}` });
      if (message !== undefined) return message;
    }
    return undefined;
  };
}

/** Runs validators in order and reports the first failure (SDK `All`). */
export function all(...validators: readonly Validator[]): Validator {
  return (value, context) => {
    for (const v of validators) {
      const message = v(value, context);
      if (message !== undefined) return message;
    }
    return undefined;
  };
}

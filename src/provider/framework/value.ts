/**
 * The framework's view of a terraform value: plain JS data with explicit nulls and one
 * explicit marker for "not known until apply". Resources read and write these; the edge
 * (`convert/values.ts`) turns them into cty values and back using the schema, so nothing
 * inward ever sees msgpack or a cty object.
 *
 * - string / number / bool: JS primitives (numbers beyond 2^53 lose precision; none of
 *   our resources has such attributes).
 * - list and set: arrays. Set order is meaningless, so values are compared with their type
 *   (`compare.ts` `equalTyped`), never structurally alone.
 * - map and object: objects built with `Object.fromEntries`, so a key named `__proto__`
 *   stays an own property instead of changing the prototype.
 * - `UNKNOWN` (cty's marker): a value terraform or the plan will only know after apply. Refinements
 *   (prefix, not-null…) are dropped on decode, which the protocol allows.
 */

import { UNKNOWN } from '../cty/js.js';

/** The same marker cty's `toJs`/`fromJs` use, so conversion at the edge is one call. */
export { UNKNOWN };
export type Unknown = typeof UNKNOWN;

/** A value that may be (or contain) unknowns: configs at validate/plan time, planned states. */
export type Value = null | string | number | boolean | Unknown | readonly Value[] | ValueObject;
export interface ValueObject {
  readonly [key: string]: Value;
}

/** A wholly known value: states, apply-time configs. */
export type KnownValue = null | string | number | boolean | readonly KnownValue[] | KnownObject;
export interface KnownObject {
  readonly [key: string]: KnownValue;
}

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

export function isObject(value: Value | undefined): value is ValueObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the value contains no unknown at any depth. */
export function isWhollyKnown(value: Value): value is KnownValue {
  if (value === UNKNOWN) return false;
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  if (isObject(value)) return Object.values(value).every(isWhollyKnown);
  return true;
}

/** Replaces every unknown by null: for partial states returned with an error. */
export function unknownsToNull(value: Value): KnownValue {
  if (value === UNKNOWN) return null;
  if (Array.isArray(value)) return value.map(unknownsToNull);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownsToNull(v)]));
  return value as KnownValue;
}

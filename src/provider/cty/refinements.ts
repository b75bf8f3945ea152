/**
 * Refinements of unknown values (Terraform ≥ 1.6): what is already known about a value
 * that is not. Terraform sends them in configs (`"pre-${x.id}"` arrives as an unknown string,
 * not null, starting with "pre-"). They are facts a provider may keep or drop, never invent:
 * dropping is always valid, so anything that does not apply to a type is dropped.
 */

import type { CtyNumber } from './number.js';
import { isCollection, type CtyType } from './types.js';

export interface NumberBound {
  readonly value: CtyNumber;
  readonly inclusive: boolean;
}

export interface Refinements {
  /** The value will not be null (wire key 1, sent as `false` = "not null"). Any type but dynamic. */
  readonly notNull?: boolean;
  /** The string will start with this (key 2). Strings only. */
  readonly stringPrefix?: string;
  /** Lower bound (key 3). Numbers only. */
  readonly numberLower?: NumberBound;
  /** Upper bound (key 4). Numbers only. */
  readonly numberUpper?: NumberBound;
  /** Minimum length (key 5). Lists, sets and maps only. */
  readonly lengthLower?: number;
  /** Maximum length (key 6). Lists, sets and maps only. */
  readonly lengthUpper?: number;
}

/**
 * The refinements that apply to `type`, or undefined when none remain (then the value
 * is a plain unknown). Empty prefixes, a zero lower length bound and `notNull: false`
 * carry no information and are dropped too.
 */
export function refinementsFor(type: CtyType, r: Refinements | undefined): Refinements | undefined {
  if (r === undefined || type.kind === 'dynamic') return undefined;
  const out: {
    notNull?: boolean;
    stringPrefix?: string;
    numberLower?: NumberBound;
    numberUpper?: NumberBound;
    lengthLower?: number;
    lengthUpper?: number;
  } = {};
  if (r.notNull === true) out.notNull = true;
  if (type.kind === 'string' && r.stringPrefix !== undefined && r.stringPrefix !== '') out.stringPrefix = r.stringPrefix;
  if (type.kind === 'number') {
    if (r.numberLower !== undefined) out.numberLower = r.numberLower;
    if (r.numberUpper !== undefined) out.numberUpper = r.numberUpper;
  }
  if (isCollection(type)) {
    if (r.lengthLower !== undefined && r.lengthLower > 0) out.lengthLower = r.lengthLower;
    if (r.lengthUpper !== undefined) out.lengthUpper = r.lengthUpper;
  }
  return Object.keys(out).length === 0 ? undefined : Object.freeze(out);
}

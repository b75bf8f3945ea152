/**
 * cty values: immutable, typed, and explicit about null and unknown.
 *
 * Every value is exactly one of: known, null, or unknown (optionally refined). No JS
 * `undefined` ever stands for a value. A value's `type` is its concrete type; only a null or
 * unknown value may have type `dynamic`. Collections hold Values, so a list element or an
 * object attribute can itself be null or unknown.
 */

import { CtyNumber } from './number.js';
import { CtyError, step, type AttributePath } from './path.js';
import { refinementsFor, type Refinements } from './refinements.js';
import { attributeNames, t, typeConforms, typeEquals, typeName, type CtyType, type ObjectType } from './types.js';

type KnownData = string | boolean | CtyNumber | readonly Value[] | ReadonlyMap<string, Value>;

type State = 'known' | 'null' | 'unknown';
const State = { Known: 'known', Null: 'null', Unknown: 'unknown' } as const;

export class Value {
  /** The concrete type (`dynamic` only for a null or unknown value of unknown type). */
  readonly type: CtyType;
  readonly #state: State;
  readonly #data: KnownData | undefined;
  readonly #refinements: Refinements | undefined;

  private constructor(type: CtyType, state: State, data: KnownData | undefined, refinements: Refinements | undefined) {
    this.type = type;
    this.#state = state;
    this.#data = data;
    this.#refinements = refinements;
  }

  // ── constructors ────────────────────────────────────────────────────────────

  /** A known string, NFC-normalised as cty does (so state compares equal to Terraform's). */
  static string(s: string): Value {
    return new Value(t.string, State.Known, s.normalize('NFC'), undefined);
  }

  /** A known number; strings are parsed as decimal/scientific text, JS numbers as their shortest decimal. */
  static number(n: number | bigint | string | CtyNumber): Value {
    const num =
      n instanceof CtyNumber ? n : typeof n === 'bigint' ? CtyNumber.fromBigInt(n) : typeof n === 'string' ? CtyNumber.parse(n) : CtyNumber.fromJs(n);
    return new Value(t.number, State.Known, num, undefined);
  }

  static bool(b: boolean): Value {
    return new Value(t.bool, State.Known, b, undefined);
  }

  /** A known list; every element must conform to `elementType`. */
  static list(elementType: CtyType, elements: readonly Value[]): Value {
    elements.forEach((e, i) => checkConforms(e, elementType, [step.index(i)]));
    return new Value(t.list(elementType), State.Known, Object.freeze([...elements]), undefined);
  }

  /** A known set; wholly known duplicates are merged, as in cty. Order carries no meaning. */
  static set(elementType: CtyType, elements: readonly Value[]): Value {
    const seen = new Set<string>();
    const unique: Value[] = [];
    elements.forEach((e, i) => {
      checkConforms(e, elementType, [step.setElement(i)]);
      if (e.isWhollyKnown()) {
        const key = e.#key();
        if (seen.has(key)) return;
        seen.add(key);
      }
      unique.push(e);
    });
    return new Value(t.set(elementType), State.Known, Object.freeze(unique), undefined);
  }

  /** A known map from string keys; every element must conform to `elementType`. */
  static map(elementType: CtyType, entries: Readonly<Record<string, Value>> | ReadonlyMap<string, Value>): Value {
    const map = toMap(entries);
    for (const [k, v] of map) checkConforms(v, elementType, [step.key(k)]);
    return new Value(t.map(elementType), State.Known, map, undefined);
  }

  /**
   * A known object. With `type`, the attributes must be exactly the type's attributes
   * (missing or extra → CtyError naming the attribute) and conform to their types.
   * The value's own type is built from the attribute values.
   */
  static object(attributes: Readonly<Record<string, Value>> | ReadonlyMap<string, Value>, type?: ObjectType): Value {
    const map = toMap(attributes);
    if (type !== undefined) {
      for (const name of attributeNames(type)) {
        const v = map.get(name);
        if (v === undefined) throw new CtyError([step.attr(name)], 'attribute is required');
        checkConforms(v, type.attributes[name] as CtyType, [step.attr(name)]);
      }
      for (const name of map.keys()) {
        if (!Object.hasOwn(type.attributes, name)) throw new CtyError([step.attr(name)], 'unsupported attribute');
      }
    }
    const attrTypes: Record<string, CtyType> = {};
    for (const [k, v] of map) Object.defineProperty(attrTypes, k, { value: v.type, enumerable: true, writable: true, configurable: true });
    return new Value(t.object(attrTypes), State.Known, map, undefined);
  }

  static tuple(elements: readonly Value[]): Value {
    return new Value(t.tuple(elements.map((e) => e.type)), State.Known, Object.freeze([...elements]), undefined);
  }

  static null(type: CtyType): Value {
    return new Value(type, State.Null, undefined, undefined);
  }

  /** An unknown value; refinements that do not apply to `type` are dropped. */
  static unknown(type: CtyType, refinements?: Refinements): Value {
    return new Value(type, State.Unknown, undefined, refinementsFor(type, refinements));
  }

  // ── state ───────────────────────────────────────────────────────────────────

  isKnown(): boolean {
    return this.#state !== State.Unknown;
  }

  isNull(): boolean {
    return this.#state === State.Null;
  }

  /** Known and not null. */
  isKnownNotNull(): boolean {
    return this.#state === State.Known;
  }

  /** Known all the way down (nulls count as known). */
  isWhollyKnown(): boolean {
    if (this.#state === State.Unknown) return false;
    const data = this.#data;
    if (Array.isArray(data)) return (data as readonly Value[]).every((e) => e.isWhollyKnown());
    if (data instanceof Map) {
      for (const v of data.values()) if (!v.isWhollyKnown()) return false;
    }
    return true;
  }

  /** The refinements of an unknown value (undefined when plain unknown or not unknown). */
  get refinements(): Refinements | undefined {
    return this.#refinements;
  }

  // ── primitives ──────────────────────────────────────────────────────────────

  asString(): string {
    return this.#primitive('string') as string;
  }

  asNumber(): CtyNumber {
    return this.#primitive('number') as CtyNumber;
  }

  asBool(): boolean {
    return this.#primitive('bool') as boolean;
  }

  // ── structure ───────────────────────────────────────────────────────────────

  /** Elements of a known list, set or tuple. */
  elements(): readonly Value[] {
    const data = this.#knownData('elements');
    if (!Array.isArray(data)) throw new TypeError(`elements() needs a list, set or tuple, not ${typeName(this.type)}`);
    return data as readonly Value[];
  }

  /** Entries of a known map or object (object attributes include nulls and unknowns). */
  entries(): ReadonlyMap<string, Value> {
    const data = this.#knownData('entries');
    if (!(data instanceof Map)) throw new TypeError(`entries() needs a map or object, not ${typeName(this.type)}`);
    return data;
  }

  /** Number of elements, entries or attributes of a known collection/structural value. */
  get length(): number {
    const data = this.#knownData('length');
    if (Array.isArray(data)) return data.length;
    if (data instanceof Map) return data.size;
    throw new TypeError(`length needs a collection, not ${typeName(this.type)}`);
  }

  /**
   * An object attribute. On a null object it is null, on an unknown object unknown, both of
   * the attribute's type, which keeps schema walks simple. Throws if the type has no such attribute.
   */
  get(name: string): Value {
    const type = this.type;
    if (type.kind !== 'object') {
      if (type.kind === 'dynamic' && !this.isKnownNotNull()) return this.isNull() ? Value.null(t.dynamic) : Value.unknown(t.dynamic);
      throw new TypeError(`cannot get attribute "${name}" of ${typeName(type)}`);
    }
    if (!Object.hasOwn(type.attributes, name)) throw new TypeError(`object has no attribute "${name}"`);
    const attrType = type.attributes[name] as CtyType;
    if (this.#state === State.Null) return Value.null(attrType);
    if (this.#state === State.Unknown) return Value.unknown(attrType);
    return (this.#data as ReadonlyMap<string, Value>).get(name) as Value;
  }

  /** Whether a known list/tuple has index `key`, or a known map has key `key`. */
  has(key: number | string): boolean {
    const data = this.#knownData('has');
    if (typeof key === 'number' && Array.isArray(data) && this.type.kind !== 'set') return Number.isInteger(key) && key >= 0 && key < data.length;
    if (typeof key === 'string' && data instanceof Map && this.type.kind === 'map') return data.has(key);
    return false;
  }

  /**
   * A list or tuple element by position, or a map element by key. An unknown list or map
   * gives an unknown element; a missing index or key throws RangeError.
   */
  index(key: number | string): Value {
    const type = this.type;
    if (this.#state === State.Unknown && (type.kind === 'list' || type.kind === 'map')) return Value.unknown(type.element);
    if (!this.has(key)) throw new RangeError(`no element ${JSON.stringify(key)} in ${this.isNull() ? 'null ' : ''}${typeName(type)}`);
    const data = this.#data;
    return (Array.isArray(data) ? (data as readonly Value[])[key as number] : (data as ReadonlyMap<string, Value>).get(key as string)) as Value;
  }

  /** A copy of this known object with attribute `name` replaced (it must exist and keep a conforming type). */
  with(name: string, value: Value): Value {
    const type = this.type;
    if (type.kind !== 'object' || this.#state !== State.Known) throw new TypeError(`with() needs a known object, not ${this.#describe()}`);
    if (!Object.hasOwn(type.attributes, name)) throw new TypeError(`object has no attribute "${name}"`);
    checkConforms(value, type.attributes[name] as CtyType, [step.attr(name)]);
    const map = new Map(this.#data as ReadonlyMap<string, Value>);
    map.set(name, value);
    return Value.object(map);
  }

  // ── comparison ──────────────────────────────────────────────────────────────

  /**
   * Deep structural equality: same type, same null/unknown status, same content; set
   * elements compare without order. Two unknowns of the same type are equal (refinements
   * are not compared); use it to detect change, not to decide what an unknown will become.
   */
  equals(other: Value): boolean {
    if (this === other) return true;
    if (!typeEquals(this.type, other.type) || this.#state !== other.#state) return false;
    if (this.#state !== State.Known) return true;
    const a = this.#data;
    const b = other.#data;
    if (a instanceof CtyNumber) return a.equals(b as CtyNumber);
    if (Array.isArray(a)) {
      const bs = b as readonly Value[];
      if (a.length !== bs.length) return false;
      if (this.type.kind === 'set') {
        const keys = (a as readonly Value[]).map((v) => v.#key()).sort();
        const otherKeys = bs.map((v) => v.#key()).sort();
        return keys.every((k, i) => k === otherKeys[i]);
      }
      return (a as readonly Value[]).every((v, i) => v.equals(bs[i] as Value));
    }
    if (a instanceof Map) {
      const bm = b as ReadonlyMap<string, Value>;
      if (a.size !== bm.size) return false;
      for (const [k, v] of a) {
        const o = bm.get(k);
        if (o === undefined || !(v as Value).equals(o)) return false;
      }
      return true;
    }
    return a === b;
  }

  /** Debug text in HCL-like syntax: `{name = "x", size = 40, tags = null, id = (unknown)}`. */
  toString(): string {
    if (this.#state === State.Null) return 'null';
    if (this.#state === State.Unknown) return this.#refinements === undefined ? '(unknown)' : '(unknown, refined)';
    const data = this.#data;
    if (typeof data === 'string') return JSON.stringify(data);
    if (Array.isArray(data)) return `[${(data as readonly Value[]).map(String).join(', ')}]`;
    if (data instanceof Map) {
      const parts = [...data].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)} = ${String(v)}`);
      return `{${parts.join(', ')}}`;
    }
    return String(data);
  }

  // ── internals ───────────────────────────────────────────────────────────────

  /** Canonical text of the content, for set identity (unknowns all print the same). */
  #key(): string {
    if (this.#state === State.Null) return 'N';
    if (this.#state === State.Unknown) return 'U';
    const data = this.#data;
    if (typeof data === 'string') return `s${JSON.stringify(data)}`;
    if (typeof data === 'boolean') return data ? 'T' : 'F';
    if (data instanceof CtyNumber) return `n${data.toString()}`;
    if (Array.isArray(data)) {
      const keys = (data as readonly Value[]).map((v) => v.#key());
      if (this.type.kind === 'set') keys.sort();
      return `${this.type.kind[0]}[${keys.join(',')}]`;
    }
    const entries = [...(data as ReadonlyMap<string, Value>)].map(([k, v]) => `${JSON.stringify(k)}:${v.#key()}`).sort();
    return `${this.type.kind[0]}{${entries.join(',')}}`;
  }

  #primitive(kind: 'string' | 'number' | 'bool'): KnownData {
    if (this.type.kind !== kind || this.#state !== State.Known) throw new TypeError(`expected a known ${kind}, got ${this.#describe()}`);
    return this.#data as KnownData;
  }

  #knownData(op: string): KnownData {
    if (this.#state !== State.Known) throw new TypeError(`${op} needs a known, non-null value, got ${this.#describe()}`);
    return this.#data as KnownData;
  }

  #describe(): string {
    const prefix = this.#state === State.Null ? 'null ' : this.#state === State.Unknown ? 'unknown ' : '';
    return prefix + typeName(this.type);
  }
}

function toMap(entries: Readonly<Record<string, Value>> | ReadonlyMap<string, Value>): ReadonlyMap<string, Value> {
  const map = entries instanceof Map ? new Map(entries) : new Map(Object.entries(entries));
  for (const [k, v] of map) {
    if (!(v instanceof Value)) throw new CtyError([step.key(k)], `expected a cty Value, got ${v === undefined ? 'undefined' : typeof v}`);
  }
  return map;
}

function checkConforms(value: Value, expected: CtyType, path: AttributePath): void {
  if (!(value instanceof Value)) throw new CtyError(path, `expected a cty Value, got ${value === undefined ? 'undefined' : typeof value}`);
  if (typeConforms(value.type, expected)) return;
  throw new CtyError(path, `${typeName(expected)} required, got ${typeName(value.type)}`);
}

/**
 * cty types: the type system Terraform uses for every value crossing the plugin protocol.
 *
 * A type is a plain immutable object, a discriminated union on `kind`. `dynamic` is cty's
 * DynamicPseudoType: "any type", decided per value. Types travel in the Schema `type` bytes
 * and inside dynamic values as compact JSON (`"string"`, `["list","string"]`,
 * `["object",{"a":"number"}]`, `["object",{...},["opt"]]`, `["tuple",[...]]`, `"dynamic"`).
 */

export type CtyType =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'list'; readonly element: CtyType }
  | { readonly kind: 'set'; readonly element: CtyType }
  | { readonly kind: 'map'; readonly element: CtyType }
  | ObjectType
  | { readonly kind: 'tuple'; readonly elements: readonly CtyType[] };

/**
 * An object type. `optional` only matters for type constraints written in configuration
 * (`["object",{…},["name"]]`); on the wire an object always carries every attribute.
 */
export interface ObjectType {
  readonly kind: 'object';
  readonly attributes: Readonly<Record<string, CtyType>>;
  readonly optional?: readonly string[];
}

export type CollectionType = Extract<CtyType, { kind: 'list' | 'set' | 'map' }>;

/** Compact JSON form of a type, as JSON.parse would give it. */
export type TypeJson = string | readonly unknown[];

const STRING: CtyType = Object.freeze({ kind: 'string' });
const NUMBER: CtyType = Object.freeze({ kind: 'number' });
const BOOL: CtyType = Object.freeze({ kind: 'bool' });
const DYNAMIC: CtyType = Object.freeze({ kind: 'dynamic' });

/** Type constructors: `t.string`, `t.list(t.string)`, `t.object({ name: t.string })`. */
export const t = Object.freeze({
  string: STRING,
  number: NUMBER,
  bool: BOOL,
  dynamic: DYNAMIC,
  list: (element: CtyType): CtyType => Object.freeze({ kind: 'list', element }),
  set: (element: CtyType): CtyType => Object.freeze({ kind: 'set', element }),
  map: (element: CtyType): CtyType => Object.freeze({ kind: 'map', element }),
  object: (attributes: Readonly<Record<string, CtyType>>, optional?: readonly string[]): ObjectType => {
    const attrs = copyRecord(attributes);
    if (optional !== undefined && optional.length > 0) {
      for (const name of optional) {
        if (!Object.hasOwn(attrs, name)) throw new TypeError(`optional attribute "${name}" is not an attribute of the object type`);
      }
      return Object.freeze({ kind: 'object', attributes: attrs, optional: Object.freeze([...new Set(optional)].sort()) });
    }
    return Object.freeze({ kind: 'object', attributes: attrs });
  },
  tuple: (elements: readonly CtyType[]): CtyType => Object.freeze({ kind: 'tuple', elements: Object.freeze([...elements]) }),
});

/** Attribute names of an object type, sorted (the order Terraform writes them in). */
/** Sorted once per type: every value of a resource's type is encoded, decoded and converted by name order. */
const sortedNames = new WeakMap<ObjectType, readonly string[]>();

export function attributeNames(type: ObjectType): readonly string[] {
  let names = sortedNames.get(type);
  if (names === undefined) {
    names = Object.freeze(Object.keys(type.attributes).sort());
    sortedNames.set(type, names);
  }
  return names;
}

export function isPrimitive(type: CtyType): boolean {
  return type.kind === 'string' || type.kind === 'number' || type.kind === 'bool';
}

export function isCollection(type: CtyType): type is CollectionType {
  return type.kind === 'list' || type.kind === 'set' || type.kind === 'map';
}

/** Exact structural equality (object `optional` sets included, as cty does). */
export function typeEquals(a: CtyType, b: CtyType): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return a.kind === b.kind;
    case 'list':
    case 'set':
    case 'map':
      return a.kind === b.kind && typeEquals(a.element, (b as CollectionType).element);
    case 'tuple':
      return b.kind === 'tuple' && a.elements.length === b.elements.length && a.elements.every((e, i) => typeEquals(e, b.elements[i] as CtyType));
    case 'object': {
      if (b.kind !== 'object') return false;
      const names = attributeNames(a);
      const otherNames = attributeNames(b);
      if (names.length !== otherNames.length) return false;
      if (!names.every((n, i) => n === otherNames[i] && typeEquals(a.attributes[n] as CtyType, b.attributes[n] as CtyType))) return false;
      const optA = a.optional ?? [];
      const optB = b.optional ?? [];
      return optA.length === optB.length && optA.every((n, i) => n === optB[i]);
    }
  }
}

/**
 * Whether a value of type `actual` may stand where `expected` is declared: equal, or
 * `expected` has `dynamic` where `actual` has a concrete type.
 */
export function typeConforms(actual: CtyType, expected: CtyType): boolean {
  if (expected.kind === 'dynamic') return true;
  switch (expected.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return actual.kind === expected.kind;
    case 'list':
    case 'set':
    case 'map':
      return actual.kind === expected.kind && typeConforms((actual as CollectionType).element, expected.element);
    case 'tuple':
      return (
        actual.kind === 'tuple' &&
        actual.elements.length === expected.elements.length &&
        actual.elements.every((e, i) => typeConforms(e, expected.elements[i] as CtyType))
      );
    case 'object': {
      if (actual.kind !== 'object') return false;
      const names = attributeNames(expected);
      const actualNames = attributeNames(actual);
      return (
        names.length === actualNames.length &&
        names.every((n, i) => n === actualNames[i] && typeConforms(actual.attributes[n] as CtyType, expected.attributes[n] as CtyType))
      );
    }
  }
}

/** Human-readable name used in error messages, like cty's FriendlyName. */
export function typeName(type: CtyType): string {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return type.kind;
    case 'dynamic':
      return 'dynamic';
    case 'list':
    case 'set':
    case 'map':
      return `${type.kind} of ${typeName(type.element)}`;
    case 'object':
      return 'object';
    case 'tuple':
      return 'tuple';
  }
}

/** The JSON structure of a type (object attribute keys sorted). */
export function typeToJson(type: CtyType): TypeJson {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return type.kind;
    case 'list':
    case 'set':
    case 'map':
      return [type.kind, typeToJson(type.element)];
    case 'tuple':
      return ['tuple', type.elements.map(typeToJson)];
    case 'object': {
      const attrs: Record<string, TypeJson> = {};
      for (const name of attributeNames(type)) defineEntry(attrs, name, typeToJson(type.attributes[name] as CtyType));
      return type.optional !== undefined && type.optional.length > 0 ? ['object', attrs, [...type.optional]] : ['object', attrs];
    }
  }
}

/** Compact JSON text of a type, byte-for-byte what the Schema `type` field and dynamic values carry. */
export function typeToJsonString(type: CtyType): string {
  return JSON.stringify(typeToJson(type));
}

/**
 * Parses a type from JSON text, UTF-8 bytes, or an already parsed JSON structure.
 * Throws a TypeError naming the problem on anything cty would reject.
 */
export function typeFromJson(json: string | Uint8Array | unknown): CtyType {
  let parsed: unknown = json;
  if (typeof json === 'string' || json instanceof Uint8Array) {
    const text = typeof json === 'string' ? json : new TextDecoder('utf-8', { fatal: true }).decode(json);
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new TypeError(`invalid type JSON: ${(err as Error).message}`);
    }
  }
  return typeFromParsed(parsed);
}

function typeFromParsed(json: unknown): CtyType {
  if (typeof json === 'string') {
    switch (json) {
      case 'string':
        return STRING;
      case 'number':
        return NUMBER;
      case 'bool':
        return BOOL;
      case 'dynamic':
        return DYNAMIC;
      default:
        throw new TypeError(`invalid primitive type name "${json}"`);
    }
  }
  if (!Array.isArray(json) || json.length < 2 || typeof json[0] !== 'string') {
    throw new TypeError(`invalid type JSON ${safeStringify(json)}: expected a type name or [kind, …]`);
  }
  const [kind, arg, extra] = json as [string, unknown, unknown];
  switch (kind) {
    case 'list':
    case 'set':
    case 'map':
      if (json.length !== 2) throw new TypeError(`invalid ${kind} type: expected ["${kind}", element]`);
      return t[kind](typeFromParsed(arg));
    case 'tuple':
      if (json.length !== 2 || !Array.isArray(arg)) throw new TypeError('invalid tuple type: expected ["tuple", [elements…]]');
      return t.tuple(arg.map(typeFromParsed));
    case 'object': {
      if (json.length > 3 || arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
        throw new TypeError('invalid object type: expected ["object", {attributes}] or ["object", {attributes}, [optional…]]');
      }
      const attrs: Record<string, CtyType> = {};
      for (const [name, attrJson] of Object.entries(arg as Record<string, unknown>)) defineEntry(attrs, name, typeFromParsed(attrJson));
      if (json.length === 3) {
        if (!Array.isArray(extra) || !extra.every((n): n is string => typeof n === 'string')) {
          throw new TypeError('invalid object type: the optional attribute list must be an array of strings');
        }
        return t.object(attrs, extra);
      }
      return t.object(attrs);
    }
    default:
      throw new TypeError(`invalid type kind "${kind}"`);
  }
}

function copyRecord(src: Readonly<Record<string, CtyType>>): Readonly<Record<string, CtyType>> {
  const out: Record<string, CtyType> = {};
  for (const name of Object.keys(src).sort()) defineEntry(out, name, src[name] as CtyType);
  return Object.freeze(out);
}

/** Assigns without the `__proto__` setter trap (attribute and map key names are user data). */
export function defineEntry<V>(target: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

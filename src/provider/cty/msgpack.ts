/**
 * The msgpack DynamicValue codec, type-directed exactly as go-cty's is.
 *
 * - null is nil; an unknown is an extension: any extension type decodes as unknown, ext 12
 *   with a map payload keeps its refinements; we send `d4 00 00`, or ext 12 when refinements
 *   that apply to the type remain.
 * - A value in a `dynamic` slot travels as `[bin(type JSON), value]`, unless it is itself a
 *   null (nil) or unknown (ext) of type dynamic.
 * - An object is a map with exactly the type's attributes (a missing or extra one is an error
 *   naming its path); keys are written sorted, as Terraform does.
 * - Numbers: int when integral and within int64, float64 when exact, else a decimal string.
 */

import { encode as msgpackEncode, ExtensionCodec } from '@msgpack/msgpack';
import { CtyNumber } from './number.js';
import { MsgpackFormatError, MsgpackReader } from './msgpack-reader.js';
import { appendPath, CtyError, ROOT, step, type AttributePath } from './path.js';
import { refinementsFor, type NumberBound, type Refinements } from './refinements.js';
import { attributeNames, defineEntry, typeFromJson, typeName, typeToJsonString, type CtyType } from './types.js';
import { Value } from './value.js';

const EXT_UNKNOWN = 0;
const EXT_REFINED_UNKNOWN = 12;

const REFINE_NULLNESS = 1;
const REFINE_STRING_PREFIX = 2;
const REFINE_NUMBER_LOWER = 3;
const REFINE_NUMBER_UPPER = 4;
const REFINE_LENGTH_LOWER = 5;
const REFINE_LENGTH_UPPER = 6;

/** go-cty refuses refinement payloads above 1 KiB; prefixes are cut well below that. */
const MAX_REFINEMENTS_BYTES = 1024;
const MAX_PREFIX_BYTES = 256;

// ── decoding ────────────────────────────────────────────────────────────────────

/** Decodes Terraform msgpack into a value of `type`. Empty bytes are null. Errors are CtyErrors with the path. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): Value {
  if (bytes.length === 0) return Value.null(type);
  const reader = new MsgpackReader(bytes);
  const value = decodeValue(reader, type, ROOT);
  if (!reader.atEnd) throw new CtyError(ROOT, 'unexpected bytes after the msgpack value');
  return value;
}

function decodeValue(r: MsgpackReader, type: CtyType, path: AttributePath): Value {
  try {
    if (r.isExt()) return decodeUnknown(r, type);
    if (r.isNil()) {
      r.skipNil();
      return Value.null(type);
    }
    switch (type.kind) {
      case 'string':
        if (!r.isStr()) throw required(r, path, 'a string');
        return Value.string(r.readStr());
      case 'number':
        return Value.number(readNumber(r, path));
      case 'bool':
        if (r.peek() !== 0xc2 && r.peek() !== 0xc3) throw required(r, path, 'a bool');
        return Value.bool(r.readBool());
      case 'list':
      case 'set': {
        if (!r.isArray()) throw required(r, path, `a ${type.kind}`);
        const n = r.readArrayHeader();
        const elements: Value[] = [];
        for (let i = 0; i < n; i++) {
          elements.push(decodeValue(r, type.element, appendPath(path, type.kind === 'set' ? step.setElement(i) : step.index(i))));
        }
        return type.kind === 'list' ? Value.list(type.element, elements) : Value.set(type.element, elements);
      }
      case 'tuple': {
        if (!r.isArray()) throw required(r, path, 'a tuple');
        const n = r.readArrayHeader();
        if (n !== type.elements.length) throw new CtyError(path, `a tuple of length ${type.elements.length} is required (${n} given)`);
        return Value.tuple(type.elements.map((et, i) => decodeValue(r, et, appendPath(path, step.index(i)))));
      }
      case 'map': {
        if (!isMap(r)) throw required(r, path, 'a map');
        const n = r.readMapHeader();
        const entries = new Map<string, Value>();
        for (let i = 0; i < n; i++) {
          if (!r.isStr()) throw new CtyError(path, `map keys must be strings, found ${r.describeNext()}`);
          const key = r.readStr();
          entries.set(key, decodeValue(r, type.element, appendPath(path, step.key(key))));
        }
        return Value.map(type.element, entries);
      }
      case 'object': {
        if (!isMap(r)) throw required(r, path, 'an object');
        const n = r.readMapHeader();
        const attrs = new Map<string, Value>();
        for (let i = 0; i < n; i++) {
          if (!r.isStr()) throw new CtyError(path, `object attribute names must be strings, found ${r.describeNext()}`);
          const name = r.readStr();
          const attrPath = appendPath(path, step.attr(name));
          if (!Object.hasOwn(type.attributes, name)) throw new CtyError(attrPath, 'unsupported attribute');
          if (attrs.has(name)) throw new CtyError(attrPath, 'duplicate attribute');
          attrs.set(name, decodeValue(r, type.attributes[name] as CtyType, attrPath));
        }
        const names = attributeNames(type);
        const missing = names.find((name) => !attrs.has(name));
        if (missing !== undefined) {
          throw new CtyError(
            appendPath(path, step.attr(missing)),
            `attribute is missing (an object with ${names.length} attributes is required, ${n} given)`,
          );
        }
        return Value.object(attrs);
      }
      case 'dynamic':
        return decodeDynamic(r, path);
    }
  } catch (err) {
    if (err instanceof MsgpackFormatError) throw new CtyError(path, err.message);
    throw err;
  }
}

function decodeDynamic(r: MsgpackReader, path: AttributePath): Value {
  if (!r.isArray()) throw required(r, path, 'a dynamic value ([type, value] array)');
  const n = r.readArrayHeader();
  if (n !== 2) throw new CtyError(path, `a dynamic value must be a [type, value] array (${n} elements given)`);
  let concrete: CtyType;
  try {
    // Terraform writes bin; str is accepted like go-cty's decoder does.
    concrete = typeFromJson(r.isStr() ? r.readStr() : r.readBin());
  } catch (err) {
    if (err instanceof MsgpackFormatError) throw new CtyError(path, `the type of a dynamic value must be JSON bytes: ${err.message}`);
    throw new CtyError(path, `invalid type in dynamic value: ${(err as Error).message}`);
  }
  return decodeValue(r, concrete, path);
}

function decodeUnknown(r: MsgpackReader, type: CtyType): Value {
  const ext = r.readExt();
  if (ext.data.length <= 1 || ext.type !== EXT_REFINED_UNKNOWN) return Value.unknown(type);
  return Value.unknown(type, decodeRefinements(ext.data));
}

/**
 * Refinements are optional knowledge, so a payload we cannot read, or keys we do not know,
 * degrade to less knowledge rather than an error.
 */
function decodeRefinements(data: Uint8Array): Refinements | undefined {
  const r = new MsgpackReader(data);
  const out: { -readonly [K in keyof Refinements]: Refinements[K] } = {};
  try {
    const n = r.readMapHeader();
    for (let i = 0; i < n; i++) {
      if (!r.isInt()) {
        r.skip();
        r.skip();
        continue;
      }
      const key = r.readInt();
      switch (key) {
        case REFINE_NULLNESS:
          if (r.peek() === 0xc2) {
            r.readBool();
            out.notNull = true;
          } else r.skip();
          break;
        case REFINE_STRING_PREFIX:
          if (r.isStr()) out.stringPrefix = r.readStr();
          else r.skip();
          break;
        case REFINE_NUMBER_LOWER:
        case REFINE_NUMBER_UPPER: {
          const bound = readBound(r);
          if (bound !== undefined) out[key === REFINE_NUMBER_LOWER ? 'numberLower' : 'numberUpper'] = bound;
          break;
        }
        case REFINE_LENGTH_LOWER:
        case REFINE_LENGTH_UPPER:
          if (r.isInt()) {
            const len = Number(r.readInt());
            if (Number.isSafeInteger(len) && len >= 0) out[key === REFINE_LENGTH_LOWER ? 'lengthLower' : 'lengthUpper'] = len;
          } else r.skip();
          break;
        default:
          r.skip();
      }
    }
  } catch {
    // Keep what was read before the damage.
  }
  return out;
}

function readBound(r: MsgpackReader): NumberBound | undefined {
  if (!r.isArray()) {
    r.skip();
    return undefined;
  }
  const n = r.readArrayHeader();
  if (n !== 2) {
    for (let i = 0; i < n; i++) r.skip();
    return undefined;
  }
  let value: CtyNumber | undefined;
  try {
    value = readNumber(r, ROOT);
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    r.skip();
    return undefined;
  }
  if (r.peek() !== 0xc2 && r.peek() !== 0xc3) {
    r.skip();
    return undefined;
  }
  return { value, inclusive: r.readBool() };
}

function readNumber(r: MsgpackReader, path: AttributePath): CtyNumber {
  if (r.isInt()) {
    const n = r.readInt();
    return typeof n === 'bigint' ? CtyNumber.fromBigInt(n) : CtyNumber.fromJs(n);
  }
  if (r.isFloat()) {
    const f = r.readFloat();
    if (!Number.isFinite(f)) throw new CtyError(path, `a finite number is required, got ${f}`);
    return CtyNumber.fromFloat64Exact(f);
  }
  if (r.isStr()) {
    const text = r.readStr();
    try {
      return CtyNumber.parse(text);
    } catch {
      throw new CtyError(path, `a number is required, got the string ${JSON.stringify(text)}`);
    }
  }
  throw required(r, path, 'a number');
}

function isMap(r: MsgpackReader): boolean {
  const b = r.peek();
  return (b & 0xf0) === 0x80 || b === 0xde || b === 0xdf;
}

function required(r: MsgpackReader, path: AttributePath, what: string): CtyError {
  return new CtyError(path, `${what} is required, found msgpack ${r.describeNext()}`);
}

// ── encoding ────────────────────────────────────────────────────────────────────

/** An unknown on its way out: `payload` is the ext 12 body, or undefined for a plain `d4 00 00`. */
class WireUnknown {
  constructor(readonly payload: Uint8Array | undefined) {}
}

function createExtensionCodec(): ExtensionCodec {
  const codec = new ExtensionCodec();
  codec.register({
    type: EXT_UNKNOWN,
    encode: (obj) => (obj instanceof WireUnknown && obj.payload === undefined ? Uint8Array.of(0) : null),
    decode: () => new WireUnknown(undefined),
  });
  codec.register({
    type: EXT_REFINED_UNKNOWN,
    encode: (obj) => (obj instanceof WireUnknown && obj.payload !== undefined ? obj.payload : null),
    decode: (data) => new WireUnknown(data),
  });
  return codec;
}

/** Built once, never changed afterwards: it only maps WireUnknown to ext 0 / ext 12. */
const extensionCodec = createExtensionCodec();

/**
 * Encodes `value` as Terraform expects a value of `type`. The value must conform to the
 * type; objects must carry exactly its attributes. Errors are CtyErrors with the path.
 */
export function encodeMsgpack(value: Value, type: CtyType): Uint8Array {
  return msgpackEncode(toWire(value, type, ROOT), { extensionCodec, useBigInt64: true, sortKeys: true });
}

function toWire(value: Value, type: CtyType, path: AttributePath): unknown {
  if (type.kind === 'dynamic' && value.type.kind !== 'dynamic') {
    return [new TextEncoder().encode(typeToJsonString(value.type)), toWire(value, value.type, path)];
  }
  if (!value.isKnown()) return new WireUnknown(refinementsPayload(type, value.refinements));
  if (value.isNull()) return null;
  checkShape(value, type, path);
  switch (type.kind) {
    case 'string':
      return value.asString();
    case 'number':
      return numberToWire(value.asNumber());
    case 'bool':
      return value.asBool();
    case 'list':
    case 'set':
      return value
        .elements()
        .map((e, i) => toWire(e, type.element, appendPath(path, type.kind === 'set' ? step.setElement(i) : step.index(i))));
    case 'tuple':
      return value.elements().map((e, i) => toWire(e, type.elements[i] as CtyType, appendPath(path, step.index(i))));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value.entries()) defineEntry(out, k, toWire(v, type.element, appendPath(path, step.key(k))));
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of attributeNames(type)) {
        defineEntry(out, name, toWire(value.get(name), type.attributes[name] as CtyType, appendPath(path, step.attr(name))));
      }
      return out;
    }
    case 'dynamic':
      throw new CtyError(path, 'a known value cannot have type dynamic');
  }
}

/** Shallow type check; children are checked as the encoder reaches them, so errors name the exact path. */
function checkShape(value: Value, type: CtyType, path: AttributePath): void {
  const actual = value.type;
  if (actual.kind !== type.kind || (type.kind === 'tuple' && actual.kind === 'tuple' && actual.elements.length !== type.elements.length)) {
    throw new CtyError(path, `${typeName(type)} required, got ${typeName(actual)}`);
  }
  if (type.kind === 'object' && actual.kind === 'object') {
    for (const name of attributeNames(type)) {
      if (!Object.hasOwn(actual.attributes, name)) throw new CtyError(appendPath(path, step.attr(name)), 'attribute is missing');
    }
    for (const name of attributeNames(actual)) {
      if (!Object.hasOwn(type.attributes, name)) throw new CtyError(appendPath(path, step.attr(name)), 'unsupported attribute');
    }
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The most compact exact form: int, float64, or decimal text. Integers beyond 32 bits go
 * as bigint because the library writes large JS-number integers as float64.
 */
function numberToWire(n: CtyNumber): number | bigint | string {
  const int = n.toBigInt();
  if (int !== undefined && int >= INT64_MIN && int <= INT64_MAX) {
    return int >= -(2n ** 31n) && int <= 0xffffffffn ? Number(int) : int;
  }
  return n.exactFloat64() ?? n.toString();
}

function refinementsPayload(type: CtyType, refinements: Refinements | undefined): Uint8Array | undefined {
  const r = refinementsFor(type, refinements);
  if (r === undefined) return undefined;
  const full = buildRefinements(r);
  if (full.length <= MAX_REFINEMENTS_BYTES) return full;
  return r.notNull === true ? buildRefinements({ notNull: true }) : undefined;
}

function buildRefinements(r: Refinements): Uint8Array {
  const parts: Uint8Array[] = [];
  let count = 0;
  const add = (key: number, v: unknown): void => {
    count++;
    parts.push(Uint8Array.of(key), msgpackEncode(v, { useBigInt64: true }));
  };
  if (r.notNull === true) add(REFINE_NULLNESS, false);
  if (r.stringPrefix !== undefined) add(REFINE_STRING_PREFIX, truncateUtf8(r.stringPrefix, MAX_PREFIX_BYTES));
  if (r.numberLower !== undefined) add(REFINE_NUMBER_LOWER, [numberToWire(r.numberLower.value), r.numberLower.inclusive]);
  if (r.numberUpper !== undefined) add(REFINE_NUMBER_UPPER, [numberToWire(r.numberUpper.value), r.numberUpper.inclusive]);
  if (r.lengthLower !== undefined) add(REFINE_LENGTH_LOWER, r.lengthLower);
  if (r.lengthUpper !== undefined) add(REFINE_LENGTH_UPPER, r.lengthUpper);
  const header = Uint8Array.of(0x80 | count);
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, header.length));
  out.set(header, 0);
  let pos = header.length;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** A shorter prefix is still a true prefix; cut on a code point boundary. */
function truncateUtf8(s: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= maxBytes) return s;
  let end = maxBytes;
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/**
 * Conversion between cty values and plain JS data, for resource code.
 *
 * Null is `null`, unknown is the {@link UNKNOWN} symbol; `undefined` is never a value.
 * Lists, sets and tuples are arrays; maps and objects are plain objects.
 */

import { CtyNumber } from './number.js';
import { appendPath, CtyError, ROOT, step, type AttributePath } from './path.js';
import { attributeNames, defineEntry, t, typeConforms, typeName, type CtyType } from './types.js';
import { Value } from './value.js';

/** Stands for an unknown value in plain JS data. */
export const UNKNOWN: unique symbol = Symbol.for('ecs-image.cty.unknown');

export type JsValue = null | typeof UNKNOWN | string | number | boolean | readonly JsValue[] | { readonly [key: string]: JsValue };

export interface FromJsOptions {
  /**
   * What a missing object attribute means: `'error'` (default, explicit data only) or
   * `'null'` (handy when a resource fills in only what the API returned).
   */
  readonly missingAttributes?: 'error' | 'null';
}

/**
 * Plain JS form of a value. Numbers become JS numbers, which rounds values beyond float64
 * precision; read `value.asNumber()` where exactness matters.
 */
export function toJs(value: Value): JsValue {
  if (value.isNull()) return null;
  if (!value.isKnown()) return UNKNOWN;
  switch (value.type.kind) {
    case 'string':
      return value.asString();
    case 'number':
      return value.asNumber().toNumber();
    case 'bool':
      return value.asBool();
    case 'list':
    case 'set':
    case 'tuple':
      return value.elements().map(toJs);
    case 'map':
    case 'object': {
      const out: Record<string, JsValue> = {};
      for (const [k, v] of value.entries()) defineEntry(out, k, toJs(v));
      return out;
    }
    case 'dynamic':
      throw new TypeError('a known value never has type dynamic');
  }
}

/**
 * Builds a value of `type` from plain JS data. Accepts, besides the {@link JsValue} forms:
 * bigint, numeric strings and CtyNumber for numbers; Maps for maps and objects; and Values
 * (taken as they are when they conform). For `dynamic` the type is inferred (arrays become
 * tuples, objects objects). Errors are CtyErrors naming the path.
 */
export function fromJs(type: CtyType, js: unknown, options: FromJsOptions = {}): Value {
  return convert(type, js, ROOT, options);
}

function convert(type: CtyType, js: unknown, path: AttributePath, options: FromJsOptions): Value {
  if (js instanceof Value) {
    if (!typeConforms(js.type, type)) throw new CtyError(path, `${typeName(type)} required, got ${typeName(js.type)}`);
    return js;
  }
  if (js === null) return Value.null(type);
  if (js === UNKNOWN) return Value.unknown(type);
  if (js === undefined) throw new CtyError(path, `${typeName(type)} required, got undefined (use null or UNKNOWN)`);
  switch (type.kind) {
    case 'string':
      if (typeof js !== 'string') throw mismatch(path, type, js);
      return Value.string(js);
    case 'number':
      if (typeof js === 'number' || typeof js === 'bigint' || js instanceof CtyNumber) return Value.number(js);
      if (typeof js === 'string') {
        try {
          return Value.number(js);
        } catch {
          throw new CtyError(path, `number required, got the string ${JSON.stringify(js)}`);
        }
      }
      throw mismatch(path, type, js);
    case 'bool':
      if (typeof js !== 'boolean') throw mismatch(path, type, js);
      return Value.bool(js);
    case 'list':
    case 'set': {
      if (!Array.isArray(js)) throw mismatch(path, type, js);
      const elements = js.map((e, i) => convert(type.element, e, appendPath(path, type.kind === 'set' ? step.setElement(i) : step.index(i)), options));
      return type.kind === 'list' ? Value.list(type.element, elements) : Value.set(type.element, elements);
    }
    case 'tuple': {
      if (!Array.isArray(js)) throw mismatch(path, type, js);
      if (js.length !== type.elements.length) throw new CtyError(path, `a tuple of length ${type.elements.length} is required (${js.length} given)`);
      return Value.tuple(type.elements.map((et, i) => convert(et, js[i], appendPath(path, step.index(i)), options)));
    }
    case 'map': {
      const entries = objectEntries(js, path, type);
      const out = new Map<string, Value>();
      for (const [k, v] of entries) out.set(k, convert(type.element, v, appendPath(path, step.key(k)), options));
      return Value.map(type.element, out);
    }
    case 'object': {
      const entries = new Map(objectEntries(js, path, type));
      const out = new Map<string, Value>();
      for (const name of attributeNames(type)) {
        const attrPath = appendPath(path, step.attr(name));
        const attrType = type.attributes[name] as CtyType;
        if (!entries.has(name) || entries.get(name) === undefined) {
          if (options.missingAttributes !== 'null') throw new CtyError(attrPath, 'attribute is required (use null for no value)');
          out.set(name, Value.null(attrType));
        } else {
          out.set(name, convert(attrType, entries.get(name), attrPath, options));
        }
        entries.delete(name);
      }
      for (const extra of entries.keys()) throw new CtyError(appendPath(path, step.attr(extra)), 'unsupported attribute');
      return Value.object(out);
    }
    case 'dynamic':
      return convert(inferType(js, path), js, path, options);
  }
}

function inferType(js: unknown, path: AttributePath): CtyType {
  if (typeof js === 'string') return t.string;
  if (typeof js === 'number' || typeof js === 'bigint' || js instanceof CtyNumber) return t.number;
  if (typeof js === 'boolean') return t.bool;
  if (Array.isArray(js)) return t.tuple(js.map((e, i) => (e === null || e === UNKNOWN ? t.dynamic : inferType(e, appendPath(path, step.index(i))))));
  if (js !== null && typeof js === 'object') {
    const attrs: Record<string, CtyType> = {};
    for (const [k, v] of objectEntries(js, path, t.dynamic)) {
      defineEntry(attrs, k, v === null || v === UNKNOWN ? t.dynamic : inferType(v, appendPath(path, step.attr(k))));
    }
    return t.object(attrs);
  }
  throw new CtyError(path, `cannot infer a cty type for ${typeof js}`);
}

function objectEntries(js: unknown, path: AttributePath, type: CtyType): [string, unknown][] {
  if (js instanceof Map) return [...(js as Map<unknown, unknown>)].map(([k, v]) => [String(k), v]);
  if (js === null || typeof js !== 'object' || Array.isArray(js)) throw mismatch(path, type, js);
  return Object.entries(js);
}

function mismatch(path: AttributePath, type: CtyType, js: unknown): CtyError {
  const got = Array.isArray(js) ? 'array' : js === null ? 'null' : typeof js;
  return new CtyError(path, `${typeName(type)} required, got ${got}`);
}

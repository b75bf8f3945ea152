/**
 * The cty JSON codec (go-cty's `ctyjson`): `UpgradeResourceState.raw_state.json` (the state
 * file's `attributes`) and `DynamicValue.json`.
 *
 * Same shapes as msgpack, except: no unknowns; a `dynamic` value is
 * `{"value": …, "type": <type JSON>}`; numbers are JSON numbers of any size. Decoding
 * follows go-cty: a missing object attribute is null, primitives convert from strings
 * (`"12"` for a number, `"true"` for a bool) and to strings.
 */

import { JsonNumber, JsonSyntaxError, parseJson, type JsonNode } from './json-parse.js';
import { CtyNumber } from './number.js';
import { appendPath, CtyError, ROOT, step, type AttributePath } from './path.js';
import { attributeNames, typeFromJson, typeName, typeToJsonString, type CtyType } from './types.js';
import { Value } from './value.js';

export interface DecodeJsonOptions {
  /**
   * Drop object attributes the type does not declare instead of failing — what
   * UpgradeResourceState needs when a newer schema removed an attribute.
   */
  readonly ignoreUndefinedAttributes?: boolean;
}

/** Decodes cty JSON (text or UTF-8 bytes) into a value of `type`. Errors are CtyErrors with the path. */
export function decodeJson(json: string | Uint8Array, type: CtyType, options: DecodeJsonOptions = {}): Value {
  const text = typeof json === 'string' ? json : new TextDecoder('utf-8').decode(json);
  let node: JsonNode;
  try {
    node = parseJson(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new CtyError(ROOT, err.message);
    throw err;
  }
  return fromNode(node, type, ROOT, options);
}

function fromNode(node: JsonNode, type: CtyType, path: AttributePath, options: DecodeJsonOptions): Value {
  if (node === null) return Value.null(type);
  switch (type.kind) {
    case 'string':
      if (typeof node === 'string') return Value.string(node);
      if (node instanceof JsonNumber) return Value.string(node.text);
      if (typeof node === 'boolean') return Value.string(String(node));
      throw required(path, 'a string', node);
    case 'number': {
      const text = node instanceof JsonNumber ? node.text : typeof node === 'string' ? node : undefined;
      if (text === undefined) throw required(path, 'a number', node);
      try {
        return Value.number(CtyNumber.parse(text));
      } catch {
        throw new CtyError(path, `a number is required, got ${JSON.stringify(text)}`);
      }
    }
    case 'bool':
      if (typeof node === 'boolean') return Value.bool(node);
      if (node === 'true' || node === 'false') return Value.bool(node === 'true');
      throw required(path, 'a bool', node);
    case 'list':
    case 'set': {
      if (!Array.isArray(node)) throw required(path, `a ${type.kind}`, node);
      const elements = (node as readonly JsonNode[]).map((e, i) =>
        fromNode(e, type.element, appendPath(path, type.kind === 'set' ? step.setElement(i) : step.index(i)), options),
      );
      return type.kind === 'list' ? Value.list(type.element, elements) : Value.set(type.element, elements);
    }
    case 'tuple': {
      if (!Array.isArray(node)) throw required(path, 'a tuple', node);
      const items = node as readonly JsonNode[];
      if (items.length !== type.elements.length) throw new CtyError(path, `a tuple of length ${type.elements.length} is required (${items.length} given)`);
      return Value.tuple(type.elements.map((et, i) => fromNode(items[i] as JsonNode, et, appendPath(path, step.index(i)), options)));
    }
    case 'map': {
      if (!(node instanceof Map)) throw required(path, 'a map', node);
      const entries = new Map<string, Value>();
      for (const [k, v] of node) entries.set(k, fromNode(v, type.element, appendPath(path, step.key(k)), options));
      return Value.map(type.element, entries);
    }
    case 'object': {
      if (!(node instanceof Map)) throw required(path, 'an object', node);
      const attrs = new Map<string, Value>();
      for (const [name, v] of node) {
        if (!Object.hasOwn(type.attributes, name)) {
          if (options.ignoreUndefinedAttributes === true) continue;
          throw new CtyError(appendPath(path, step.attr(name)), 'unsupported attribute');
        }
        attrs.set(name, fromNode(v, type.attributes[name] as CtyType, appendPath(path, step.attr(name)), options));
      }
      for (const name of attributeNames(type)) if (!attrs.has(name)) attrs.set(name, Value.null(type.attributes[name] as CtyType));
      return Value.object(attrs);
    }
    case 'dynamic':
      return fromDynamic(node, path, options);
  }
}

function fromDynamic(node: JsonNode, path: AttributePath, options: DecodeJsonOptions): Value {
  if (!(node instanceof Map)) throw required(path, 'a dynamic value ({"value": …, "type": …})', node);
  for (const key of node.keys()) {
    if (key !== 'value' && key !== 'type') throw new CtyError(path, `invalid key ${JSON.stringify(key)} in a dynamic value`);
  }
  const typeNode = node.get('type');
  if (typeNode === undefined) throw new CtyError(path, 'missing "type" in a dynamic value');
  if (!node.has('value')) throw new CtyError(path, 'missing "value" in a dynamic value');
  let concrete: CtyType;
  try {
    concrete = typeFromJson(plain(typeNode));
  } catch (err) {
    throw new CtyError(path, `invalid type in dynamic value: ${(err as Error).message}`);
  }
  return fromNode(node.get('value') as JsonNode, concrete, path, options);
}

/** Type JSON has no numbers; turn Maps back into records for typeFromJson. */
function plain(node: JsonNode): unknown {
  if (node instanceof JsonNumber) return Number(node.text);
  if (Array.isArray(node)) return (node as readonly JsonNode[]).map(plain);
  if (node instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of node) Object.defineProperty(out, k, { value: plain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return node;
}

function required(path: AttributePath, what: string, node: JsonNode): CtyError {
  const got =
    node instanceof JsonNumber ? 'number' : node instanceof Map ? 'object' : Array.isArray(node) ? 'array' : typeof node === 'string' ? 'string' : typeof node;
  return new CtyError(path, `${what} is required, got JSON ${got}`);
}

/**
 * Encodes a wholly known value as compact cty JSON (object attributes sorted, every one
 * present). An unknown anywhere is a CtyError: JSON cannot carry it.
 */
export function encodeJson(value: Value, type: CtyType): string {
  return toText(value, type, ROOT);
}

function toText(value: Value, type: CtyType, path: AttributePath): string {
  if (!value.isKnown()) throw new CtyError(path, 'value is not known; unknown values cannot be written as JSON');
  if (type.kind === 'dynamic') {
    if (value.type.kind === 'dynamic') return 'null';
    return `{"value":${toText(value, value.type, path)},"type":${typeToJsonString(value.type)}}`;
  }
  if (value.isNull()) return 'null';
  const actual = value.type;
  if (actual.kind !== type.kind) throw new CtyError(path, `${typeName(type)} required, got ${typeName(actual)}`);
  switch (type.kind) {
    case 'string':
      return JSON.stringify(value.asString());
    case 'number':
      return value.asNumber().toString();
    case 'bool':
      return value.asBool() ? 'true' : 'false';
    case 'list':
    case 'set':
      return `[${value
        .elements()
        .map((e, i) => toText(e, type.element, appendPath(path, type.kind === 'set' ? step.setElement(i) : step.index(i))))
        .join(',')}]`;
    case 'tuple': {
      const elements = value.elements();
      if (elements.length !== type.elements.length) throw new CtyError(path, `a tuple of length ${type.elements.length} is required (${elements.length} given)`);
      return `[${elements.map((e, i) => toText(e, type.elements[i] as CtyType, appendPath(path, step.index(i)))).join(',')}]`;
    }
    case 'map': {
      const keys = [...value.entries().keys()].sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${toText(value.index(k), type.element, appendPath(path, step.key(k)))}`).join(',')}}`;
    }
    case 'object': {
      const own = value.type.kind === 'object' ? value.type.attributes : {};
      for (const name of attributeNames(type)) {
        if (!Object.hasOwn(own, name)) throw new CtyError(appendPath(path, step.attr(name)), 'attribute is missing');
      }
      for (const name of Object.keys(own)) {
        if (!Object.hasOwn(type.attributes, name)) throw new CtyError(appendPath(path, step.attr(name)), 'unsupported attribute');
      }
      return `{${attributeNames(type)
        .map((name) => `${JSON.stringify(name)}:${toText(value.get(name), type.attributes[name] as CtyType, appendPath(path, step.attr(name)))}`)
        .join(',')}}`;
    }
  }
}

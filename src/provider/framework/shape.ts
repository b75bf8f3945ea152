/**
 * Brings a plain object into the exact shape of a schema: every attribute and block present
 * (missing attributes null, missing list/set blocks empty — Optional+Computed ones too —,
 * missing single blocks null).
 *
 * - `strict` (handler results): an attribute the schema does not know is a provider bug.
 * - lenient (UpgradeResourceState raw JSON): unknown keys are dropped — that is how an
 *   attribute removed from the schema leaves old state — and JSON numbers written as
 *   strings are accepted.
 */
import type { CompiledBlock, TypeJson } from './schema.js';
import type { Value, ValueObject } from './value.js';
import { isObject, isUnknown } from './value.js';

export class ShapeError extends Error {
  constructor(path: string, message: string) {
    super(`${path === '' ? 'value' : path}: ${message}`);
    this.name = 'ShapeError';
  }
}

export function shapeObject(block: CompiledBlock, input: unknown, options: { strict: boolean }, at = ''): ValueObject {
  if (!isObject(input as Value)) throw new ShapeError(at, 'an object is required');
  const source = input as Readonly<Record<string, unknown>>;
  if (options.strict) {
    for (const key of Object.keys(source)) {
      const known = block.attributes.some((a) => a.name === key) || block.blocks.some((b) => b.name === key);
      if (!known) throw new ShapeError(join(at, key), 'unsupported attribute (not in the schema)');
    }
  }
  const entries: [string, Value][] = [];
  for (const attribute of block.attributes) {
    const raw = source[attribute.name];
    // An Optional+Computed block is a block to terraform (`convert/schema.ts`): never null.
    const absent = attribute.computedBlock === undefined ? null : [];
    entries.push([attribute.name, raw === undefined || raw === null ? absent : shapeValue(attribute.type, raw, options, join(at, attribute.name))]);
  }
  for (const nested of block.blocks) {
    const raw = source[nested.name];
    const path = join(at, nested.name);
    if (nested.nesting === 'single') {
      entries.push([nested.name, raw === undefined || raw === null ? null : isUnknown(raw) ? raw : shapeObject(nested.block, raw, options, path)]);
    } else if (raw === undefined || raw === null) {
      entries.push([nested.name, []]);
    } else if (isUnknown(raw)) {
      entries.push([nested.name, raw]);
    } else if (Array.isArray(raw)) {
      entries.push([nested.name, raw.map((item: unknown, i) => shapeObject(nested.block, item, options, `${path}.${i}`))]);
    } else {
      throw new ShapeError(path, 'a list of blocks is required');
    }
  }
  return Object.fromEntries(entries);
}

function shapeValue(type: TypeJson, raw: unknown, options: { strict: boolean }, at: string): Value {
  if (raw === null || raw === undefined) return null;
  if (isUnknown(raw)) return raw;
  if (typeof type === 'string') return shapePrimitive(type, raw, options, at);
  const [kind, inner] = type;
  if (kind === 'object') {
    if (!isObject(raw as Value)) throw new ShapeError(at, 'an object is required');
    const source = raw as Readonly<Record<string, unknown>>;
    const attributes = inner as Readonly<Record<string, TypeJson>>;
    if (options.strict) {
      for (const key of Object.keys(source)) if (!(key in attributes)) throw new ShapeError(join(at, key), 'unsupported attribute (not in the schema)');
    }
    return Object.fromEntries(Object.entries(attributes).map(([name, t]) => [name, shapeValue(t, source[name], options, join(at, name))]));
  }
  const element = inner as TypeJson;
  if (kind === 'map') {
    if (!isObject(raw as Value)) throw new ShapeError(at, 'a map is required');
    return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, shapeValue(element, v, options, join(at, k))]));
  }
  if (!Array.isArray(raw)) throw new ShapeError(at, `a ${kind} is required`);
  return raw.map((item: unknown, i) => shapeValue(element, item, options, `${at}.${i}`));
}

function shapePrimitive(type: string, raw: unknown, options: { strict: boolean }, at: string): Value {
  switch (type) {
    case 'string':
      if (typeof raw === 'string') return raw;
      if (!options.strict && (typeof raw === 'number' || typeof raw === 'boolean')) return String(raw);
      break;
    case 'number':
      if (typeof raw === 'number') return raw;
      if (!options.strict && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
      break;
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (!options.strict && (raw === 'true' || raw === 'false')) return raw === 'true';
      break;
  }
  throw new ShapeError(at, `${type} required, got ${Array.isArray(raw) ? 'array' : typeof raw} ${safe(raw)}`);
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}

function safe(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/**
 * Walking and rewriting values with their paths — e.g. the plan engine marking computed
 * attributes unknown, or collecting every unknown for a diagnostic.
 */

import { appendPath, ROOT, step, type AttributePath } from './path.js';
import type { CtyType } from './types.js';
import { Value } from './value.js';

/** Called for a value before its children; return `false` to skip the children. */
export type Visitor = (path: AttributePath, value: Value) => boolean | void;

/** Called for a value after its children were transformed; returns the replacement (or the same value). */
export type Transformer = (path: AttributePath, value: Value) => Value;

/** Pre-order walk over a value and everything inside it (object attributes in sorted order). */
export function walk(value: Value, visit: Visitor, path: AttributePath = ROOT): void {
  if (visit(path, value) === false || !value.isKnownNotNull()) return;
  forEachChild(value, path, (childPath, child) => walk(child, visit, childPath));
}

/**
 * Post-order rewrite, like cty's Transform: children first, then `fn` sees the rebuilt
 * value at `path`. Unchanged subtrees are kept by identity. The replacement must conform
 * to the declared type of its position (collections keep their element type).
 */
export function transform(value: Value, fn: Transformer, path: AttributePath = ROOT): Value {
  if (!value.isKnownNotNull()) return fn(path, value);
  const type = value.type;
  let changed = false;
  let rebuilt = value;
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'tuple': {
      const isSet = type.kind === 'set';
      const elements = value.elements().map((e, i) => {
        const next = transform(e, fn, appendPath(path, isSet ? step.setElement(i) : step.index(i)));
        if (next !== e) changed = true;
        return next;
      });
      if (changed) {
        rebuilt =
          type.kind === 'tuple' ? Value.tuple(elements) : type.kind === 'set' ? Value.set(type.element, elements) : Value.list(type.element, elements);
      }
      break;
    }
    case 'map':
    case 'object': {
      const entries = new Map<string, Value>();
      for (const [k, v] of value.entries()) {
        const next = transform(v, fn, appendPath(path, type.kind === 'map' ? step.key(k) : step.attr(k)));
        if (next !== v) changed = true;
        entries.set(k, next);
      }
      if (changed) rebuilt = type.kind === 'map' ? Value.map(type.element as CtyType, entries) : Value.object(entries);
      break;
    }
    default:
      break;
  }
  return fn(path, rebuilt);
}

function forEachChild(value: Value, path: AttributePath, fn: (path: AttributePath, child: Value) => void): void {
  const type = value.type;
  switch (type.kind) {
    case 'list':
    case 'tuple':
      value.elements().forEach((e, i) => fn(appendPath(path, step.index(i)), e));
      return;
    case 'set':
      value.elements().forEach((e, i) => fn(appendPath(path, step.setElement(i)), e));
      return;
    case 'map':
      for (const [k, v] of value.entries()) fn(appendPath(path, step.key(k)), v);
      return;
    case 'object':
      for (const k of [...value.entries().keys()].sort()) fn(appendPath(path, step.attr(k)), value.get(k));
      return;
    default:
      return;
  }
}

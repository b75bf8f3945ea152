/**
 * Type-directed equality: sets compare as sets, everything else structurally. The plan
 * engine uses it to decide whether anything changed, because terraform hands us prior and
 * proposed values decoded separately, and set elements need not come back in one order.
 */
import type { TypeJson } from './schema.js';
import type { Value } from './value.js';
import { isObject, isUnknown } from './value.js';

export function equalTyped(type: TypeJson, a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || isUnknown(a) || isUnknown(b)) return false;
  if (typeof type === 'string') return a === b;
  const [kind, inner] = type;
  if (kind === 'object') {
    if (!isObject(a) || !isObject(b)) return false;
    const attributes = inner as Readonly<Record<string, TypeJson>>;
    return Object.entries(attributes).every(([name, t]) => equalTyped(t, a[name] ?? null, b[name] ?? null));
  }
  const element = inner as TypeJson;
  if (kind === 'map') {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equalTyped(element, a[k] as Value, b[k] as Value));
  }
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  if (kind === 'set') {
    const covers = (x: readonly Value[], y: readonly Value[]): boolean => x.every((item) => y.some((o) => equalTyped(element, item, o)));
    return covers(a, b) && covers(b, a);
  }
  return a.every((item, i) => equalTyped(element, item as Value, b[i] as Value));
}

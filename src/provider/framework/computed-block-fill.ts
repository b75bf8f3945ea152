/**
 * Recognises the one apply-result disagreement the framework accepts under
 * `legacy_type_system`: an Optional+Computed block (SDK v1 `Optional+Computed` TypeList/
 * TypeSet of Resource, a nested block to terraform, see `convert/schema.ts`) that the
 * user configured, coming back with the nested Computed fields the plan had as null filled
 * in by the remote side.
 *
 * On create and replace the plan already marks those fields unknown (plan.ts step 7); this
 * covers the remaining case, a plan that kept them null. `plansComputedBlockCount` below
 * says when a plan needs the flag.
 */
import { equalTyped } from './compare.js';
import type { CompiledAttribute, CompiledBlock } from './schema.js';
import type { Value, ValueObject } from './value.js';
import { isObject, isUnknown } from './value.js';

/**
 * `equal`: no planned null was filled (unknowns may have become known, sets may be in a
 * different order); `filled`: the result differs from the plan only by values of nested
 * Computed attributes that are null in the plan; `differs`: anything else (another
 * attribute changed, an element was added or dropped, a set element cannot be paired).
 */
export type FillComparison = 'equal' | 'filled' | 'differs';

/** Compares the planned and applied values of an Optional+Computed block attribute. */
export function compareComputedBlockFill(attribute: CompiledAttribute, planned: Value, actual: Value): FillComparison {
  const shape = attribute.computedBlock;
  if (shape === undefined || !Array.isArray(planned) || !Array.isArray(actual) || planned.length !== actual.length) return 'differs';
  const pairs = shape.collection === 'list' ? planned.map((p, i) => [p, actual[i]] as const) : pairSetElements(shape.element, planned, actual);
  if (pairs === undefined) return 'differs';
  let filled = false;
  for (const [p, a] of pairs) {
    const comparison = compareElement(shape.element, p as Value, a as Value);
    if (comparison === 'differs') return 'differs';
    filled ||= comparison === 'filled';
  }
  return filled ? 'filled' : 'equal';
}

function compareElement(element: CompiledBlock, planned: Value, actual: Value): FillComparison {
  if (!isObject(planned) || !isObject(actual)) return 'differs';
  let filled = false;
  for (const sub of element.attributes) {
    const p = planned[sub.name] ?? null;
    const a = actual[sub.name] ?? null;
    if (isUnknown(p)) continue;
    if (p === null && sub.computed) {
      filled ||= a !== null;
      continue;
    }
    if (!equalTyped(sub.type, p, a)) return 'differs';
  }
  return filled ? 'filled' : 'equal';
}

/**
 * Set elements have no index: each planned element takes the first unused result element it
 * is compatible with. A greedy match may miss a pairing that exists; the caller then keeps
 * the strict behaviour, which is safe.
 */
function pairSetElements(element: CompiledBlock, planned: readonly Value[], actual: readonly Value[]): (readonly [Value, Value])[] | undefined {
  const unused = new Set(actual.keys());
  const pairs: (readonly [Value, Value])[] = [];
  for (const p of planned) {
    const index = [...unused].find((i) => compareElement(element, p, actual[i] as Value) !== 'differs');
    if (index === undefined) return undefined;
    unused.delete(index);
    pairs.push([p, actual[index] as Value]);
  }
  return pairs;
}

/**
 * True when the plan gives an Optional+Computed block another block count than the config
 * (the remote side's blocks, or unknown, where the config has none): terraform's strict
 * plan check refuses that unless the response carries `legacy_type_system`.
 */
export function plansComputedBlockCount(schema: CompiledBlock, planned: ValueObject | null, config: ValueObject | null): boolean {
  if (planned === null || config === null) return false;
  return schema.attributes.some((a) => {
    if (a.computedBlock === undefined) return false;
    const value = planned[a.name] ?? null;
    const configured = config[a.name] ?? null;
    if (isUnknown(configured)) return false;
    if (isUnknown(value)) return true;
    return Array.isArray(value) && value.length !== (Array.isArray(configured) ? configured.length : 0);
  });
}

/**
 * PlanResourceChange: from terraform's proposed new state to our planned state.
 *
 * The sequence (the shape of terraform-plugin-framework's PlanResourceChange):
 *   1. Destroy: proposed null → planned null (the resource hook still runs, so it can warn).
 *   2. Start from the proposed new state: terraform has already merged config with prior
 *      state (Optional+Computed and Computed attributes that are null in config carry the
 *      prior value; on create they are null).
 *   3. Defaults for null config values.
 *   4. Optional+Computed blocks (planned as one list value, served as blocks, see
 *      `convert/schema.ts`): keep the prior value when the config has no block, or only
 *      leaves unset what the remote side filled in.
 *   5. Decide whether anything changed (ignoring the `timeouts` block, which is copied from
 *      config and never reaches the remote side). No change → the plan equals the prior
 *      state exactly, so terraform reports no changes and no "(known after apply)" appears.
 *   6. ForceNew: every path whose planned value differs from prior → `requires_replace`.
 *   7. Computed attributes with a null config become unknown: all of them on create and
 *      replace; on an in-place update all except ForceNew ones (they cannot change without
 *      a replacement) and those marked useStateForUnknown (`id`, create_time…) unless a
 *      sibling they follow changes (`changesWith`: a deprecated alias, say). On create
 *      and replace, the unset computed fields inside a configured Optional+Computed block
 *      become unknown too. An Optional+Computed block the config leaves out is planned as
 *      the remote side's blocks (or unknown): the one planned value whose block count
 *      differs from the config, which terraform tolerates only under `legacy_type_system`
 *      (provider.ts), as it does for every SDK v1 provider.
 *   8. The resource's own `modifyPlan` hook; a replacement it asks for re-runs step 7, and so
 *      does a replacement it withdraws (every path but `id` dropped): step 7 for an update,
 *      on the plan as it was before step 7 (e.g. a ForceNew argument that is null in state
 *      only because the remote side never reports it, adopted after an import).
 *
 * What terraform checks afterwards (`plans/objchange`), and why each step respects it: a planned
 * value differs from config only where the attribute is computed and the config null
 * (steps 3, 4, 7) or where it equals the prior value (step 4); block counts are touched only
 * for Optional+Computed blocks left out of the config (under `legacy_type_system`);
 * unknowns appear only on computed attributes and those blocks. The plan is a pure function of
 * (prior, proposed, config), so the apply-time re-plan agrees with the first plan.
 */
import type { CompiledAttribute, CompiledBlock } from './schema.js';
import { blockValueType } from './schema.js';
import type { Path } from './diagnostics.js';
import { equalTyped } from './compare.js';
import type { Value, ValueObject } from './value.js';
import { UNKNOWN, isObject, isUnknown } from './value.js';

export interface PlanInput {
  readonly schema: CompiledBlock;
  /** Null on create. Wholly known. */
  readonly prior: ValueObject | null;
  /** Null on destroy. */
  readonly proposed: ValueObject | null;
  /** Null on destroy. */
  readonly config: ValueObject | null;
}

export interface PlanOutput {
  readonly planned: ValueObject | null;
  readonly requiresReplace: readonly Path[];
  /** Top-level attribute and block names whose planned value differs from prior (for logs). */
  readonly changed: readonly string[];
}

/** Step 8: the resource hook. It gets the plan so far and returns the (possibly edited) plan. */
export type PlanModifier = (plan: PlanOutput) => Promise<{ planned: ValueObject | null; requiresReplace: readonly Path[] }>;

type Mode = 'create' | 'replace' | 'update';

export async function planChange(input: PlanInput, modify?: PlanModifier): Promise<PlanOutput> {
  const { schema, prior, config } = input;

  // 1. Destroy.
  if (input.proposed === null || config === null) {
    const destroy: PlanOutput = { planned: null, requiresReplace: [], changed: [] };
    if (modify !== undefined) await modify(destroy);
    return destroy;
  }

  // 2. Start from the proposed new state.
  let planned: ValueObject = input.proposed;

  // 3. Defaults for null config values.
  planned = applyDefaults(schema, planned, config);

  // 4. Optional+Computed blocks keep their prior value unless the config asks otherwise.
  planned = settleComputedBlocks(schema, planned, config, prior);

  // 5. Did anything change? On create, everything did.
  if (prior !== null && !changedIgnoringTimeouts(schema, planned, prior)) {
    const unchanged = { planned, requiresReplace: [], changed: changedNames(schema, planned, prior) };
    return modify === undefined ? unchanged : finish(input, await modify(unchanged));
  }

  // 6. ForceNew changes.
  const requiresReplace = prior === null ? [] : forceNewPaths(schema, planned, config, prior, []);
  const mode: Mode = prior === null ? 'create' : requiresReplace.length > 0 ? 'replace' : 'update';

  // 7. Computed values the apply will decide.
  const beforeUnknowns = planned;
  planned = markComputedUnknown(schema, planned, config, prior, mode);
  const plan: PlanOutput = {
    planned,
    requiresReplace: mode === 'replace' ? [...requiresReplace, ['id']] : requiresReplace,
    changed: prior === null ? [] : changedNames(schema, planned, prior),
  };

  // 8. The resource's own plan modification.
  if (modify === undefined) return plan;
  const modified = await modify(plan);
  if (mode === 'update' && modified.requiresReplace.length > 0 && modified.planned !== null) {
    const replanned = markComputedUnknown(schema, modified.planned, config, prior, 'replace');
    return finish(input, { planned: replanned, requiresReplace: withId(modified.requiresReplace) });
  }
  if (mode === 'replace' && prior !== null && modified.planned !== null && modified.requiresReplace.every(isIdPath)) {
    const replanned = markComputedUnknown(schema, beforeUnknowns, config, prior, 'update');
    return finish(input, { planned: replanned, requiresReplace: [] });
  }
  return finish(input, modified);
}

function finish(input: PlanInput, result: { planned: ValueObject | null; requiresReplace: readonly Path[] }): PlanOutput {
  const changed = input.prior === null || result.planned === null ? [] : changedNames(input.schema, result.planned, input.prior);
  return { planned: result.planned, requiresReplace: result.requiresReplace, changed };
}

function isIdPath(path: Path): boolean {
  return path.length === 1 && path[0] === 'id';
}

function withId(paths: readonly Path[]): Path[] {
  return paths.some(isIdPath) ? [...paths] : [...paths, ['id']];
}

// ---- step 3 -------------------------------------------------------------------------

function applyDefaults(schema: CompiledBlock, planned: ValueObject, config: ValueObject): ValueObject {
  let out = planned;
  for (const attribute of schema.attributes) {
    if (attribute.default !== undefined && config[attribute.name] === null) {
      out = { ...out, [attribute.name]: attribute.default };
    }
  }
  for (const block of schema.blocks) {
    if (block.nesting === 'set') continue; // sets hold no computed (hence no defaulted) attributes
    out = { ...out, [block.name]: mapBlockItems(out[block.name] ?? null, config[block.name] ?? null, (p, c) => applyDefaults(block.block, p, c)) };
  }
  return out;
}

/** Applies `fn` to each planned block object with its config counterpart (same index). */
function mapBlockItems(planned: Value, config: Value, fn: (p: ValueObject, c: ValueObject) => ValueObject): Value {
  if (isObject(planned)) return isObject(config) ? fn(planned, config) : planned;
  if (!Array.isArray(planned)) return planned;
  const configItems: readonly Value[] = Array.isArray(config) ? config : [];
  return planned.map((item, i) => {
    const c = configItems[i];
    return isObject(item) && isObject(c) ? fn(item, c) : item;
  });
}

// ---- step 4 -------------------------------------------------------------------------

function settleComputedBlocks(schema: CompiledBlock, planned: ValueObject, config: ValueObject, prior: ValueObject | null): ValueObject {
  let out = planned;
  for (const attribute of schema.attributes) {
    const shape = attribute.computedBlock;
    if (shape === undefined) continue;
    const configured = config[attribute.name] ?? null;
    const before = prior?.[attribute.name] ?? null;
    // On create there is nothing to keep: step 7 decides.
    if (isUnknown(configured) || before === null) continue;
    // No block in the config: terraform proposes none, the remote side's blocks stay.
    if (hasNoBlocks(configured) || computedBlockEquivalent(attribute, configured, before)) out = { ...out, [attribute.name]: before };
  }
  for (const block of schema.blocks) {
    if (block.nesting === 'set') continue;
    const before = prior?.[block.name] ?? null;
    out = {
      ...out,
      [block.name]: mapBlockItemsWithPrior(out[block.name] ?? null, config[block.name] ?? null, before, (p, c, b) =>
        settleComputedBlocks(block.block, p, c, b),
      ),
    };
  }
  return out;
}

/**
 * The config of an Optional+Computed block matches the prior value when it has as many
 * elements and every argument the user set equals the prior one. Unset (null) arguments
 * that are computed were filled by the remote side and do not count; computed-only ones
 * never count.
 */
function computedBlockEquivalent(attribute: CompiledAttribute, configured: Value, before: Value): boolean {
  const shape = attribute.computedBlock;
  if (shape === undefined || !Array.isArray(configured) || !Array.isArray(before)) return false;
  if (configured.length !== before.length) return false;
  const matches = (c: Value, b: Value): boolean =>
    isObject(c) &&
    isObject(b) &&
    shape.element.attributes.every((sub) => {
      if (sub.computed && !sub.optional) return true;
      const cv = c[sub.name] ?? null;
      if (cv === null && sub.computed) return true;
      return equalTyped(sub.type, cv, b[sub.name] ?? null);
    });
  if (shape.collection === 'list') return configured.every((c, i) => matches(c, before[i] as Value));
  return configured.every((c) => before.some((b) => matches(c, b)));
}

function mapBlockItemsWithPrior(
  planned: Value,
  config: Value,
  prior: Value,
  fn: (p: ValueObject, c: ValueObject, b: ValueObject | null) => ValueObject,
): Value {
  if (isObject(planned)) return isObject(config) ? fn(planned, config, isObject(prior) ? prior : null) : planned;
  if (!Array.isArray(planned)) return planned;
  const configItems: readonly Value[] = Array.isArray(config) ? config : [];
  const priorItems: readonly Value[] = Array.isArray(prior) ? prior : [];
  return planned.map((item, i) => {
    const c = configItems[i];
    const b = priorItems[i];
    return isObject(item) && isObject(c) ? fn(item, c, isObject(b) ? b : null) : item;
  });
}

// ---- step 5 -------------------------------------------------------------------------

function changedIgnoringTimeouts(schema: CompiledBlock, planned: ValueObject, prior: ValueObject): boolean {
  return changedNames(schema, planned, prior).some((name) => !schema.blocks.some((b) => b.isTimeouts && b.name === name));
}

function changedNames(schema: CompiledBlock, planned: ValueObject, prior: ValueObject): string[] {
  const names: string[] = [];
  for (const a of schema.attributes) if (!equalTyped(a.type, planned[a.name] ?? null, prior[a.name] ?? null)) names.push(a.name);
  for (const b of schema.blocks) {
    const type = b.nesting === 'single' ? b.block.type : [b.nesting, b.block.type] as const;
    if (!equalTyped(type, planned[b.name] ?? null, prior[b.name] ?? null)) names.push(b.name);
  }
  return names;
}

// ---- step 6 -------------------------------------------------------------------------

function forceNewPaths(schema: CompiledBlock, planned: ValueObject, config: ValueObject, prior: ValueObject, at: Path): Path[] {
  const paths: Path[] = [];
  for (const attribute of schema.attributes) {
    const path = [...at, attribute.name];
    if (attribute.computedBlock !== undefined) {
      paths.push(...computedBlockForceNew(attribute, config[attribute.name] ?? null, planned[attribute.name] ?? null, prior[attribute.name] ?? null, path));
    } else if (attribute.forceNew && !equalTyped(attribute.type, planned[attribute.name] ?? null, prior[attribute.name] ?? null)) {
      paths.push(path);
    }
  }
  for (const block of schema.blocks) {
    const path = [...at, block.name];
    const p = planned[block.name] ?? null;
    const b = prior[block.name] ?? null;
    const c = config[block.name] ?? null;
    const type = block.nesting === 'single' ? block.block.type : [block.nesting, block.block.type] as const;
    if (equalTyped(type, p, b)) continue;
    if (block.forceNew || (block.nesting === 'set' && hasForceNew(block.block))) {
      paths.push(path);
    } else if (block.nesting === 'single') {
      if (isObject(p) && isObject(b) && isObject(c)) paths.push(...forceNewPaths(block.block, p, c, b, path));
      else if (hasForceNew(block.block)) paths.push(path);
    } else if (Array.isArray(p) && Array.isArray(b) && Array.isArray(c)) {
      if (p.length !== b.length && hasForceNew(block.block)) paths.push(path);
      else p.forEach((item, i) => {
        const bi = b[i];
        const ci = c[i];
        if (isObject(item) && isObject(bi) && isObject(ci)) paths.push(...forceNewPaths(block.block, item, ci, bi, [...path, i]));
      });
    } else if (hasForceNew(block.block)) {
      paths.push(path);
    }
  }
  return paths;
}

function hasForceNew(block: CompiledBlock): boolean {
  return block.attributes.some((a) => a.forceNew) || block.blocks.some((b) => b.forceNew || hasForceNew(b.block));
}

/**
 * Optional+Computed blocks: only arguments the user set can force a replacement (a null
 * computed argument means "whatever the remote side has"). An unknown config forces one
 * when the block or any argument is ForceNew, as the SDK does.
 */
function computedBlockForceNew(attribute: CompiledAttribute, configured: Value, planned: Value, before: Value, path: Path): Path[] {
  const shape = attribute.computedBlock;
  if (shape === undefined || hasNoBlocks(configured)) return [];
  const forceNewSubs = shape.element.attributes.filter((s) => s.optional && (attribute.forceNew || s.forceNew));
  if (forceNewSubs.length === 0 && !attribute.forceNew) return [];
  if (equalTyped(attribute.type, planned, before)) return [];
  if (isUnknown(configured) || !Array.isArray(configured) || !Array.isArray(before)) return [path];
  if (configured.length !== before.length) return [path];
  const differs = (c: Value, b: Value, sub: CompiledAttribute): boolean => {
    const cv = isObject(c) ? (c[sub.name] ?? null) : null;
    if (cv === null && sub.computed) return false;
    return !equalTyped(sub.type, cv, isObject(b) ? (b[sub.name] ?? null) : null);
  };
  if (shape.collection === 'set') {
    const matched = configured.every((c) => before.some((b) => forceNewSubs.every((sub) => !differs(c, b, sub))));
    return matched ? [] : [path];
  }
  const paths: Path[] = [];
  configured.forEach((c, i) => {
    for (const sub of forceNewSubs) if (differs(c, before[i] as Value, sub)) paths.push([...path, i, sub.name]);
  });
  return paths;
}

// ---- step 7 -------------------------------------------------------------------------

function markComputedUnknown(schema: CompiledBlock, planned: ValueObject, config: ValueObject, prior: ValueObject | null, mode: Mode): ValueObject {
  const effective: Mode = prior === null ? 'create' : mode;
  let out = planned;
  for (const attribute of schema.attributes) {
    if (!attribute.computed || attribute.default !== undefined) continue;
    const configured = config[attribute.name] ?? null;
    if (attribute.computedBlock === undefined ? configured !== null : !hasNoBlocks(configured)) {
      // A configured Optional+Computed block: the remote side fills what the config left
      // unset, so those nested fields are "(known after apply)" as with SDK v1 (terraform
      // accepts unknowns in a block's unset computed fields). Otherwise the config decides.
      if (attribute.computedBlock !== undefined && effective !== 'update' && Array.isArray(configured)) {
        out = { ...out, [attribute.name]: configured.map((item) => unknownUnsetComputed(attribute.computedBlock!.element, item)) };
      }
      continue;
    }
    if (effective === 'update' && (attribute.forceNew || keepsPriorOnUpdate(schema, attribute, planned, prior))) continue;
    out = { ...out, [attribute.name]: UNKNOWN };
  }
  for (const block of schema.blocks) {
    if (block.nesting === 'set') continue; // no computed attributes inside sets (schema.ts)
    out = {
      ...out,
      [block.name]: mapBlockItemsWithPrior(out[block.name] ?? null, config[block.name] ?? null, prior?.[block.name] ?? null, (p, c, b) =>
        markComputedUnknown(block.block, p, c, b, effective),
      ),
    };
  }
  return out;
}

/** The config of an Optional+Computed block with no block in it (terraform sends an empty list). */
function hasNoBlocks(configured: Value): boolean {
  return configured === null || (Array.isArray(configured) && configured.length === 0);
}

/** useStateForUnknown, unless the update changes a sibling the value follows (`changesWith`). */
function keepsPriorOnUpdate(schema: CompiledBlock, attribute: CompiledAttribute, planned: ValueObject, prior: ValueObject | null): boolean {
  if (!attribute.useStateForUnknown) return false;
  return !attribute.changesWith.some((name) => {
    const block = schema.blocks.find((b) => b.name === name);
    const type = schema.attributes.find((a) => a.name === name)?.type ?? (block === undefined ? undefined : blockValueType(block));
    return type === undefined || !equalTyped(type, planned[name] ?? null, prior?.[name] ?? null);
  });
}

/** One element of a configured Optional+Computed block, its unset computed fields unknown. */
function unknownUnsetComputed(element: CompiledBlock, item: Value): Value {
  if (!isObject(item)) return item;
  let out: ValueObject = item;
  for (const sub of element.attributes) {
    if (sub.computed && (item[sub.name] ?? null) === null) out = { ...out, [sub.name]: UNKNOWN };
  }
  return out;
}

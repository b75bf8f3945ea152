/**
 * ValidateResourceConfig / ValidateDataResourceConfig / ValidateProviderConfig after the
 * value decoded (type conformance is the codec's job): per attribute in schema order,
 * skip unknowns (terraform validates again once they are known), then the flags, the
 * validators, deprecations, timeouts syntax, and the cross-attribute rules.
 *
 * Terraform itself already checks Required attributes, block counts and read-only
 * attributes (Optional+Computed blocks are blocks to terraform too); the checks inside those
 * blocks below repeat them for callers that skip terraform's own validation.
 */
import type { CompiledAttribute, CompiledBlock, CompiledNestedBlock, ConfigChecks } from './schema.js';
import type { Path } from './diagnostics.js';
import { Diagnostics, pathToKey } from './diagnostics.js';
import type { Value, ValueObject } from './value.js';
import { isObject, isUnknown, isWhollyKnown } from './value.js';
import { parseGoDuration } from './timeouts.js';

export function validateConfig(schema: CompiledBlock, config: Value): Diagnostics {
  const diagnostics = new Diagnostics();
  if (!isObject(config)) return diagnostics; // null or unknown: nothing to check yet
  const walker = new ConfigWalker(config, diagnostics);
  walker.block(schema, config, []);
  return diagnostics;
}

class ConfigWalker {
  readonly #root: ValueObject;
  readonly #diagnostics: Diagnostics;
  /** Group rules (ExactlyOneOf…) are reported once per group, not once per member. */
  readonly #reportedGroups = new Set<string>();

  constructor(root: ValueObject, diagnostics: Diagnostics) {
    this.#root = root;
    this.#diagnostics = diagnostics;
  }

  block(schema: CompiledBlock, value: ValueObject, path: Path): void {
    for (const attribute of schema.attributes) this.#attribute(attribute, value[attribute.name] ?? null, [...path, attribute.name]);
    for (const block of schema.blocks) this.#nestedBlock(block, value[block.name] ?? null, [...path, block.name]);
  }

  #attribute(attribute: CompiledAttribute, value: Value, path: Path): void {
    const key = pathToKey(path);
    if (attribute.isId && value !== null) {
      this.#diagnostics.error('Invalid configuration argument', `"id": this field is set by the provider and cannot be configured`, path);
      return;
    }
    if (isUnknown(value)) return;
    // No block of an Optional+Computed block type is "unset", as the SDK sees it.
    if (value === null || (attribute.computedBlock !== undefined && Array.isArray(value) && value.length === 0)) {
      if (attribute.required) {
        this.#diagnostics.error('Missing required argument', `The argument "${key}" is required, but no definition was found.`, path);
      }
      this.#checks(attribute.checks, key, path, false);
      return;
    }
    if (attribute.computed && !attribute.optional) {
      this.#diagnostics.error(
        'Invalid configuration for read-only attribute',
        `"${key}": this field cannot be set, the provider decides its value`,
        path,
      );
      return;
    }
    if (attribute.deprecated !== undefined) this.#diagnostics.warning('Argument is deprecated', attribute.deprecated, path);
    const primitive = typeof attribute.type === 'string';
    if (!primitive || isWhollyKnown(value)) {
      for (const validator of attribute.validators) {
        const message = validator(value, { key });
        if (message !== undefined) this.#diagnostics.error('Invalid attribute value', message, path);
      }
    }
    if (attribute.computedBlock !== undefined && Array.isArray(value)) {
      const { element, maxItems, minItems, collection } = attribute.computedBlock;
      if (maxItems > 0 && value.length > maxItems) {
        this.#diagnostics.error('Too many blocks', `No more than ${maxItems} "${key}" blocks are allowed, got ${value.length}`, path);
      }
      if (value.length < minItems) {
        this.#diagnostics.error('Not enough blocks', `At least ${minItems} "${key}" blocks are required, got ${value.length}`, path);
      }
      value.forEach((item, index) => {
        if (isObject(item)) this.block(element, item, collection === 'list' ? [...path, index] : path);
      });
    }
    this.#checks(attribute.checks, key, path, true);
  }

  #nestedBlock(block: CompiledNestedBlock, value: Value, path: Path): void {
    if (isUnknown(value)) return;
    const items: Value[] = Array.isArray(value) ? value : value === null ? [] : [value];
    const key = pathToKey(path);
    if (items.length > 0 && block.deprecated !== undefined) this.#diagnostics.warning('Block is deprecated', block.deprecated, path);
    items.forEach((item, index) => {
      if (!isObject(item)) return;
      const itemPath = block.nesting === 'list' ? [...path, index] : path;
      if (block.isTimeouts) this.#timeouts(item, itemPath);
      this.block(block.block, item, itemPath);
    });
    this.#checks(block.checks, key, path, items.length > 0);
  }

  #timeouts(value: ValueObject, path: Path): void {
    for (const [key, raw] of Object.entries(value)) {
      if (typeof raw !== 'string') continue;
      try {
        parseGoDuration(raw);
      } catch (error) {
        this.#diagnostics.error(
          'Invalid timeout',
          `Error parsing ${JSON.stringify(key)} timeout: ${(error as Error).message}`,
          [...path, key],
        );
      }
    }
  }

  /** SDK semantics: an unknown other side is ignored (it may still become null). */
  #checks(checks: ConfigChecks, key: string, path: Path, isSet: boolean): void {
    if (isSet) {
      for (const other of checks.conflictsWith ?? []) {
        if (this.#state(other) === 'set') {
          this.#diagnostics.error('Conflicting configuration arguments', `"${key}": conflicts with ${other}`, path);
        }
      }
      const missing = (checks.requiredWith ?? []).filter((other) => this.#state(other) === 'unset');
      if (missing.length > 0) {
        this.#diagnostics.error(
          'Missing required argument',
          `"${key}": all of \`${[key, ...(checks.requiredWith ?? [])].join(',')}\` must be specified`,
          path,
        );
      }
    }
    if (checks.exactlyOneOf !== undefined) this.#group('exactly', checks.exactlyOneOf, key, path);
    if (checks.atLeastOneOf !== undefined) this.#group('atLeast', checks.atLeastOneOf, key, path);
  }

  #group(rule: 'exactly' | 'atLeast', keys: readonly string[], key: string, path: Path): void {
    const group = `${rule}:${[...keys].sort().join(',')}`;
    if (this.#reportedGroups.has(group)) return;
    const states = keys.map((k) => this.#state(k));
    if (states.includes('unknown')) return;
    const set = keys.filter((_, i) => states[i] === 'set');
    const list = keys.join(',');
    if (set.length === 0) {
      this.#reportedGroups.add(group);
      this.#diagnostics.error('Missing required argument', `"${key}": one of \`${list}\` must be specified`, path);
    } else if (rule === 'exactly' && set.length > 1) {
      this.#reportedGroups.add(group);
      this.#diagnostics.error(
        'Invalid combination of arguments',
        `"${key}": only one of \`${list}\` can be specified, but \`${set.join(',')}\` were specified.`,
        path,
      );
    }
  }

  /** Whether the value at an SDK key is set: non-null and, for collections, non-empty. */
  #state(key: string): 'set' | 'unset' | 'unknown' {
    let current: Value = this.#root;
    for (const step of key.split('.')) {
      if (isUnknown(current)) return 'unknown';
      if (Array.isArray(current)) current = (current[Number(step)] as Value | undefined) ?? null;
      else if (isObject(current)) current = current[step] ?? null;
      else return 'unset';
    }
    if (isUnknown(current)) return 'unknown';
    if (current === null) return 'unset';
    if (Array.isArray(current) && current.length === 0) return 'unset';
    return 'set';
  }
}

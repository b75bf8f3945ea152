/**
 * Declarative schemas: a resource, data source or provider declares its attributes and
 * nested blocks as plain data (SDK vocabulary: Optional/Required/Computed/ForceNew…).
 * `compileSchema` turns a declaration into the normalised tree every other part of the
 * framework walks (validation, plan, value conversion, the tfplugin6 Schema message).
 *
 * Decisions (see also docs in `provider.ts`):
 * - **Defaults imply Computed on the wire.** Terraform rejects a planned value that differs
 *   from a null config unless the attribute is computed (`plans/objchange`), so an attribute with a
 *   `default` is sent as Optional+Computed. Users see the same HCL; the plan shows the
 *   default as a known value, and removing the argument plans the default again (as SDK
 *   `Default:` does).
 * - **Optional+Computed blocks** (SDK v1's `Optional: true, Computed: true` on a TypeList
 *   of Resource, e.g. `disk_device_mapping`): the remote side fills them when the config has
 *   none. They compile to one attribute of list/set-of-object type (`computedBlock`), which
 *   the plan engine plans as a whole (`plan.ts`); terraform sees the nested block upstream
 *   declares (`convert/schema.ts`), so block syntax is the only syntax. Keeping the remote
 *   side's blocks where the config has none changes the block count, which terraform's
 *   strict type system refuses ("block count changed from 0 to 1"): those plans carry
 *   `legacy_type_system`, as SDK v1 providers' do (`provider.ts`).
 * - `id` is added to every resource as Optional+Computed string (as the SDK does) but may
 *   not be set in configuration; data sources get a Computed `id`.
 * - A resource with `timeouts` gets the SDK's SINGLE `timeouts` block with one Optional
 *   string per declared operation.
 */
import type { Validator } from './validators.js';
import type { TimeoutDefaults } from './timeouts.js';
import { TIMEOUT_KEYS } from './timeouts.js';

export type PrimitiveType = 'string' | 'number' | 'bool';
/**
 * A primitive, a list/set/map of a type, or an object type (for Computed structured values
 * such as a data source's result list; configurable nested structures are blocks).
 */
export type AttributeType =
  | PrimitiveType
  | readonly ['list' | 'set' | 'map', AttributeType]
  | readonly ['object', Readonly<Record<string, AttributeType>>];

/** Cross-attribute rules, by SDK-style dotted key from the root (`image_name`, `features.0.nvme_support`). */
export interface ConfigChecks {
  /** Error when this and any of these are set. */
  readonly conflictsWith?: readonly string[];
  /** Exactly one of these keys (this one should be among them) must be set. */
  readonly exactlyOneOf?: readonly string[];
  /** At least one of these keys must be set. */
  readonly atLeastOneOf?: readonly string[];
  /** All of these keys must be set when this one is. */
  readonly requiredWith?: readonly string[];
}

export interface AttributeSchema extends ConfigChecks {
  readonly type: AttributeType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** A change replaces the resource (`requires_replace`). */
  readonly forceNew?: boolean;
  /** Planned when the config is null (implies Computed on the wire, see above). */
  readonly default?: string | number | boolean;
  /** Run on known, non-null config values; see `validators.ts`. */
  readonly validators?: readonly Validator[];
  /** Setting the attribute gives a warning with this message. */
  readonly deprecated?: string;
  readonly description?: string;
  /**
   * For Computed attributes: on an in-place update keep the prior value instead of
   * "(known after apply)" (terraform-plugin-framework's UseStateForUnknown). Use it for
   * values an update never changes (create_time, ids of sub-objects, an Optional+Computed
   * argument the update leaves alone when it is unset, a status no update call touches).
   */
  readonly useStateForUnknown?: boolean;
  /**
   * With useStateForUnknown: sibling arguments whose change does change this value (a
   * deprecated alias follows its new name, a public IP its bandwidth). An update that
   * changes one of them plans this value "(known after apply)" after all.
   */
  readonly changesWith?: readonly string[];
}

export interface NestedBlockSchema extends ConfigChecks {
  readonly nesting: 'single' | 'list' | 'set';
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
  readonly blocks?: Readonly<Record<string, NestedBlockSchema>>;
  readonly minItems?: number;
  readonly maxItems?: number;
  /**
   * Optional+Computed block (list or set nesting, attributes only): the remote side fills it
   * when the config has none. Planned as one value, see the header.
   */
  readonly computed?: boolean;
  /** Any change of the block replaces the resource. */
  readonly forceNew?: boolean;
  /** Optional+Computed blocks only: keep the prior value on in-place updates (see AttributeSchema). */
  readonly useStateForUnknown?: boolean;
  readonly deprecated?: string;
  readonly description?: string;
}

export interface BlockSchema {
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
  readonly blocks?: Readonly<Record<string, NestedBlockSchema>>;
  readonly description?: string;
  readonly deprecated?: string;
}

// ---- compiled form ------------------------------------------------------------------

/** cty type in its JSON form (`"string"`, `["list","string"]`, `["object",{…}]`). */
export type TypeJson = string | readonly [string, TypeJson] | readonly ['object', Readonly<Record<string, TypeJson>>];

export interface CompiledAttribute {
  readonly name: string;
  readonly type: TypeJson;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
  readonly forceNew: boolean;
  readonly default: string | number | boolean | undefined;
  readonly validators: readonly Validator[];
  readonly checks: ConfigChecks;
  readonly deprecated: string | undefined;
  readonly description: string;
  readonly useStateForUnknown: boolean;
  /** Siblings whose change makes a useStateForUnknown value unknown after all (see AttributeSchema). */
  readonly changesWith: readonly string[];
  /** Set when this attribute carries an Optional+Computed block: its element schema. */
  readonly computedBlock?: { readonly collection: 'list' | 'set'; readonly element: CompiledBlock; readonly minItems: number; readonly maxItems: number };
  /** The implicit resource `id` (never settable in config). */
  readonly isId: boolean;
}

export interface CompiledNestedBlock {
  readonly name: string;
  readonly nesting: 'single' | 'list' | 'set';
  readonly minItems: number;
  readonly maxItems: number;
  readonly forceNew: boolean;
  readonly checks: ConfigChecks;
  readonly deprecated: string | undefined;
  readonly description: string;
  readonly block: CompiledBlock;
  /** The SDK-style `timeouts` block: copied from config, never diffed against the remote. */
  readonly isTimeouts: boolean;
}

export interface CompiledBlock {
  /** Sorted by name, as terraform writes them. */
  readonly attributes: readonly CompiledAttribute[];
  readonly blocks: readonly CompiledNestedBlock[];
  readonly description: string;
  readonly deprecated: string | undefined;
  readonly type: TypeJson;
}

export type SchemaKind = 'resource' | 'data-source' | 'provider';

export interface CompileOptions {
  readonly kind: SchemaKind;
  readonly timeouts?: TimeoutDefaults;
}

const NAME = /^[a-z0-9_]+$/;

export class SchemaError extends Error {
  constructor(message: string) {
    super(`provider bug: invalid schema: ${message}`);
    this.name = 'SchemaError';
  }
}

/** Checks and normalises a declaration; throws SchemaError on rules terraform would reject. */
export function compileSchema(schema: BlockSchema, options: CompileOptions): CompiledBlock {
  const attributes: Record<string, AttributeSchema> = { ...schema.attributes };
  const blocks: Record<string, NestedBlockSchema> = { ...(schema.blocks ?? {}) };
  if (!('id' in attributes) && options.kind === 'resource') {
    attributes['id'] = { type: 'string', optional: true, computed: true, description: 'The ID of this resource.' };
  } else if (!('id' in attributes) && options.kind === 'data-source') {
    attributes['id'] = { type: 'string', computed: true, description: 'The ID of this data source.' };
  }
  if (options.timeouts !== undefined) {
    if ('timeouts' in blocks || 'timeouts' in attributes) throw new SchemaError('"timeouts" is reserved for the timeouts block');
    const keys = TIMEOUT_KEYS.filter((key) => options.timeouts?.[key] !== undefined);
    blocks['timeouts'] = {
      nesting: 'single',
      attributes: Object.fromEntries(keys.map((key) => [key, { type: 'string', optional: true } satisfies AttributeSchema])),
    };
  }
  return compileBlock({ ...schema, attributes, blocks }, '', options.kind === 'resource');
}

function compileBlock(schema: BlockSchema, where: string, topLevelResource: boolean): CompiledBlock {
  const attributes = Object.entries(schema.attributes)
    .map(([name, decl]) => compileAttribute(name, decl, where, topLevelResource && name === 'id'))
    .concat(
      Object.entries(schema.blocks ?? {})
        .filter(([, decl]) => decl.computed === true)
        .map(([name, decl]) => compileComputedBlock(name, decl, where)),
    )
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const blocks = Object.entries(schema.blocks ?? {})
    .filter(([, decl]) => decl.computed !== true)
    .map(([name, decl]) => compileNestedBlock(name, decl, where, topLevelResource && name === 'timeouts'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const names = new Set<string>();
  for (const { name } of [...attributes, ...blocks]) {
    if (names.has(name)) throw new SchemaError(`${where}${name} is declared twice`);
    names.add(name);
  }
  for (const attribute of attributes) {
    const unknown = attribute.changesWith.filter((other) => !names.has(other));
    if (unknown.length > 0) throw new SchemaError(`${where}${attribute.name}: changesWith names ${unknown.join(', ')}, not a sibling`);
    if (attribute.changesWith.length > 0 && !attribute.useStateForUnknown) {
      throw new SchemaError(`${where}${attribute.name}: changesWith needs useStateForUnknown`);
    }
  }
  const type: TypeJson = [
    'object',
    Object.fromEntries([
      ...attributes.map((a) => [a.name, a.type] as const),
      ...blocks.map((b) => [b.name, blockValueType(b)] as const),
    ]),
  ];
  return { attributes, blocks, description: schema.description ?? '', deprecated: schema.deprecated, type };
}

/** The value type of a nested block: its object, or a list/set of it. */
export function blockValueType(block: CompiledNestedBlock): TypeJson {
  return block.nesting === 'single' ? block.block.type : [block.nesting, block.block.type];
}

function compileAttribute(name: string, decl: AttributeSchema, where: string, isId: boolean): CompiledAttribute {
  const at = `${where}${name}`;
  if (!NAME.test(name)) throw new SchemaError(`${at}: names use lowercase letters, digits and underscores only`);
  const required = decl.required === true;
  const optional = decl.optional === true;
  const computed = decl.computed === true || decl.default !== undefined;
  if (required && (optional || computed)) throw new SchemaError(`${at}: Required excludes Optional, Computed and Default`);
  if (!required && !optional && !computed) throw new SchemaError(`${at}: one of Required, Optional or Computed must be set`);
  if (decl.default !== undefined && !optional) throw new SchemaError(`${at}: Default needs Optional`);
  if (decl.forceNew === true && !required && !optional) throw new SchemaError(`${at}: ForceNew on a Computed-only attribute`);
  if (decl.default !== undefined && (typeof decl.type !== 'string' || typeof decl.default !== primitiveJsType(decl.type))) {
    throw new SchemaError(`${at}: Default ${JSON.stringify(decl.default)} does not match type ${JSON.stringify(decl.type)}`);
  }
  return {
    name,
    type: decl.type,
    required,
    optional: optional || (isId && computed),
    computed,
    sensitive: decl.sensitive === true,
    forceNew: decl.forceNew === true,
    default: decl.default,
    validators: decl.validators ?? [],
    checks: pickChecks(decl),
    deprecated: decl.deprecated,
    description: decl.description ?? '',
    useStateForUnknown: decl.useStateForUnknown === true || isId,
    changesWith: decl.changesWith ?? [],
    isId,
  };
}

function compileComputedBlock(name: string, decl: NestedBlockSchema, where: string): CompiledAttribute {
  const at = `${where}${name}`;
  if (decl.nesting === 'single') throw new SchemaError(`${at}: an Optional+Computed block must be a list or a set`);
  if (Object.keys(decl.blocks ?? {}).length > 0) {
    throw new SchemaError(`${at}: an Optional+Computed block may hold attributes only`);
  }
  const element = compileBlock({ attributes: decl.attributes }, `${at}.`, false);
  return {
    name,
    type: [decl.nesting, element.type],
    required: false,
    optional: true,
    computed: true,
    sensitive: false,
    forceNew: decl.forceNew === true,
    default: undefined,
    validators: [],
    checks: pickChecks(decl),
    deprecated: decl.deprecated,
    description: decl.description ?? '',
    useStateForUnknown: decl.useStateForUnknown === true,
    changesWith: [],
    computedBlock: {
      collection: decl.nesting,
      element,
      minItems: decl.minItems ?? 0,
      maxItems: decl.maxItems ?? 0,
    },
    isId: false,
  };
}

function compileNestedBlock(name: string, decl: NestedBlockSchema, where: string, isTimeouts: boolean): CompiledNestedBlock {
  const at = `${where}${name}`;
  if (!NAME.test(name)) throw new SchemaError(`${at}: names use lowercase letters, digits and underscores only`);
  if (decl.nesting === 'single' && ((decl.minItems ?? 0) > 1 || (decl.maxItems ?? 0) > 1)) {
    throw new SchemaError(`${at}: a single block has min/max items of 0 or 1`);
  }
  const block = compileBlock({ attributes: decl.attributes, blocks: decl.blocks ?? {} }, `${at}.`, false);
  if (decl.nesting === 'set' && block.attributes.some((a) => a.computed)) {
    // Terraform merges prior computed values into set elements by matching the rest of
    // the element; we do not reproduce that matching, so sets stay configuration-only.
    throw new SchemaError(`${at}: computed attributes inside a set block are not supported`);
  }
  return {
    name,
    nesting: decl.nesting,
    minItems: decl.minItems ?? 0,
    maxItems: decl.maxItems ?? 0,
    forceNew: decl.forceNew === true,
    checks: pickChecks(decl),
    deprecated: decl.deprecated,
    description: decl.description ?? '',
    block,
    isTimeouts,
  };
}

function pickChecks(decl: ConfigChecks): ConfigChecks {
  return {
    ...(decl.conflictsWith ? { conflictsWith: decl.conflictsWith } : {}),
    ...(decl.exactlyOneOf ? { exactlyOneOf: decl.exactlyOneOf } : {}),
    ...(decl.atLeastOneOf ? { atLeastOneOf: decl.atLeastOneOf } : {}),
    ...(decl.requiredWith ? { requiredWith: decl.requiredWith } : {}),
  };
}

function primitiveJsType(type: PrimitiveType): string {
  return type === 'bool' ? 'boolean' : type;
}

/** Compiled schema → tfplugin6 `Schema` message. */
import type * as tf from '../../plugin/tfplugin6-types.js';
import type { CompiledAttribute, CompiledBlock, CompiledNestedBlock } from '../schema.js';

export function toProtoSchema(block: CompiledBlock, version: number): tf.Schema {
  return { version, block: toProtoBlock(block) };
}

function toProtoBlock(block: CompiledBlock): tf.SchemaBlock {
  return {
    version: 0,
    attributes: block.attributes.filter((a) => a.computedBlock === undefined).map(toProtoAttribute),
    block_types: [
      ...block.blocks.map(toProtoNestedBlock),
      ...block.attributes.flatMap((a) => (a.computedBlock === undefined ? [] : [toProtoComputedBlock(a, a.computedBlock)])),
    ].sort((a, b) => ((a.type_name ?? '') < (b.type_name ?? '') ? -1 : 1)),
    description: block.description,
    description_kind: 'PLAIN',
    deprecated: block.deprecated !== undefined,
  };
}

function toProtoAttribute(attribute: CompiledAttribute): tf.SchemaAttribute {
  return {
    name: attribute.name,
    type: Buffer.from(JSON.stringify(attribute.type)),
    description: describe(attribute.description, attribute.deprecated),
    description_kind: 'PLAIN',
    required: attribute.required,
    optional: attribute.optional,
    computed: attribute.computed,
    sensitive: attribute.sensitive,
    deprecated: attribute.deprecated !== undefined,
  };
}

function toProtoNestedBlock(block: CompiledNestedBlock): tf.SchemaNestedBlock {
  return {
    type_name: block.name,
    block: { ...toProtoBlock(block.block), description: describe(block.description, block.deprecated), deprecated: block.deprecated !== undefined },
    nesting: block.nesting === 'single' ? 'SINGLE' : block.nesting === 'list' ? 'LIST' : 'SET',
    min_items: block.minItems,
    max_items: block.maxItems,
  };
}

/**
 * An Optional+Computed block goes to terraform as the nested block upstream declares (SDK v1
 * does the same), so block syntax is the only syntax; the framework plans it as one value
 * (`plan.ts`), and the plans that leave its block count to the remote side carry
 * `legacy_type_system` (`provider.ts`).
 */
function toProtoComputedBlock(attribute: CompiledAttribute, shape: NonNullable<CompiledAttribute['computedBlock']>): tf.SchemaNestedBlock {
  const { collection, element, minItems, maxItems } = shape;
  return {
    type_name: attribute.name,
    block: { ...toProtoBlock(element), description: describe(attribute.description, attribute.deprecated), deprecated: attribute.deprecated !== undefined },
    nesting: collection === 'list' ? 'LIST' : 'SET',
    min_items: minItems,
    max_items: maxItems,
  };
}

/** Protocol 6.8 has no deprecation message field, so the message joins the description. */
function describe(description: string, deprecated: string | undefined): string {
  if (deprecated === undefined) return description;
  return description === '' ? `Deprecated: ${deprecated}` : `${description} Deprecated: ${deprecated}`;
}

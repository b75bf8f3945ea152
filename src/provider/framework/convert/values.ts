/**
 * DynamicValue ⇄ framework values, through the cty codec and the schema's implied type.
 * Decoding checks type conformance (a wrong shape is a CtyError naming its path); encoding
 * always answers msgpack (terraform reads JSON DynamicValues only in a few places).
 */
import type * as tf from '../../plugin/tfplugin6-types.js';
import { decodeDynamicValue, encodeMsgpack, fromJs, toJs, typeFromJson, Value as CtyValue, type CtyType } from '../../cty/index.js';
import type { CompiledBlock } from '../schema.js';
import type { Value, ValueObject } from '../value.js';
import { isObject } from '../value.js';

/** The cty type of a compiled block, parsed once per block. */
export class BlockType {
  readonly #cache = new WeakMap<CompiledBlock, CtyType>();

  of(block: CompiledBlock): CtyType {
    let type = this.#cache.get(block);
    if (type === undefined) {
      type = typeFromJson(JSON.stringify(block.type));
      this.#cache.set(block, type);
    }
    return type;
  }
}

const TYPES = new BlockType();

export function ctyTypeOf(block: CompiledBlock): CtyType {
  return TYPES.of(block);
}

/** Null stays null; an unknown whole object (never sent for resources) is reported as an error. */
export function decodeObject(block: CompiledBlock, dv: tf.DynamicValue | undefined): ValueObject | null {
  const value = toJs(decodeDynamicValue(dv ?? null, ctyTypeOf(block))) as Value;
  if (value === null) return null;
  if (!isObject(value)) throw new TypeError('expected an object value, got an unknown one');
  return value;
}

export function encodeObject(block: CompiledBlock, value: ValueObject | null): tf.DynamicValue {
  const type = ctyTypeOf(block);
  const cty = value === null ? CtyValue.null(type) : fromJs(type, value);
  return { msgpack: encodeMsgpack(cty, type) };
}

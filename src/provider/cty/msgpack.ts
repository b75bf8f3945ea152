/**
 * The msgpack DynamicValue codec (work in progress: API fixed, implementation follows).
 */

import type { CtyType } from './types.js';
import type { Value } from './value.js';

export function decodeMsgpack(bytes: Uint8Array, type: CtyType): Value {
  void bytes;
  void type;
  throw new Error('decodeMsgpack: not implemented yet');
}

export function encodeMsgpack(value: Value, type: CtyType): Uint8Array {
  void value;
  void type;
  throw new Error('encodeMsgpack: not implemented yet');
}

/**
 * tfplugin6 `DynamicValue` → cty value: msgpack when present, else JSON, else null
 * (Terraform sends empty bytes or no message for "no value").
 */

import { decodeJson } from './json.js';
import { decodeMsgpack } from './msgpack.js';
import type { CtyType } from './types.js';
import { Value } from './value.js';

/** The two payloads of a tfplugin6 DynamicValue; either may be absent or empty. */
export interface DynamicValueBytes {
  readonly msgpack?: Uint8Array | null;
  readonly json?: Uint8Array | null;
}

export function decodeDynamicValue(dv: DynamicValueBytes | null | undefined, type: CtyType): Value {
  if (dv?.msgpack != null && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, type);
  if (dv?.json != null && dv.json.length > 0) return decodeJson(dv.json, type);
  return Value.null(type);
}

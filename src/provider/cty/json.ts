/**
 * The cty JSON codec (work in progress: API fixed, implementation follows).
 */

import type { CtyType } from './types.js';
import type { Value } from './value.js';

export interface DecodeJsonOptions {
  readonly ignoreUndefinedAttributes?: boolean;
}

export function decodeJson(json: string | Uint8Array, type: CtyType, options: DecodeJsonOptions = {}): Value {
  void json;
  void type;
  void options;
  throw new Error('decodeJson: not implemented yet');
}

export function encodeJson(value: Value, type: CtyType): string {
  void value;
  void type;
  throw new Error('encodeJson: not implemented yet');
}

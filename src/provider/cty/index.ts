/**
 * cty for TypeScript: Terraform's types and values and their wire codecs.
 *
 * - Types: `t.string`, `t.list(t.string)`, `t.object({…})`; `typeFromJson` / `typeToJsonString`
 *   for the Schema `type` bytes.
 * - Values: `Value.string('x')`, `Value.null(type)`, `Value.unknown(type, refinements?)`, …
 * - Codecs: `decodeMsgpack`/`encodeMsgpack` (what Terraform sends and expects),
 *   `decodeJson`/`encodeJson` (UpgradeResourceState raw state, DynamicValue.json),
 *   `decodeDynamicValue` for a tfplugin6 DynamicValue.
 * - Paths: `AttributePath` steps for diagnostics; every codec error is a `CtyError` with one.
 */

export {
  t,
  typeEquals,
  typeConforms,
  typeName,
  typeToJson,
  typeToJsonString,
  typeFromJson,
  attributeNames,
  isPrimitive,
  isCollection,
  type CtyType,
  type ObjectType,
  type CollectionType,
  type TypeJson,
} from './types.js';
export { CtyNumber } from './number.js';
export { type Refinements, type NumberBound, refinementsFor } from './refinements.js';
export { ROOT, step, appendPath, formatPath, pathEquals, CtyError, type PathStep, type AttributePath } from './path.js';
export { Value } from './value.js';
export { walk, transform, type Visitor, type Transformer } from './transform.js';
export { toJs, fromJs, UNKNOWN, type JsValue, type FromJsOptions } from './js.js';
export { decodeMsgpack, encodeMsgpack } from './msgpack.js';
export { decodeJson, encodeJson, type DecodeJsonOptions } from './json.js';
export { decodeDynamicValue, type DynamicValueBytes } from './dynamic-value.js';

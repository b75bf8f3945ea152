/** Public surface of the provider framework (see definitions.ts for how to declare a provider). */
export { FrameworkProvider } from './provider.js';
export type * from './definitions.js';
export type { AttributeSchema, AttributeType, BlockSchema, ConfigChecks, NestedBlockSchema, PrimitiveType } from './schema.js';
export * as validators from './validators.js';
export type { Validator, ValidatorContext } from './validators.js';
export { DiagnosticError, type Path, type PathStep } from './diagnostics.js';
export { UNKNOWN, isUnknown, type KnownObject, type KnownValue, type Value, type ValueObject } from './value.js';
export { PrivateState, type JsonValue } from './private-state.js';
export { parseGoDuration, formatDuration, type ResolvedTimeouts, type TimeoutDefaults } from './timeouts.js';
export { OperationTimeoutError, StoppedError } from './apply.js';

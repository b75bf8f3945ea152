/**
 * TypeScript shapes of the tfplugin6 (protocol 6.8, Terraform 1.11) messages, exactly as
 * `@grpc/proto-loader` would hand them over with the options
 * `keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true`
 * (we decode with protobufjs directly, same conversion, faster start; see proto-definitions.ts):
 *
 * - field names are the proto's snake_case names;
 * - every field may be absent (`defaults: false`): an absent DynamicValue means null;
 * - int64 fields are JS numbers; enums are their names (`'ERROR'`, `'LIST'`);
 * - bytes arrive as `Buffer` (a `Uint8Array`); any `Uint8Array` may be sent back.
 *
 * The wire contract lives in `proto/tfplugin6.proto`; keep the two in step.
 */

/** Opaque terraform value. Terraform always sends msgpack, except the raw state JSON. */
export interface DynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export type DiagnosticSeverity = 'INVALID' | 'ERROR' | 'WARNING';

export interface AttributePathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
  /** Set by the decoder (`oneofs: true`): which of the three keys is present. Not needed when sending. */
  selector?: 'attribute_name' | 'element_key_string' | 'element_key_int';
}

export interface AttributePath {
  steps?: AttributePathStep[];
}

export interface Diagnostic {
  severity?: DiagnosticSeverity;
  summary?: string;
  detail?: string;
  /** With a path, terraform points at the offending configuration expression. */
  attribute?: AttributePath;
}

export interface FunctionError {
  text?: string;
  function_argument?: number;
}

/** State as stored by terraform: `json` holds the state file's `attributes` object. */
export interface RawState {
  json?: Uint8Array;
  /** Pre-0.12 state only. */
  flatmap?: Record<string, string>;
}

export type StringKind = 'PLAIN' | 'MARKDOWN';

export type BlockNestingMode = 'INVALID' | 'SINGLE' | 'LIST' | 'SET' | 'MAP' | 'GROUP';
export type ObjectNestingMode = 'INVALID' | 'SINGLE' | 'LIST' | 'SET' | 'MAP';

export interface SchemaAttribute {
  name?: string;
  /** Compact JSON of a cty type, e.g. `Buffer.from('["list","string"]')`. Empty when `nested_type` is set. */
  type?: Uint8Array;
  nested_type?: SchemaObject;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  description_kind?: StringKind;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface SchemaBlock {
  version?: number;
  attributes?: SchemaAttribute[];
  block_types?: SchemaNestedBlock[];
  description?: string;
  description_kind?: StringKind;
  deprecated?: boolean;
}

export interface SchemaNestedBlock {
  type_name?: string;
  block?: SchemaBlock;
  nesting?: BlockNestingMode;
  min_items?: number;
  max_items?: number;
}

export interface SchemaObject {
  attributes?: SchemaAttribute[];
  nesting?: ObjectNestingMode;
  /** Deprecated in the protocol; never used by terraform. */
  min_items?: number;
  max_items?: number;
}

export interface Schema {
  /** Stored as `schema_version` in state and passed back to UpgradeResourceState. */
  version?: number;
  block?: SchemaBlock;
}

export interface FunctionParameter {
  name?: string;
  type?: Uint8Array;
  allow_null_value?: boolean;
  allow_unknown_values?: boolean;
  description?: string;
  description_kind?: StringKind;
}

export interface FunctionReturn {
  type?: Uint8Array;
}

export interface FunctionDefinition {
  parameters?: FunctionParameter[];
  variadic_parameter?: FunctionParameter;
  return?: FunctionReturn;
  summary?: string;
  description?: string;
  description_kind?: StringKind;
  deprecation_message?: string;
}

export interface ServerCapabilities {
  plan_destroy?: boolean;
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
}

export interface ClientCapabilities {
  deferral_allowed?: boolean;
  write_only_attributes_allowed?: boolean;
}

export type DeferredReason = 'UNKNOWN' | 'RESOURCE_CONFIG_UNKNOWN' | 'PROVIDER_CONFIG_UNKNOWN' | 'ABSENT_PREREQ';

export interface Deferred {
  reason?: DeferredReason;
}

/** google.protobuf.Timestamp */
export interface Timestamp {
  seconds?: number;
  nanos?: number;
}

// ---- GetMetadata ----------------------------------------------------------------------

export type GetMetadataRequest = Record<string, never>;

export interface GetMetadataResponse {
  server_capabilities?: ServerCapabilities;
  diagnostics?: Diagnostic[];
  data_sources?: { type_name?: string }[];
  resources?: { type_name?: string }[];
  functions?: { name?: string }[];
  ephemeral_resources?: { type_name?: string }[];
}

// ---- GetProviderSchema ----------------------------------------------------------------

export type GetProviderSchemaRequest = Record<string, never>;

export interface GetProviderSchemaResponse {
  provider?: Schema;
  resource_schemas?: Record<string, Schema>;
  data_source_schemas?: Record<string, Schema>;
  functions?: Record<string, FunctionDefinition>;
  ephemeral_resource_schemas?: Record<string, Schema>;
  diagnostics?: Diagnostic[];
  provider_meta?: Schema;
  server_capabilities?: ServerCapabilities;
}

// ---- Validation -----------------------------------------------------------------------

export interface ValidateProviderConfigRequest {
  config?: DynamicValue;
}

export interface ValidateProviderConfigResponse {
  diagnostics?: Diagnostic[];
}

/** May arrive before ConfigureProvider and with (refined) unknown values. */
export interface ValidateResourceConfigRequest {
  type_name?: string;
  config?: DynamicValue;
}

export interface ValidateResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export interface ValidateDataResourceConfigRequest {
  type_name?: string;
  config?: DynamicValue;
}

export interface ValidateDataResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

export interface ValidateEphemeralResourceConfigRequest {
  type_name?: string;
  config?: DynamicValue;
}

export interface ValidateEphemeralResourceConfigResponse {
  diagnostics?: Diagnostic[];
}

// ---- UpgradeResourceState -------------------------------------------------------------

/** Called for every instance in state on every plan, refresh and apply, even when versions match. */
export interface UpgradeResourceStateRequest {
  type_name?: string;
  /** The `schema_version` recorded in state. */
  version?: number;
  raw_state?: RawState;
}

export interface UpgradeResourceStateResponse {
  /** msgpack, conforming to the current schema, wholly known. */
  upgraded_state?: DynamicValue;
  diagnostics?: Diagnostic[];
}

// ---- ConfigureProvider ----------------------------------------------------------------

export interface ConfigureProviderRequest {
  terraform_version?: string;
  config?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}

export interface ConfigureProviderResponse {
  diagnostics?: Diagnostic[];
}

// ---- Managed resources ----------------------------------------------------------------

export interface ReadResourceRequest {
  type_name?: string;
  current_state?: DynamicValue;
  private?: Uint8Array;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}

export interface ReadResourceResponse {
  /** Null (absent or msgpack nil) means the object is gone. */
  new_state?: DynamicValue;
  diagnostics?: Diagnostic[];
  private?: Uint8Array;
  deferred?: Deferred;
}

export interface PlanResourceChangeRequest {
  type_name?: string;
  /** Null on create. */
  prior_state?: DynamicValue;
  /** Null on destroy. */
  proposed_new_state?: DynamicValue;
  /** Null on destroy. */
  config?: DynamicValue;
  prior_private?: Uint8Array;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}

export interface PlanResourceChangeResponse {
  planned_state?: DynamicValue;
  requires_replace?: AttributePath[];
  planned_private?: Uint8Array;
  diagnostics?: Diagnostic[];
  /** Only the legacy SDK may set this; it turns some plan/apply consistency errors into warnings. */
  legacy_type_system?: boolean;
  deferred?: Deferred;
}

export interface ApplyResourceChangeRequest {
  type_name?: string;
  prior_state?: DynamicValue;
  /** Null for a delete. */
  planned_state?: DynamicValue;
  config?: DynamicValue;
  planned_private?: Uint8Array;
  provider_meta?: DynamicValue;
}

export interface ApplyResourceChangeResponse {
  /** Must be null after a delete and non-null after create/update. */
  new_state?: DynamicValue;
  private?: Uint8Array;
  diagnostics?: Diagnostic[];
  legacy_type_system?: boolean;
}

export interface ImportResourceStateRequest {
  type_name?: string;
  id?: string;
  client_capabilities?: ClientCapabilities;
}

export interface ImportedResource {
  type_name?: string;
  state?: DynamicValue;
  private?: Uint8Array;
}

export interface ImportResourceStateResponse {
  imported_resources?: ImportedResource[];
  diagnostics?: Diagnostic[];
  deferred?: Deferred;
}

export interface MoveResourceStateRequest {
  source_provider_address?: string;
  source_type_name?: string;
  source_schema_version?: number;
  /** Only `json` is populated. */
  source_state?: RawState;
  target_type_name?: string;
  source_private?: Uint8Array;
}

export interface MoveResourceStateResponse {
  target_state?: DynamicValue;
  diagnostics?: Diagnostic[];
  target_private?: Uint8Array;
}

// ---- Data sources ---------------------------------------------------------------------

export interface ReadDataSourceRequest {
  type_name?: string;
  config?: DynamicValue;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}

export interface ReadDataSourceResponse {
  /** Non-null and wholly known. */
  state?: DynamicValue;
  diagnostics?: Diagnostic[];
  deferred?: Deferred;
}

// ---- Ephemeral resources --------------------------------------------------------------

export interface OpenEphemeralResourceRequest {
  type_name?: string;
  config?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}

export interface OpenEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
  renew_at?: Timestamp;
  result?: DynamicValue;
  private?: Uint8Array;
  deferred?: Deferred;
}

export interface RenewEphemeralResourceRequest {
  type_name?: string;
  private?: Uint8Array;
}

export interface RenewEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
  renew_at?: Timestamp;
  private?: Uint8Array;
}

export interface CloseEphemeralResourceRequest {
  type_name?: string;
  private?: Uint8Array;
}

export interface CloseEphemeralResourceResponse {
  diagnostics?: Diagnostic[];
}

// ---- Functions ------------------------------------------------------------------------

export type GetFunctionsRequest = Record<string, never>;

export interface GetFunctionsResponse {
  functions?: Record<string, FunctionDefinition>;
  diagnostics?: Diagnostic[];
}

export interface CallFunctionRequest {
  name?: string;
  arguments?: DynamicValue[];
}

export interface CallFunctionResponse {
  result?: DynamicValue;
  error?: FunctionError;
}

// ---- StopProvider ---------------------------------------------------------------------

export type StopProviderRequest = Record<string, never>;

export interface StopProviderResponse {
  /** Capitalised in the proto. Non-empty means stopping failed. */
  Error?: string;
}

/**
 * The boundary between the plugin runtime (handshake, gRPC, lifetime) and a provider
 * implementation (the framework). The runtime decodes each tfplugin6 request with
 * proto-loader and calls the matching method; whatever the method returns is encoded as
 * the response. Field names and forms are those of `tfplugin6-types.ts`.
 *
 * Contract for implementers:
 * - Methods may run concurrently (terraform's default parallelism is 10).
 * - Return problems as diagnostics. A thrown exception (or rejected promise) is turned by
 *   the runtime into one error diagnostic that says it is a provider bug, so throw only
 *   for bugs.
 * - `context.signal` aborts when terraform cancels the call or the process is stopping
 *   (SIGTERM, controller Shutdown). `stopProvider` is still forwarded so the server can
 *   cancel its own waits (Ctrl-C: terraform sends SIGINT, which we ignore, then StopProvider).
 * - Optional methods that are absent answer gRPC UNIMPLEMENTED, which terraform tolerates
 *   for every RPC it does not need (terraform checks the error code before failing).
 */
import type { Logger } from './logger.js';
import type * as tf from './tfplugin6-types.js';

export interface RpcContext {
  /** The tfplugin6 RPC name, e.g. `PlanResourceChange`. */
  readonly rpc: string;
  /** Aborted when the call is cancelled by terraform or the process shuts down. */
  readonly signal: AbortSignal;
  /** Logger carrying `tf_rpc` (and `tf_resource_type` when the request has one). */
  readonly logger: Logger;
}

export interface ProviderServer {
  /** Unused by Terraform 1.11 but cheap; absent → UNIMPLEMENTED. */
  getMetadata?(request: tf.GetMetadataRequest, context: RpcContext): Promise<tf.GetMetadataResponse>;
  getProviderSchema(request: tf.GetProviderSchemaRequest, context: RpcContext): Promise<tf.GetProviderSchemaResponse>;
  validateProviderConfig(
    request: tf.ValidateProviderConfigRequest,
    context: RpcContext,
  ): Promise<tf.ValidateProviderConfigResponse>;
  validateResourceConfig(
    request: tf.ValidateResourceConfigRequest,
    context: RpcContext,
  ): Promise<tf.ValidateResourceConfigResponse>;
  validateDataResourceConfig(
    request: tf.ValidateDataResourceConfigRequest,
    context: RpcContext,
  ): Promise<tf.ValidateDataResourceConfigResponse>;
  upgradeResourceState(
    request: tf.UpgradeResourceStateRequest,
    context: RpcContext,
  ): Promise<tf.UpgradeResourceStateResponse>;
  configureProvider(request: tf.ConfigureProviderRequest, context: RpcContext): Promise<tf.ConfigureProviderResponse>;
  readResource(request: tf.ReadResourceRequest, context: RpcContext): Promise<tf.ReadResourceResponse>;
  planResourceChange(request: tf.PlanResourceChangeRequest, context: RpcContext): Promise<tf.PlanResourceChangeResponse>;
  applyResourceChange(
    request: tf.ApplyResourceChangeRequest,
    context: RpcContext,
  ): Promise<tf.ApplyResourceChangeResponse>;
  importResourceState(
    request: tf.ImportResourceStateRequest,
    context: RpcContext,
  ): Promise<tf.ImportResourceStateResponse>;
  /** Only called when `server_capabilities.move_resource_state` is advertised. */
  moveResourceState?(request: tf.MoveResourceStateRequest, context: RpcContext): Promise<tf.MoveResourceStateResponse>;
  readDataSource(request: tf.ReadDataSourceRequest, context: RpcContext): Promise<tf.ReadDataSourceResponse>;
  /** Ctrl-C: cancel in-flight waits and return promptly. */
  stopProvider(request: tf.StopProviderRequest, context: RpcContext): Promise<tf.StopProviderResponse>;
  getFunctions?(request: tf.GetFunctionsRequest, context: RpcContext): Promise<tf.GetFunctionsResponse>;
  callFunction?(request: tf.CallFunctionRequest, context: RpcContext): Promise<tf.CallFunctionResponse>;
  validateEphemeralResourceConfig?(
    request: tf.ValidateEphemeralResourceConfigRequest,
    context: RpcContext,
  ): Promise<tf.ValidateEphemeralResourceConfigResponse>;
  openEphemeralResource?(
    request: tf.OpenEphemeralResourceRequest,
    context: RpcContext,
  ): Promise<tf.OpenEphemeralResourceResponse>;
  renewEphemeralResource?(
    request: tf.RenewEphemeralResourceRequest,
    context: RpcContext,
  ): Promise<tf.RenewEphemeralResourceResponse>;
  closeEphemeralResource?(
    request: tf.CloseEphemeralResourceRequest,
    context: RpcContext,
  ): Promise<tf.CloseEphemeralResourceResponse>;
}

/** Options of `serve()` (see `serve.ts`). */
export interface ServeOptions {
  /** Provider type name, e.g. `alicloud`; used as the log module `provider.<name>`. */
  name: string;
  /** Environment to read the handshake variables from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The ProviderServer (one method per tfplugin6 RPC) for a provider declared with the
 * framework. Each method has the same shape: find the resource type, decode the request's
 * DynamicValues with the schema (a codec error becomes a diagnostic at its path), run the
 * framework operation on plain values, encode the answer as msgpack.
 *
 * **`legacy_type_system` is set in two cases only.** The flag downgrades terraform's
 * plan/apply consistency checks to log warnings (spec §2.3); set broadly it would hide exactly
 * the bugs that produce perpetual diffs. So the schema is strictly valid wherever it can be:
 * defaults make an attribute Optional+Computed, and apply results repeat every known planned
 * value (`apply.ts`). The exceptions are Optional+Computed blocks (SDK v1's Optional+Computed
 * TypeList of Resource, e.g. `disk_device_mapping`), served as the nested blocks upstream
 * declares: a plan that keeps the remote side's blocks where the config has none (or plans
 * them unknown on create) has another block count than the config (`plan.ts` step 4/7), and
 * an apply whose result only fills nested fields the plan had as null (`apply.ts` header);
 * those responses carry the flag, as every response of an SDK v1 provider does, and nothing
 * else does. The second plan after any apply is empty because plan marks computed values
 * unknown only when something changes and keeps them otherwise.
 */
import type { ProviderServer, RpcContext } from '../plugin/provider-server.js';
import type * as tf from '../plugin/tfplugin6-types.js';
import { CtyError } from '../cty/index.js';
import type { DataSourceDefinition, ProviderDefinition } from './definitions.js';
import { Diagnostics } from './diagnostics.js';
import { compileSchema, type CompiledBlock } from './schema.js';
import { ManagedResource, type RuntimeContext } from './managed-resource.js';
import { validateConfig } from './validate-config.js';
import { StoppedError, operationSignal, failureOf } from './apply.js';
import { shapeObject } from './shape.js';
import { toProtoSchema } from './convert/schema.js';
import { decodeObject, encodeObject } from './convert/values.js';
import { fromCtyPath, toProtoDiagnostics, toProtoPath } from './convert/diagnostics.js';
import type { KnownObject, ValueObject } from './value.js';
import { isWhollyKnown, unknownsToNull } from './value.js';
import { plansComputedBlockCount } from './computed-block-fill.js';

interface DataSourceRuntime<Client> {
  readonly definition: DataSourceDefinition<Client>;
  readonly schema: CompiledBlock;
}

const CAPABILITIES: tf.ServerCapabilities = { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false };

export class FrameworkProvider<Client> implements ProviderServer {
  readonly #definition: ProviderDefinition<Client>;
  readonly #providerSchema: CompiledBlock;
  readonly #resources: ReadonlyMap<string, ManagedResource<Client>>;
  readonly #dataSources: ReadonlyMap<string, DataSourceRuntime<Client>>;
  /** StopProvider aborts this; every operation signal derives from it. */
  readonly #stop = new AbortController();
  #client: Client | undefined;
  #schemaResponse: tf.GetProviderSchemaResponse | undefined;

  /** Compiles every schema up front, so a schema mistake fails at start, not mid-plan. */
  constructor(definition: ProviderDefinition<Client>) {
    this.#definition = definition;
    this.#providerSchema = compileSchema(definition.schema, { kind: 'provider' });
    this.#resources = new Map(definition.resources.map((r) => [r.typeName, new ManagedResource(r)]));
    this.#dataSources = new Map(
      (definition.dataSources ?? []).map((d) => [d.typeName, { definition: d, schema: compileSchema(d.schema, { kind: 'data-source' }) }]),
    );
  }

  /** The configured client (undefined before ConfigureProvider); for tests and tooling. */
  get client(): Client | undefined {
    return this.#client;
  }

  async getMetadata(): Promise<tf.GetMetadataResponse> {
    return {
      server_capabilities: CAPABILITIES,
      resources: [...this.#resources.keys()].map((type_name) => ({ type_name })),
      data_sources: [...this.#dataSources.keys()].map((type_name) => ({ type_name })),
      functions: [],
      ephemeral_resources: [],
      diagnostics: [],
    };
  }

  async getProviderSchema(): Promise<tf.GetProviderSchemaResponse> {
    this.#schemaResponse ??= {
      provider: toProtoSchema(this.#providerSchema, 0),
      resource_schemas: Object.fromEntries(
        [...this.#resources.values()].map((r) => [r.typeName, toProtoSchema(r.schema, r.definition.version ?? 0)]),
      ),
      data_source_schemas: Object.fromEntries([...this.#dataSources.values()].map((d) => [d.definition.typeName, toProtoSchema(d.schema, 0)])),
      functions: {},
      ephemeral_resource_schemas: {},
      server_capabilities: CAPABILITIES,
      diagnostics: [],
    };
    return this.#schemaResponse;
  }

  async validateProviderConfig(request: tf.ValidateProviderConfigRequest): Promise<tf.ValidateProviderConfigResponse> {
    return { diagnostics: this.#validate(this.#providerSchema, request.config) };
  }

  async validateResourceConfig(request: tf.ValidateResourceConfigRequest): Promise<tf.ValidateResourceConfigResponse> {
    const resource = this.#resources.get(request.type_name ?? '');
    if (resource === undefined) return { diagnostics: unknownType('resource', request.type_name) };
    return { diagnostics: this.#validate(resource.schema, request.config) };
  }

  async validateDataResourceConfig(request: tf.ValidateDataResourceConfigRequest): Promise<tf.ValidateDataResourceConfigResponse> {
    const dataSource = this.#dataSources.get(request.type_name ?? '');
    if (dataSource === undefined) return { diagnostics: unknownType('data source', request.type_name) };
    return { diagnostics: this.#validate(dataSource.schema, request.config) };
  }

  async upgradeResourceState(request: tf.UpgradeResourceStateRequest): Promise<tf.UpgradeResourceStateResponse> {
    const resource = this.#resources.get(request.type_name ?? '');
    if (resource === undefined) return { diagnostics: unknownType('resource', request.type_name) };
    try {
      const upgraded = resource.upgrade(request.version ?? 0, request.raw_state?.json, request.raw_state?.flatmap);
      return { upgraded_state: encodeObject(resource.schema, upgraded), diagnostics: [] };
    } catch (error) {
      return { diagnostics: errorDiagnostics(`upgrading the state of ${resource.definition.displayName}`, error) };
    }
  }

  async configureProvider(request: tf.ConfigureProviderRequest, context: RpcContext): Promise<tf.ConfigureProviderResponse> {
    const diagnostics = new Diagnostics();
    let config: ValueObject | null;
    try {
      config = decodeObject(this.#providerSchema, request.config);
    } catch (error) {
      return { diagnostics: errorDiagnostics('decoding the provider configuration', error) };
    }
    // A provider block that depends on values known only after apply: configure with
    // what is known (unknowns as null), as the SDK does.
    const known = unknownsToNull(shapeObject(this.#providerSchema, config ?? {}, { strict: false })) as KnownObject;
    try {
      this.#client = await this.#definition.configure({
        config: known,
        terraformVersion: request.terraform_version ?? '',
        logger: context.logger,
      });
    } catch (error) {
      diagnostics.fromThrown(error);
    }
    return { diagnostics: toProtoDiagnostics(diagnostics.items) };
  }

  async readResource(request: tf.ReadResourceRequest, context: RpcContext): Promise<tf.ReadResourceResponse> {
    const resource = this.#resources.get(request.type_name ?? '');
    if (resource === undefined) return { diagnostics: unknownType('resource', request.type_name) };
    let state: ValueObject | null;
    try {
      state = decodeObject(resource.schema, request.current_state);
    } catch (error) {
      return { diagnostics: errorDiagnostics('decoding the current state', error) };
    }
    const result = await resource.read({ state, private: request.private }, this.#runtime(context));
    return {
      new_state: encodeObject(resource.schema, result.state),
      private: result.private.encode(),
      diagnostics: toProtoDiagnostics(result.diagnostics),
    };
  }

  async planResourceChange(request: tf.PlanResourceChangeRequest, context: RpcContext): Promise<tf.PlanResourceChangeResponse> {
    const resource = this.#resources.get(request.type_name ?? '');
    if (resource === undefined) return { diagnostics: unknownType('resource', request.type_name) };
    let prior: ValueObject | null;
    let proposed: ValueObject | null;
    let config: ValueObject | null;
    try {
      prior = decodeObject(resource.schema, request.prior_state);
      proposed = decodeObject(resource.schema, request.proposed_new_state);
      config = decodeObject(resource.schema, request.config);
    } catch (error) {
      return { diagnostics: errorDiagnostics('decoding the plan request', error) };
    }
    try {
      const result = await resource.plan({ prior, proposed, config, priorPrivate: request.prior_private }, this.#runtime(context));
      return {
        planned_state: encodeObject(resource.schema, result.planned),
        requires_replace: result.requiresReplace.map(toProtoPath),
        planned_private: result.private.encode(),
        diagnostics: toProtoDiagnostics(result.diagnostics),
        ...(plansComputedBlockCount(resource.schema, result.planned, config) ? { legacy_type_system: true } : {}),
      };
    } catch (error) {
      return { diagnostics: errorDiagnostics(`planning ${resource.definition.displayName}`, error) };
    }
  }

  async applyResourceChange(request: tf.ApplyResourceChangeRequest, context: RpcContext): Promise<tf.ApplyResourceChangeResponse> {
    const resource = this.#resources.get(request.type_name ?? '');
    if (resource === undefined) return { diagnostics: unknownType('resource', request.type_name) };
    let prior: ValueObject | null;
    let planned: ValueObject | null;
    let config: ValueObject | null;
    try {
      prior = decodeObject(resource.schema, request.prior_state);
      planned = decodeObject(resource.schema, request.planned_state);
      config = decodeObject(resource.schema, request.config);
    } catch (error) {
      return { diagnostics: errorDiagnostics('decoding the apply request', error) };
    }
    const result = await resource.apply({ prior, planned, config, plannedPrivate: request.planned_private }, this.#runtime(context));
    return {
      new_state: encodeObject(resource.schema, result.state),
      private: result.private.encode(),
      diagnostics: toProtoDiagnostics(result.diagnostics),
      ...(result.legacyTypeSystem === true ? { legacy_type_system: true } : {}),
    };
  }

  async importResourceState(request: tf.ImportResourceStateRequest, context: RpcContext): Promise<tf.ImportResourceStateResponse> {
    const resource = this.#resources.get(request.type_name ?? '');
    if (resource === undefined) return { diagnostics: unknownType('resource', request.type_name) };
    try {
      const stub = await resource.import(request.id ?? '', this.#runtime(context));
      return {
        imported_resources: [{ type_name: resource.typeName, state: encodeObject(resource.schema, stub), private: new Uint8Array() }],
        diagnostics: [],
      };
    } catch (error) {
      return { diagnostics: errorDiagnostics(`importing ${resource.definition.displayName} (${request.id ?? ''})`, error) };
    }
  }

  async moveResourceState(request: tf.MoveResourceStateRequest): Promise<tf.MoveResourceStateResponse> {
    return {
      diagnostics: toProtoDiagnostics([
        {
          severity: 'error',
          summary: 'Move resource state not supported',
          detail: `${this.#definition.typeName} cannot move state from ${request.source_type_name ?? 'another resource type'} to ${request.target_type_name ?? 'this type'}; remove and import the object instead.`,
        },
      ]),
    };
  }

  async readDataSource(request: tf.ReadDataSourceRequest, context: RpcContext): Promise<tf.ReadDataSourceResponse> {
    const dataSource = this.#dataSources.get(request.type_name ?? '');
    if (dataSource === undefined) return { diagnostics: unknownType('data source', request.type_name) };
    let config: ValueObject | null;
    try {
      config = decodeObject(dataSource.schema, request.config);
    } catch (error) {
      return { diagnostics: errorDiagnostics('decoding the data source configuration', error) };
    }
    if (config === null || !isWhollyKnown(config)) {
      return { diagnostics: errorDiagnostics(`reading ${dataSource.definition.typeName}`, new Error('provider bug: configuration not wholly known')) };
    }
    const runtime = this.#runtime(context);
    const { signal, dispose } = operationSignal(runtime.signals, 20 * 60_000, 'read');
    try {
      if (runtime.client === undefined) throw new Error('provider bug: data source read before ConfigureProvider');
      const read = await dataSource.definition.read({ config, client: runtime.client, logger: context.logger, signal });
      const shaped = shapeObject(dataSource.schema, read, { strict: true });
      // Arguments the user set are echoed exactly; the handler fills only computed values.
      const echoed: ValueObject = Object.fromEntries(
        Object.entries(shaped).map(([name, value]) => [name, config[name] !== null && config[name] !== undefined ? config[name] : value]),
      );
      return { state: encodeObject(dataSource.schema, unknownsToNull(echoed) as ValueObject), diagnostics: [] };
    } catch (error) {
      return { diagnostics: errorDiagnostics(`reading ${dataSource.definition.typeName}`, failureOf(error, signal)) };
    } finally {
      dispose();
    }
  }

  async stopProvider(): Promise<tf.StopProviderResponse> {
    if (!this.#stop.signal.aborted) this.#stop.abort(new StoppedError());
    return {};
  }

  async getFunctions(): Promise<tf.GetFunctionsResponse> {
    return { functions: {}, diagnostics: [] };
  }

  async callFunction(request: tf.CallFunctionRequest): Promise<tf.CallFunctionResponse> {
    return { error: { text: `${this.#definition.typeName} declares no function ${JSON.stringify(request.name ?? '')}` } };
  }

  async validateEphemeralResourceConfig(request: tf.ValidateEphemeralResourceConfigRequest): Promise<tf.ValidateEphemeralResourceConfigResponse> {
    return { diagnostics: unknownType('ephemeral resource', request.type_name) };
  }

  async openEphemeralResource(request: tf.OpenEphemeralResourceRequest): Promise<tf.OpenEphemeralResourceResponse> {
    return { diagnostics: unknownType('ephemeral resource', request.type_name) };
  }

  async renewEphemeralResource(request: tf.RenewEphemeralResourceRequest): Promise<tf.RenewEphemeralResourceResponse> {
    return { diagnostics: unknownType('ephemeral resource', request.type_name) };
  }

  async closeEphemeralResource(request: tf.CloseEphemeralResourceRequest): Promise<tf.CloseEphemeralResourceResponse> {
    return { diagnostics: unknownType('ephemeral resource', request.type_name) };
  }

  #runtime(context: RpcContext): RuntimeContext<Client> {
    return { client: this.#client, logger: context.logger, signals: [this.#stop.signal, context.signal] };
  }

  #validate(schema: CompiledBlock, dv: tf.DynamicValue | undefined): tf.Diagnostic[] {
    try {
      const config = decodeObject(schema, dv);
      return toProtoDiagnostics(validateConfig(schema, config).items);
    } catch (error) {
      return errorDiagnostics('decoding the configuration', error);
    }
  }
}

function unknownType(kind: string, typeName: string | undefined): tf.Diagnostic[] {
  return toProtoDiagnostics([{ severity: 'error', summary: `Unsupported ${kind} type`, detail: `This provider has no ${kind} type ${JSON.stringify(typeName ?? '')}.` }]);
}

/** A codec error keeps its attribute path; anything else is reported under `what`. */
function errorDiagnostics(what: string, error: unknown): tf.Diagnostic[] {
  const diagnostics = new Diagnostics();
  if (error instanceof CtyError) {
    diagnostics.error(`${what}: ${error.message}`, undefined, fromCtyPath(error.path));
  } else {
    diagnostics.fromThrown(error, what);
  }
  return toProtoDiagnostics(diagnostics.items);
}

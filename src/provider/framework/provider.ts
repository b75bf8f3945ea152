/**
 * The ProviderServer (one method per tfplugin6 RPC) for a provider declared with the
 * framework. Each method has the same shape: find the resource or data source type and
 * decode the request's DynamicValues with its schema (`#decoded`: an unknown type or a codec
 * error becomes the answer's diagnostic, at its path), run the runtime object's operation on
 * plain values (`ManagedResource`, `DataSource`), encode the answer as msgpack.
 *
 * **`legacy_type_system` is set in two cases only.** The flag downgrades terraform's
 * plan/apply consistency checks (`plans/objchange`) to log warnings, as for SDK v2
 * providers; set broadly it would hide exactly the bugs that produce perpetual diffs. So the schema is strictly valid wherever it can be:
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
import type { ProviderDefinition } from './definitions.js';
import { Diagnostics } from './diagnostics.js';
import { compileSchema, type CompiledBlock } from './schema.js';
import { ManagedResource, type RuntimeContext } from './managed-resource.js';
import { DataSource } from './data-source.js';
import { validateConfig } from './validate-config.js';
import { StoppedError } from './apply.js';
import { shapeObject } from './shape.js';
import { toProtoSchema } from './convert/schema.js';
import { decodeObject, encodeObject } from './convert/values.js';
import { fromCtyPath, toProtoDiagnostics, toProtoPath } from './convert/diagnostics.js';
import type { KnownObject, ValueObject } from './value.js';
import { unknownsToNull } from './value.js';
import { plansComputedBlockCount } from './computed-block-fill.js';

/** What `#decoded` needs of a runtime object: its schema. */
interface Typed {
  readonly schema: CompiledBlock;
}

/** The answer when the type is unknown or the request does not decode. */
interface Refusal {
  readonly diagnostics: tf.Diagnostic[];
}

const CAPABILITIES: tf.ServerCapabilities = { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false };

export class FrameworkProvider<Client> implements ProviderServer {
  readonly #definition: ProviderDefinition<Client>;
  readonly #providerSchema: CompiledBlock;
  readonly #resources: ReadonlyMap<string, ManagedResource<Client>>;
  readonly #dataSources: ReadonlyMap<string, DataSource<Client>>;
  /** StopProvider aborts this; every operation signal derives from it. */
  readonly #stop = new AbortController();
  #client: Client | undefined;
  #schemaResponse: tf.GetProviderSchemaResponse | undefined;

  /** Compiles every schema up front, so a schema mistake fails at start, not mid-plan. */
  constructor(definition: ProviderDefinition<Client>) {
    this.#definition = definition;
    this.#providerSchema = compileSchema(definition.schema, { kind: 'provider' });
    this.#resources = new Map(definition.resources.map((r) => [r.typeName, new ManagedResource(r)]));
    this.#dataSources = new Map((definition.dataSources ?? []).map((d) => [d.typeName, new DataSource(d)]));
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
      data_source_schemas: Object.fromEntries([...this.#dataSources.values()].map((d) => [d.typeName, toProtoSchema(d.schema, 0)])),
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
    return this.#decoded('resource', this.#resources, request.type_name, 'the configuration', { config: request.config }, async (resource, { config }) => ({
      diagnostics: toProtoDiagnostics(resource.validate(config).items),
    }));
  }

  async validateDataResourceConfig(request: tf.ValidateDataResourceConfigRequest): Promise<tf.ValidateDataResourceConfigResponse> {
    return this.#decoded('data source', this.#dataSources, request.type_name, 'the configuration', { config: request.config }, async (dataSource, { config }) => ({
      diagnostics: toProtoDiagnostics(dataSource.validate(config).items),
    }));
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
    return this.#decoded('resource', this.#resources, request.type_name, 'the current state', { state: request.current_state }, async (resource, { state }) => {
      const result = await resource.read({ state, private: request.private }, this.#runtime(context));
      return {
        new_state: encodeObject(resource.schema, result.state),
        private: result.private.encode(),
        diagnostics: toProtoDiagnostics(result.diagnostics),
      };
    });
  }

  async planResourceChange(request: tf.PlanResourceChangeRequest, context: RpcContext): Promise<tf.PlanResourceChangeResponse> {
    const values = { prior: request.prior_state, proposed: request.proposed_new_state, config: request.config };
    return this.#decoded('resource', this.#resources, request.type_name, 'the plan request', values, async (resource, { prior, proposed, config }) => {
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
    });
  }

  async applyResourceChange(request: tf.ApplyResourceChangeRequest, context: RpcContext): Promise<tf.ApplyResourceChangeResponse> {
    const values = { prior: request.prior_state, planned: request.planned_state, config: request.config };
    return this.#decoded('resource', this.#resources, request.type_name, 'the apply request', values, async (resource, { prior, planned, config }) => {
      const result = await resource.apply({ prior, planned, config, plannedPrivate: request.planned_private }, this.#runtime(context));
      return {
        new_state: encodeObject(resource.schema, result.state),
        private: result.private.encode(),
        diagnostics: toProtoDiagnostics(result.diagnostics),
        ...(result.legacyTypeSystem === true ? { legacy_type_system: true } : {}),
      };
    });
  }

  async importResourceState(request: tf.ImportResourceStateRequest, context: RpcContext): Promise<tf.ImportResourceStateResponse> {
    return this.#decoded('resource', this.#resources, request.type_name, 'the import request', {}, async (resource) => {
      try {
        const stub = await resource.import(request.id ?? '', this.#runtime(context));
        return {
          imported_resources: [{ type_name: resource.typeName, state: encodeObject(resource.schema, stub), private: new Uint8Array() }],
          diagnostics: [],
        };
      } catch (error) {
        return { diagnostics: errorDiagnostics(`importing ${resource.definition.displayName} (${request.id ?? ''})`, error) };
      }
    });
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
    return this.#decoded('data source', this.#dataSources, request.type_name, 'the data source configuration', { config: request.config }, async (dataSource, { config }) => {
      const result = await dataSource.read(config, this.#runtime(context));
      const diagnostics = toProtoDiagnostics(result.diagnostics);
      return result.state === null ? { diagnostics } : { state: encodeObject(dataSource.schema, result.state), diagnostics };
    });
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

  /**
   * The part every typed RPC shares: the runtime object of `typeName` (an unknown type is
   * answered with a diagnostic), the request's values decoded with its schema (a codec error
   * is answered with a diagnostic at its path, "decoding <what>: …"), then `run`.
   */
  async #decoded<T extends Typed, K extends string, R>(
    kind: 'resource' | 'data source',
    types: ReadonlyMap<string, T>,
    typeName: string | undefined,
    what: string,
    values: Readonly<Record<K, tf.DynamicValue | undefined>>,
    run: (found: T, decoded: Record<K, ValueObject | null>) => Promise<R>,
  ): Promise<R | Refusal> {
    const found = types.get(typeName ?? '');
    if (found === undefined) return { diagnostics: unknownType(kind, typeName) };
    let decoded: Record<K, ValueObject | null>;
    try {
      decoded = Object.fromEntries(Object.entries<tf.DynamicValue | undefined>(values).map(([key, dv]) => [key, decodeObject(found.schema, dv)])) as Record<K, ValueObject | null>;
    } catch (error) {
      return { diagnostics: errorDiagnostics(`decoding ${what}`, error) };
    }
    return run(found, decoded);
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

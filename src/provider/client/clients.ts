/**
 * The official SDK clients one provider instance uses, built from a resolved `ClientConfig`:
 * credentials through `@alicloud/credentials`, endpoints and protocol per product, TLS
 * verification, and the flavour's request decoration (the Apsara Stack scoping headers and parameters) as
 * the SDK's `globalParameters`, so every call carries them without the call sites knowing.
 *
 * Each client is made on first use, and no product SDK is loaded before a handler needs it:
 * terraform starts the provider three or more times per command, and a plan of new
 * `alicloud_image`s calls nothing but the credential check (`validate-credentials.ts`, an
 * OpenAPI call). The ECS SDK loads in `prepare()`, which the lazy definitions
 * (`shared/lazy-definition.ts`) await before any handler runs, so that the many `ecs`
 * call sites stay synchronous; VPC and Resource Manager load on their first call.
 */
import type { ClientConfig } from './config.js';
import type { CredentialSpec } from './credential-spec.js';
import { decorate, type ApsaraScope, type Product } from './flavour.js';
import type { EcsClient } from './sdk.js';
import { $OpenApiUtil, Credential, CredentialConfig, RuntimeOptions } from './sdk-core.js';
import type { ResourceManagerClient } from './sdk-resource-manager.js';
import type { VpcClient } from './sdk-vpc.js';

export interface CloudClients {
  readonly config: ClientConfig;
  /** The scope calls carry (Apsara Stack), after any ASCM lookup. */
  readonly scope: ApsaraScope | undefined;
  /** Made on first access, once `prepare()` has loaded its SDK (it throws before). */
  readonly ecs: EcsClient;
  /** Loads the ECS SDK; resolves at once when it is loaded. */
  prepare(): Promise<void>;
  /** Loads the VPC SDK on the first call. */
  vpc(): Promise<VpcClient>;
  /** Loads the Resource Manager SDK on the first call. */
  resourceManager(): Promise<ResourceManagerClient>;
  /** Per-call runtime options (timeouts, TLS verification); pass to every `…WithOptions` call. */
  runtime(): RuntimeOptions;
}

/** An `@alicloud/credentials` object for static AK or STS credentials. */
export function toCredential(spec: CredentialSpec): Credential {
  const config = spec.securityToken
    ? new CredentialConfig({ type: 'sts', accessKeyId: spec.accessKeyId, accessKeySecret: spec.accessKeySecret, securityToken: spec.securityToken })
    : new CredentialConfig({ type: 'access_key', accessKeyId: spec.accessKeyId, accessKeySecret: spec.accessKeySecret });
  return new Credential(config);
}

/** The OpenAPI `Config` of one product's client. */
export function openApiConfig(config: ClientConfig, product: Product | 'ascm', scope: ApsaraScope | undefined, credential: Credential): $OpenApiUtil.Config {
  const endpoint = product === 'ascm' ? config.scopeLookup?.ascm : config.endpoints[product];
  const decoration =
    product === 'ascm' ? { headers: {}, queries: {} } : decorate(config.flavour, { product, regionId: config.regionId, scope });
  return new $OpenApiUtil.Config({
    credential,
    regionId: config.regionId,
    endpoint: endpoint?.host,
    protocol: endpoint?.protocol ?? config.protocol,
    signatureAlgorithm: config.flavour.signatureAlgorithm,
    userAgent: config.userAgent,
    connectTimeout: config.connectTimeoutMs,
    readTimeout: config.readTimeoutMs,
    globalParameters: new $OpenApiUtil.GlobalParameters(decoration),
  });
}

type RuntimeTemplate = ConstructorParameters<typeof RuntimeOptions>[0];

class LazyClients implements CloudClients {
  readonly config: ClientConfig;
  readonly scope: ApsaraScope | undefined;
  readonly #credential: Credential;
  readonly #runtime: RuntimeTemplate;
  #ecsClass: typeof EcsClient | undefined;
  #ecsLoading: Promise<void> | undefined;
  #ecs: EcsClient | undefined;
  #vpc: Promise<VpcClient> | undefined;
  #resourceManager: Promise<ResourceManagerClient> | undefined;

  constructor(config: ClientConfig, scope: ApsaraScope | undefined) {
    this.config = config;
    this.scope = scope;
    this.#credential = toCredential(config.credentials);
    this.#runtime = { ignoreSSL: config.insecure, connectTimeout: config.connectTimeoutMs, readTimeout: config.readTimeoutMs };
  }

  get ecs(): EcsClient {
    if (this.#ecsClass === undefined) throw new Error('provider bug: CloudClients.ecs used before prepare() loaded the ECS SDK');
    this.#ecs ??= new this.#ecsClass(this.#openApiConfig('ecs'));
    return this.#ecs;
  }

  prepare(): Promise<void> {
    this.#ecsLoading ??= import('./sdk.js').then(({ EcsClient }) => {
      this.#ecsClass = EcsClient;
    });
    return this.#ecsLoading;
  }

  vpc(): Promise<VpcClient> {
    this.#vpc ??= import('./sdk-vpc.js').then(({ VpcClient }) => new VpcClient(this.#openApiConfig('vpc')));
    return this.#vpc;
  }

  resourceManager(): Promise<ResourceManagerClient> {
    this.#resourceManager ??= import('./sdk-resource-manager.js').then(
      ({ ResourceManagerClient }) => new ResourceManagerClient(this.#openApiConfig('resourcemanager')),
    );
    return this.#resourceManager;
  }

  runtime(): RuntimeOptions {
    return new RuntimeOptions(this.#runtime);
  }

  #openApiConfig(product: Product): $OpenApiUtil.Config {
    return openApiConfig(this.config, product, this.scope, this.#credential);
  }
}

/**
 * Builds the clients. `scope` overrides `config.scope` (the result of the ASCM lookup);
 * an Apsara Stack configuration without either is a provider bug and throws.
 */
export function createClients(config: ClientConfig, scope: ApsaraScope | undefined = config.scope): CloudClients {
  return new LazyClients(config, scope);
}

/** Clients ready for ECS calls at once, for code that runs outside the lazy definitions (tools, tests). */
export async function openClients(config: ClientConfig, scope: ApsaraScope | undefined = config.scope): Promise<CloudClients> {
  const clients = createClients(config, scope);
  await clients.prepare();
  return clients;
}

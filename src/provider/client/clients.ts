/**
 * The official SDK clients one provider instance uses, built from a resolved `ClientConfig`:
 * credentials through `@alicloud/credentials`, endpoints and protocol per product, TLS
 * verification, and the flavour's request decoration (the Apsara Stack scoping headers and parameters) as
 * the SDK's `globalParameters`, so every call carries them without the call sites knowing.
 *
 * Each client is made on first use, and the VPC and Resource Manager SDKs are imported only
 * then (`vpc()`, `resourceManager()` are async for that reason): terraform starts the provider
 * about four times per command, and a plan of `alicloud_image` alone needs only ECS.
 */
import type { ClientConfig } from './config.js';
import type { CredentialSpec } from './credential-spec.js';
import { decorate, type ApsaraScope, type Product } from './flavour.js';
import { $OpenApiUtil, Credential, CredentialConfig, EcsClient, RuntimeOptions } from './sdk.js';
import type { ResourceManagerClient } from './sdk-resource-manager.js';
import type { VpcClient } from './sdk-vpc.js';

export interface CloudClients {
  readonly config: ClientConfig;
  /** The scope calls carry (Apsara Stack), after any ASCM lookup. */
  readonly scope: ApsaraScope | undefined;
  /** Made on first access (its SDK is loaded with the provider's configuration). */
  readonly ecs: EcsClient;
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
    this.#ecs ??= new EcsClient(this.#openApiConfig('ecs'));
    return this.#ecs;
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

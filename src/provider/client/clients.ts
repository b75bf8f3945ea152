/**
 * The official SDK clients one provider instance uses, built from a resolved `ClientConfig`:
 * credentials through `@alicloud/credentials`, endpoints and protocol per product, TLS
 * verification, and the flavour's request decoration (the Apsara Stack scoping headers and parameters) as
 * the SDK's `globalParameters`, so every call carries them without the call sites knowing.
 */
import type { ClientConfig } from './config.js';
import type { CredentialSpec } from './credential-spec.js';
import { decorate, type ApsaraScope, type Product } from './flavour.js';
import {
  $OpenApiUtil,
  Credential,
  CredentialConfig,
  EcsClient,
  ResourceManagerClient,
  RuntimeOptions,
  VpcClient,
} from './sdk.js';

export interface CloudClients {
  readonly config: ClientConfig;
  /** The scope calls carry (Apsara Stack), after any ASCM lookup. */
  readonly scope: ApsaraScope | undefined;
  readonly ecs: EcsClient;
  readonly vpc: VpcClient;
  readonly resourceManager: ResourceManagerClient;
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

/**
 * Builds the clients. `scope` overrides `config.scope` (the result of the ASCM lookup);
 * an Apsara Stack configuration without either is a provider bug and throws.
 */
export function createClients(config: ClientConfig, scope: ApsaraScope | undefined = config.scope): CloudClients {
  const credential = toCredential(config.credentials);
  const runtimeTemplate = { ignoreSSL: config.insecure, connectTimeout: config.connectTimeoutMs, readTimeout: config.readTimeoutMs };
  return Object.freeze({
    config,
    scope,
    ecs: new EcsClient(openApiConfig(config, 'ecs', scope, credential)),
    vpc: new VpcClient(openApiConfig(config, 'vpc', scope, credential)),
    resourceManager: new ResourceManagerClient(openApiConfig(config, 'resourcemanager', scope, credential)),
    runtime: () => new RuntimeOptions(runtimeTemplate),
  });
}

/**
 * A cheap signed call (ECS DescribeRegions) made when the provider is configured, so that a
 * wrong or unknown key fails `terraform plan` with a message that names the key, where it
 * came from and what to check, instead of a raw SDK error on the first resource. For Apsara
 * Stack the call carries the tenant scope, so a wrong department or resource set shows here too.
 *
 * It goes through the product-less OpenAPI client with the ECS client's configuration
 * (endpoint, protocol, signature, decoration), not the ECS SDK: a plan of new resources
 * calls nothing else, and the ECS SDK takes 0.4 s to load in each provider process.
 */
import type { Logger } from '../plugin/logger.js';
import { callWithRetry } from './call.js';
import { openApiConfig, toCredential, type CloudClients } from './clients.js';
import { ConfigError } from './config-error.js';
import { endpointUrl } from './endpoint.js';
import { CloudError, isThrottling } from './errors.js';
import { $OpenApiUtil, OpenApiClient, OpenApiUtil } from './sdk-core.js';

const ECS_VERSION = '2014-05-26';

export interface ValidateOptions {
  readonly signal?: AbortSignal | undefined;
  readonly logger?: Logger | undefined;
  /** Default 30 s: throttling and 5xx are retried within it; an unreachable endpoint is not. */
  readonly timeoutMs?: number | undefined;
}

export async function validateCredentials(clients: CloudClients, options: ValidateOptions = {}): Promise<void> {
  try {
    const config = ecsOpenApiConfig(clients);
    const client = new OpenApiClient(config);
    const params = new $OpenApiUtil.Params({
      action: 'DescribeRegions',
      version: ECS_VERSION,
      protocol: config.protocol,
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const request = new $OpenApiUtil.OpenApiRequest({ query: {} });
    await callWithRetry(() => client.callApi(params, request, clients.runtime()), {
      action: 'DescribeRegions',
      signal: options.signal,
      logger: options.logger,
      timeoutMs: options.timeoutMs ?? 30_000,
      retryable: (err) => isThrottling(err) || err.code === 'ServiceUnavailable' || (err.status ?? 0) >= 500,
    });
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    // A RAM user may lack DescribeRegions yet hold valid keys: the gateway authenticated it.
    if (err.kind === 'api' && err.code === 'Forbidden.RAM') return;
    throw explain(err, clients);
  }
}

/** The ECS client's configuration, aimed where the ECS SDK would aim: the configured endpoint, else the region's public ECS endpoint. */
function ecsOpenApiConfig(clients: CloudClients): $OpenApiUtil.Config {
  const config = openApiConfig(clients.config, 'ecs', clients.scope, toCredential(clients.config.credentials));
  config.endpoint ??= OpenApiUtil.getEndpointRules('ecs', clients.config.regionId, 'regional', '', '');
  return config;
}

function explain(err: CloudError, clients: CloudClients): ConfigError {
  const { credentials } = clients.config;
  const ecs = clients.config.endpoints.ecs;
  const where = ecs ? endpointUrl(ecs) : `the public ECS endpoint of region ${clients.config.regionId}`;
  const key = `access key "${credentials.accessKeyId}" (from ${credentials.source})`;
  const cause = { cause: err };
  if (err.kind !== 'api') {
    return new ConfigError(`cannot reach the ECS API at ${where}: ${err.message}`, {
      attribute: 'endpoints',
      detail: 'Check endpoints.ecs (host[:port]) and protocol (HTTP or HTTPS).',
      ...cause,
    });
  }
  switch (err.code) {
    case 'InvalidAccessKeyId.NotFound':
      return new ConfigError(`the ${key} is not known to ${where}`, {
        attribute: 'access_key',
        detail: 'Check the access key id, and that the endpoint is the cloud the key belongs to.',
        ...cause,
      });
    case 'InvalidAccessKeyId.Inactive':
      return new ConfigError(`the ${key} is disabled`, { attribute: 'access_key', ...cause });
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
      return new ConfigError(`the secret key does not match the ${key}`, {
        attribute: 'secret_key',
        detail: 'The cloud could not verify the request signature: check secret_key (and its environment fallback).',
        ...cause,
      });
    case 'InvalidTimeStamp.Expired':
      return new ConfigError(`the cloud at ${where} refused the request time: this machine's clock is off by more than 15 minutes`, cause);
  }
  const scope = clients.scope;
  if (scope && err.code === 'Forbidden') {
    return new ConfigError(`the cloud refused department "${scope.department}" for the ${key}`, {
      attribute: 'department',
      detail: 'The department (organization id) must be the one the access key belongs to.',
      ...cause,
    });
  }
  if (scope && err.code === 'InvalidResourceGroup.NotFound') {
    return new ConfigError(`resource_group "${scope.resourceGroup}" is not a resource set of department "${scope.department}"`, {
      attribute: 'resource_group',
      ...cause,
    });
  }
  if (err.code.startsWith('InvalidSecurityToken')) {
    return new ConfigError(`the security token for the ${key} is invalid or expired (${err.code})`, { attribute: 'security_token', ...cause });
  }
  return new ConfigError(`checking the credentials with DescribeRegions at ${where} failed: ${err.message}`, cause);
}

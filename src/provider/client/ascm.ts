/**
 * Apsara Stack tenant discovery: when `department` or `resource_group` is not configured,
 * the provider asks ASCM for the resource set named by `resource_group_set_name` and takes
 * its organization id and resource set id (ASCM `ListResourceGroup`, as the reference
 * provider calls it). A ROA call, `POST /ascm/auth/resource_group/list_resource_group`,
 * signed `acs <AK>:<HMAC-SHA1>`. `id` is taken as text, number or string: real ASCM sends
 * the numeric resource-set id, the local cloud (src/cloud/http/ascm-route.ts) sends its
 * resource set's `rg-…` id, which is what its Apsara scoping expects back as
 * `ResourceGroup`.
 */
import { callWithRetry, type CallOptions } from './call.js';
import { toCredential, openApiConfig } from './clients.js';
import type { ClientConfig } from './config.js';
import { ConfigError } from './config-error.js';
import { endpointUrl } from './endpoint.js';
import type { ApsaraScope } from './flavour.js';
import { $OpenApiUtil, OpenApiClient, RuntimeOptions } from './sdk-core.js';

export const ASCM_VERSION = '2019-05-10';
export const LIST_RESOURCE_GROUP_PATH = '/ascm/auth/resource_group/list_resource_group';

export async function lookupApsaraScope(config: ClientConfig, options: CallOptions = {}): Promise<ApsaraScope> {
  const lookup = config.scopeLookup;
  if (!lookup) throw new Error('provider bug: lookupApsaraScope called without resource_group_set_name');
  const client = new OpenApiClient(openApiConfig(config, 'ascm', undefined, toCredential(config.credentials)));
  const query: Record<string, string> = { pageNumber: '1', pageSize: '10', resourceGroupName: lookup.resourceGroupSetName };
  if (config.credentials.securityToken) query['SecurityToken'] = config.credentials.securityToken;
  const params = new $OpenApiUtil.Params({
    action: 'ListResourceGroup',
    version: ASCM_VERSION,
    protocol: lookup.ascm.protocol,
    pathname: LIST_RESOURCE_GROUP_PATH,
    method: 'POST',
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  const request = new $OpenApiUtil.OpenApiRequest({ query, headers: { 'x-ascm-product-name': 'ascm' } });
  const runtime = new RuntimeOptions({ ignoreSSL: config.insecure, connectTimeout: config.connectTimeoutMs, readTimeout: config.readTimeoutMs });
  let answer: Record<string, unknown>;
  try {
    answer = await callWithRetry(() => client.callApi(params, request, runtime), { action: 'ListResourceGroup', ...options });
  } catch (err) {
    throw new ConfigError(`looking up resource set "${lookup.resourceGroupSetName}" at ${endpointUrl(lookup.ascm)} failed: ${(err as Error).message}`, {
      attribute: 'resource_group_set_name',
      cause: err,
    });
  }
  return scopeFrom(answer['body'], lookup.resourceGroupSetName);
}

function scopeFrom(body: unknown, setName: string): ApsaraScope {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (String(b['code']) !== '200') {
    throw new ConfigError(`ASCM ListResourceGroup answered code ${String(b['code'])}: ${String(b['message'] ?? '')}`, {
      attribute: 'resource_group_set_name',
      detail: 'Give department and resource_group directly instead.',
    });
  }
  const entries = (Array.isArray(b['data']) ? b['data'] : []) as Record<string, unknown>[];
  const matches = entries.filter((entry) => field(entry, 'resourceGroupName') === setName);
  if (matches.length === 0) {
    throw new ConfigError(`resource group ID and organization not found for resource set ${setName}`, { attribute: 'resource_group_set_name' });
  }
  if (matches.length > 1) {
    throw new ConfigError(`more than one resource set is named ${setName}`, {
      attribute: 'resource_group_set_name',
      detail: 'Give department and resource_group directly instead.',
    });
  }
  const match = matches[0]!;
  const department = field(match, 'organizationID');
  const resourceGroup = field(match, 'id');
  if (department === undefined || resourceGroup === undefined) {
    throw new ConfigError(`ASCM's entry for resource set ${setName} has no organizationID or id`, { attribute: 'resource_group_set_name' });
  }
  return Object.freeze({ department, resourceGroup, resourceGroupId: field(match, 'rsId') });
}

/** Upstream matches keys case-insensitively (`organizationID` or `organizationId`). */
function field(entry: Record<string, unknown>, name: string): string | undefined {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : entry[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Provider arguments of the `alibabacloudstack` (Apsara Stack) provider that matter for
 * images, resolved as terraform-provider-alibabacloudstack v3.16 resolves them: each argument,
 * then its `ALIBABACLOUDSTACK_*` fallback; `region` required; protocol `HTTP` by default
 * (case-sensitive, as upstream validates it); endpoints from `domain`, then the
 * `popgw_domain` templates, then `endpoints { … }`, then `ascm_openapi_endpoint`; and the
 * tenant scope from `department` + `resource_group`, or looked up by
 * `resource_group_set_name` at connect time (`ascm.ts`). `proxy` is refused: the TS SDK's
 * transport cannot use one.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, type ClientConfig, type ResolveOptions } from './config.js';
import { parseEndpoint, type Endpoint, type Protocol } from './endpoint.js';
import { parseBool, pick, type Env, type Sourced } from './env.js';
import { ALIBABACLOUDSTACK, type ApsaraScope, type Product } from './flavour.js';
import { resolveCredentials } from './resolve-credentials.js';

type EndpointCode = Product | 'ascm';

export interface AlibabacloudStackProviderArgs {
  readonly access_key?: string | null | undefined;
  readonly secret_key?: string | null | undefined;
  readonly security_token?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly protocol?: string | null | undefined;
  readonly insecure?: boolean | null | undefined;
  readonly proxy?: string | null | undefined;
  readonly popgw_domain?: string | null | undefined;
  readonly is_center_region?: boolean | null | undefined;
  readonly force_use_asapi?: boolean | null | undefined;
  /** Deprecated ASAPI gateway: every product endpoint becomes this. */
  readonly domain?: string | null | undefined;
  readonly endpoints?: Readonly<Partial<Record<EndpointCode, string | null | undefined>>> | null | undefined;
  /** Deprecated ASCM endpoint override, applied last. */
  readonly ascm_openapi_endpoint?: string | null | undefined;
  readonly department?: string | null | undefined;
  readonly resource_group?: string | null | undefined;
  readonly resource_group_set_name?: string | null | undefined;
  /** Deprecated; when both are set they replace access_key / secret_key. */
  readonly organization_accesskey?: string | null | undefined;
  readonly organization_secretkey?: string | null | undefined;
  readonly profile?: string | null | undefined;
  readonly shared_credentials_file?: string | null | undefined;
}

export const ALIBABACLOUDSTACK_ENV = Object.freeze({
  access_key: ['ALIBABACLOUDSTACK_ACCESS_KEY'],
  secret_key: ['ALIBABACLOUDSTACK_SECRET_KEY'],
  security_token: ['ALIBABACLOUDSTACK_SECURITY_TOKEN', 'SECURITY_TOKEN'],
  region: ['ALIBABACLOUDSTACK_REGION'],
  protocol: ['ALIBABACLOUDSTACK_PROTOCOL'],
  insecure: ['ALIBABACLOUDSTACK_INSECURE'],
  proxy: ['ALIBABACLOUDSTACK_PROXY'],
  popgw_domain: ['ALIBABACLOUDSTACK_POPGW_DOMAIN'],
  is_center_region: ['ALIBABACLOUDSTACK_CENTER_REGION'],
  domain: ['ALIBABACLOUDSTACK_DOMAIN'],
  ascm_openapi_endpoint: ['APSARASTACK_ASCM_OPENAPI_ENDPOINT'],
  department: ['ALIBABACLOUDSTACK_DEPARTMENT'],
  resource_group: ['ALIBABACLOUDSTACK_RESOURCE_GROUP'],
  resource_group_set_name: ['ALIBABACLOUDSTACK_RESOURCE_GROUP_SET'],
  organization_accesskey: ['ALIBABACLOUDSTACK_ORGANIZATION_ACCESSKEY'],
  organization_secretkey: ['ALIBABACLOUDSTACK_ORGANIZATION_SECRETKEY'],
  profile: ['ALIBABACLOUDSTACK_PROFILE'],
  shared_credentials_file: ['ALIBABACLOUDSTACK_SHARED_CREDENTIALS_FILE'],
} as const);

type StringArg = Exclude<keyof typeof ALIBABACLOUDSTACK_ENV, 'insecure' | 'is_center_region'>;

/** Endpoint templates of `popgw_domain` for center and non-center regions, as the v3.16 provider builds them. */
const POPGW_TEMPLATES: Readonly<Partial<Record<EndpointCode, { center: string; regional: string }>>> = Object.freeze({
  ecs: { center: 'ecs-internal.{domain}', regional: 'ecs-internal.{region}.{domain}' },
  ascm: { center: 'ascm.{domain}', regional: 'ascm.{region}.{domain}' },
});

const HOW_TO_CONFIGURE =
  'Set access_key and secret_key in the provider block, or the environment variables ALIBABACLOUDSTACK_ACCESS_KEY and ' +
  'ALIBABACLOUDSTACK_SECRET_KEY, or name a profile of ~/.alibabacloudstack/config.json with profile (or ALIBABACLOUDSTACK_PROFILE).';

export async function resolveAlibabacloudStackConfig(args: AlibabacloudStackProviderArgs, options: ResolveOptions = {}): Promise<ClientConfig> {
  const env: Env = options.env ?? process.env;
  const arg = (name: StringArg): Sourced<string> | undefined => pick({ name, value: args[name] }, env, ...ALIBABACLOUDSTACK_ENV[name]);
  const flag = (name: 'insecure' | 'is_center_region' | 'force_use_asapi', fallback: boolean): boolean => {
    const value = args[name];
    if (typeof value === 'boolean') return value;
    const envName = name === 'force_use_asapi' ? undefined : ALIBABACLOUDSTACK_ENV[name][0];
    const raw = envName ? env[envName]?.trim() : undefined;
    if (!raw) return fallback;
    try {
      return parseBool(raw, `environment variable ${envName}`);
    } catch (err) {
      throw new ConfigError((err as Error).message, { attribute: name });
    }
  };

  const organizationKey = arg('organization_accesskey');
  const organizationSecret = arg('organization_secretkey');
  const useOrganizationKeys = organizationKey !== undefined && organizationSecret !== undefined;
  const credentialsFile = arg('shared_credentials_file')?.value ?? join(options.homeDir ?? homedir(), '.alibabacloudstack', 'config.json');
  const { credentials, profileRegionId } = await resolveCredentials({
    accessKey: useOrganizationKeys ? organizationKey : arg('access_key'),
    secretKey: useOrganizationKeys ? organizationSecret : arg('secret_key'),
    securityToken: arg('security_token'),
    profile: arg('profile'),
    credentialsFile,
    useCurrentProfile: false,
    howToConfigure: HOW_TO_CONFIGURE,
  });

  const regionId = arg('region')?.value ?? profileRegionId;
  if (!regionId) {
    throw new ConfigError('region is required', { attribute: 'region', detail: 'Set region in the provider block or ALIBABACLOUDSTACK_REGION.' });
  }
  const protocol = parseProtocol(arg('protocol'));
  const proxy = arg('proxy')?.value;
  const endpoints = resolveEndpoints(args, arg, flag, regionId, protocol, proxy !== undefined);
  const ecs = endpoints.ecs;
  if (!ecs) {
    throw new ConfigError('unable to initialize the ECS client: endpoint or domain is not provided', {
      attribute: 'endpoints',
      detail: 'Set popgw_domain, endpoints { ecs = "…" } or domain (or ALIBABACLOUDSTACK_POPGW_DOMAIN / ALIBABACLOUDSTACK_DOMAIN).',
    });
  }

  if (proxy !== undefined) {
    // @darabonba/typescript (the transport under every official TS SDK client) ignores the
    // httpProxy/httpsProxy settings and takes no agent, so a proxy would be silently bypassed.
    throw new ConfigError('proxy is not supported by this provider: its Alibaba Cloud SDK cannot send requests through a proxy', {
      attribute: 'proxy',
      detail: 'Remove proxy (and ALIBABACLOUDSTACK_PROXY) and make the endpoints reachable directly.',
    });
  }
  const { scope, scopeLookup } = resolveScope(arg, endpoints.ascm);
  const { ascm: _ascm, ...productEndpoints } = endpoints;
  return Object.freeze({
    flavour: ALIBABACLOUDSTACK,
    regionId,
    credentials,
    protocol,
    endpoints: Object.freeze(productEndpoints),
    insecure: flag('insecure', false),
    scope,
    scopeLookup,
    userAgent: options.userAgent,
    connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
    readTimeoutMs: DEFAULT_READ_TIMEOUT_MS,
  });
}

function resolveEndpoints(
  args: AlibabacloudStackProviderArgs,
  arg: (name: StringArg) => Sourced<string> | undefined,
  flag: (name: 'is_center_region' | 'force_use_asapi', fallback: boolean) => boolean,
  regionId: string,
  protocol: Protocol,
  hasProxy: boolean,
): Partial<Record<EndpointCode, Endpoint>> {
  const chosen: Partial<Record<EndpointCode, { raw: string; attribute: string }>> = {};
  const codes: readonly EndpointCode[] = ['ecs', 'vpc', 'resourcemanager', 'ascm'];
  const domain = arg('domain');
  if (domain) {
    if (hasProxy) throw new ConfigError('domain cannot be used together with proxy', { attribute: 'domain' });
    for (const code of codes) chosen[code] = { raw: domain.value, attribute: 'domain' };
  }
  const popgw = arg('popgw_domain');
  if (popgw && !flag('force_use_asapi', false)) {
    const center = flag('is_center_region', true);
    for (const code of codes) {
      const template = POPGW_TEMPLATES[code];
      if (!template) continue;
      const host = (center ? template.center : template.regional).replace('{region}', regionId).replace('{domain}', popgw.value);
      chosen[code] = { raw: host, attribute: 'popgw_domain' };
    }
  }
  for (const code of codes) {
    const value = args.endpoints?.[code]?.trim();
    if (value) chosen[code] = { raw: value, attribute: `endpoints.${code}` };
  }
  const ascmOverride = arg('ascm_openapi_endpoint');
  if (ascmOverride) chosen.ascm = { raw: ascmOverride.value, attribute: 'ascm_openapi_endpoint' };

  const endpoints: Partial<Record<EndpointCode, Endpoint>> = {};
  for (const code of codes) {
    const pickedValue = chosen[code];
    if (pickedValue) endpoints[code] = parseEndpoint(pickedValue.raw, protocol, pickedValue.attribute);
  }
  return endpoints;
}

function resolveScope(
  arg: (name: StringArg) => Sourced<string> | undefined,
  ascm: Endpoint | undefined,
): Pick<ClientConfig, 'scope' | 'scopeLookup'> {
  const department = arg('department')?.value;
  const resourceGroup = arg('resource_group')?.value;
  if (department && resourceGroup) {
    return { scope: Object.freeze({ department, resourceGroup } satisfies ApsaraScope), scopeLookup: undefined };
  }
  const setName = arg('resource_group_set_name')?.value;
  if (!setName) {
    throw new ConfigError('department and resource_group are not set', {
      attribute: department ? 'resource_group' : 'department',
      detail:
        'Set both department and resource_group (or ALIBABACLOUDSTACK_DEPARTMENT and ALIBABACLOUDSTACK_RESOURCE_GROUP), ' +
        'or resource_group_set_name (ALIBABACLOUDSTACK_RESOURCE_GROUP_SET) to look them up through ASCM.',
    });
  }
  if (!ascm) {
    throw new ConfigError('unable to initialize the ascm client: resource_group_set_name needs the ASCM endpoint', {
      attribute: 'resource_group_set_name',
      detail: 'Set popgw_domain, endpoints { ascm = "…" } or ascm_openapi_endpoint, or give department and resource_group directly.',
    });
  }
  return { scope: undefined, scopeLookup: Object.freeze({ resourceGroupSetName: setName, ascm }) };
}

/** Upstream validates `HTTP` / `HTTPS` case-sensitively; the default is HTTP (its docs wrongly say HTTPS). */
function parseProtocol(value: Sourced<string> | undefined): Protocol {
  if (!value) return 'http';
  if (value.value === 'HTTP') return 'http';
  if (value.value === 'HTTPS') return 'https';
  throw new ConfigError(`protocol must be HTTP or HTTPS, got "${value.value}" (from ${value.source})`, { attribute: 'protocol' });
}

/**
 * Provider arguments of the `alicloud` provider that matter for images, resolved the way
 * the real provider does (terraform-provider-alicloud's `alicloud/provider.go`): each
 * argument, then its environment fallbacks (`ALICLOUD_*`, then `ALIBABA_CLOUD_*`), then the
 * profile; region defaults to cn-beijing; protocol to HTTPS; endpoint overrides from
 * `endpoints { ecs vpc resourcemanager }`, then `ALIBABA_CLOUD_ENDPOINT_<PRODUCT>`, then
 * the older `<PRODUCT>_ENDPOINT`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, type ClientConfig, type ResolveOptions } from './config.js';
import { parseEndpoint, type Endpoint, type Protocol } from './endpoint.js';
import { pick, type Env } from './env.js';
import { ALICLOUD, type Product } from './flavour.js';
import { resolveCredentials } from './resolve-credentials.js';

/** The arguments as the framework decodes the provider block (null or absent when unset). */
export interface AlicloudProviderArgs {
  readonly access_key?: string | null | undefined;
  readonly secret_key?: string | null | undefined;
  readonly security_token?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly profile?: string | null | undefined;
  readonly shared_credentials_file?: string | null | undefined;
  readonly protocol?: string | null | undefined;
  readonly endpoints?: Readonly<Partial<Record<Product, string | null | undefined>>> | null | undefined;
}

export const ALICLOUD_DEFAULT_REGION = 'cn-beijing';

/** Environment fallbacks of each argument, in order (documented in docs/index.md). */
export const ALICLOUD_ENV = Object.freeze({
  access_key: ['ALICLOUD_ACCESS_KEY', 'ALIBABA_CLOUD_ACCESS_KEY_ID'],
  secret_key: ['ALICLOUD_SECRET_KEY', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
  security_token: ['ALICLOUD_SECURITY_TOKEN', 'ALIBABA_CLOUD_SECURITY_TOKEN'],
  region: ['ALICLOUD_REGION', 'ALIBABA_CLOUD_REGION'],
  profile: ['ALICLOUD_PROFILE', 'ALIBABA_CLOUD_PROFILE'],
  shared_credentials_file: ['ALICLOUD_SHARED_CREDENTIALS_FILE'],
  endpoints: {
    ecs: ['ALIBABA_CLOUD_ENDPOINT_ECS', 'ECS_ENDPOINT'],
    vpc: ['ALIBABA_CLOUD_ENDPOINT_VPC', 'VPC_ENDPOINT'],
    resourcemanager: ['ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER', 'RESOURCEMANAGER_ENDPOINT'],
  },
} as const);

const HOW_TO_CONFIGURE =
  'Set access_key and secret_key in the provider block, or the environment variables ALICLOUD_ACCESS_KEY and ' +
  'ALICLOUD_SECRET_KEY (or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET), or name a profile of ' +
  '~/.aliyun/config.json with profile (or ALICLOUD_PROFILE).';

export async function resolveAlicloudConfig(args: AlicloudProviderArgs, options: ResolveOptions = {}): Promise<ClientConfig> {
  const env: Env = options.env ?? process.env;
  const arg = (name: Exclude<keyof typeof ALICLOUD_ENV, 'endpoints'>) =>
    pick({ name, value: args[name] as string | null | undefined }, env, ...ALICLOUD_ENV[name]);

  const credentialsFile =
    arg('shared_credentials_file')?.value ?? join(options.homeDir ?? homedir(), '.aliyun', 'config.json');
  const { credentials, profileRegionId } = await resolveCredentials({
    accessKey: arg('access_key'),
    secretKey: arg('secret_key'),
    securityToken: arg('security_token'),
    profile: arg('profile'),
    credentialsFile,
    // As in the credentials library's default chain, which this fallback mirrors.
    useCurrentProfile: env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED']?.trim().toLowerCase() !== 'true',
    howToConfigure: HOW_TO_CONFIGURE,
  });

  const protocol = parseProtocol(args.protocol);
  const endpoints: Partial<Record<Product, Endpoint>> = {};
  for (const product of ['ecs', 'vpc', 'resourcemanager'] as const) {
    const raw = pick({ name: `endpoints.${product}`, value: args.endpoints?.[product] }, env, ...ALICLOUD_ENV.endpoints[product]);
    if (raw) endpoints[product] = parseEndpoint(raw.value, protocol, `endpoints.${product}`);
  }

  return Object.freeze({
    flavour: ALICLOUD,
    regionId: arg('region')?.value ?? profileRegionId ?? ALICLOUD_DEFAULT_REGION,
    credentials,
    protocol,
    endpoints: Object.freeze(endpoints),
    insecure: false,
    scope: undefined,
    scopeLookup: undefined,
    userAgent: options.userAgent,
    connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
    readTimeoutMs: DEFAULT_READ_TIMEOUT_MS,
  });
}

/** `HTTP` or `HTTPS` (the real provider's validator; we also accept lower case). Default HTTPS. */
function parseProtocol(value: string | null | undefined): Protocol {
  const text = value?.trim();
  if (!text) return 'https';
  const lower = text.toLowerCase();
  if (lower === 'http' || lower === 'https') return lower;
  throw new ConfigError(`protocol must be HTTP or HTTPS, got "${text}"`, { attribute: 'protocol' });
}

/**
 * The `alicloud` provider: its configuration block (the arguments of the real
 * aliyun/alicloud provider that matter for images, with the same environment fallbacks),
 * and `configure`, which resolves that block into official SDK clients and checks the
 * credentials with one cheap signed call, so a missing or wrong key fails `terraform plan`
 * with a message naming the argument, instead of a raw SDK error on the first resource.
 *
 * The resources and data sources come from `registry.ts`.
 *
 * The client layer (and the official SDK behind it, several seconds to load) is imported
 * only in `configure`: terraform starts the provider several times per command, mostly
 * for schemas and validation, and those runs must answer the handshake at once.
 */
import type { AlicloudProviderArgs, CloudClients } from '../client/index.js';
import { validators, type BlockSchema, type ConfigureRequest, type KnownObject, type ProviderDefinition } from '../framework/index.js';
import { configureClients, stringArg } from '../shared/provider-config.js';
import { alicloudDataSources, alicloudResources } from './registry.js';

/** What every alicloud resource handler receives as `client`. */
export type AlicloudClient = CloudClients;

const ENDPOINT_PRODUCTS = ['ecs', 'vpc', 'resourcemanager'] as const;

export const alicloudProviderSchema: BlockSchema = {
  description: 'The Alibaba Cloud provider (alicloud), for ECS images and the resources around them.',
  attributes: {
    access_key: {
      type: 'string',
      optional: true,
      description: 'Access key ID. Environment: ALICLOUD_ACCESS_KEY or ALIBABA_CLOUD_ACCESS_KEY_ID.',
    },
    secret_key: {
      type: 'string',
      optional: true,
      sensitive: true,
      description: 'Access key secret. Environment: ALICLOUD_SECRET_KEY or ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
    },
    security_token: {
      type: 'string',
      optional: true,
      sensitive: true,
      description: 'STS security token. Environment: ALICLOUD_SECURITY_TOKEN or ALIBABA_CLOUD_SECURITY_TOKEN.',
    },
    region: {
      type: 'string',
      optional: true,
      description: 'Region, e.g. cn-hangzhou. Environment: ALICLOUD_REGION or ALIBABA_CLOUD_REGION. Default cn-beijing.',
    },
    profile: {
      type: 'string',
      optional: true,
      description: 'Profile of the shared credentials file (~/.aliyun/config.json). Environment: ALICLOUD_PROFILE.',
    },
    shared_credentials_file: {
      type: 'string',
      optional: true,
      description: 'Path of the shared credentials file. Environment: ALICLOUD_SHARED_CREDENTIALS_FILE.',
    },
    protocol: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(['HTTP', 'HTTPS'], { ignoreCase: true })],
      description: 'HTTP or HTTPS (default) for API calls; an endpoint given as a URL carries its own.',
    },
  },
  blocks: {
    endpoints: {
      nesting: 'set',
      maxItems: 1,
      description:
        'Custom API endpoints (host[:port] or http(s)://host[:port]). Environment: ALIBABA_CLOUD_ENDPOINT_ECS, ' +
        '_VPC, _RESOURCEMANAGER (or ECS_ENDPOINT, VPC_ENDPOINT, RESOURCEMANAGER_ENDPOINT).',
      attributes: Object.fromEntries(
        ENDPOINT_PRODUCTS.map((product) => [product, { type: 'string', optional: true, description: `Endpoint of the ${product} API.` }]),
      ),
    },
  },
};

/** The block as the client layer's resolver takes it. */
export function providerArgs(config: KnownObject): AlicloudProviderArgs {
  const endpointsBlock = Array.isArray(config['endpoints']) ? (config['endpoints'][0] as KnownObject | undefined) : undefined;
  return {
    access_key: stringArg(config, 'access_key'),
    secret_key: stringArg(config, 'secret_key'),
    security_token: stringArg(config, 'security_token'),
    region: stringArg(config, 'region'),
    profile: stringArg(config, 'profile'),
    shared_credentials_file: stringArg(config, 'shared_credentials_file'),
    protocol: stringArg(config, 'protocol'),
    endpoints:
      endpointsBlock === undefined
        ? null
        : Object.fromEntries(ENDPOINT_PRODUCTS.map((product) => [product, stringArg(endpointsBlock, product)])),
  };
}

export async function configureAlicloud(request: ConfigureRequest): Promise<AlicloudClient> {
  const { resolveAlicloudConfig } = await import('../client/configure.js');
  return configureClients(request, { resolve: (userAgent) => resolveAlicloudConfig(providerArgs(request.config), { userAgent }) });
}

export function alicloudProvider(): ProviderDefinition<AlicloudClient> {
  return {
    typeName: 'alicloud',
    schema: alicloudProviderSchema,
    configure: configureAlicloud,
    resources: alicloudResources,
    dataSources: alicloudDataSources,
  };
}

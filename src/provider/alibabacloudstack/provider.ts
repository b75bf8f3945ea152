/**
 * The `alibabacloudstack` (Apsara Stack) provider: the configuration arguments of the real
 * aliyun/alibabacloudstack provider (v3.16) that matter for images, with
 * their `ALIBABACLOUDSTACK_*` environment fallbacks (resolved in
 * `client/alibabacloudstack-config.ts`), and `configure`, which builds the official SDK
 * clients decorated with the tenant scoping every call carries (`client/flavour.ts`:
 * `Department`, `OrganizationId`, `ResourceGroup` query parameters and the `x-acs-*`
 * headers), looks the tenant up through ASCM when only `resource_group_set_name` is given,
 * and makes one cheap signed call so a wrong key or scope fails `terraform plan`.
 *
 * The client layer (and the SDK behind it, seconds to load) is imported only when
 * `configure` runs: terraform starts the provider several times per command for schemas alone.
 *
 * Differences from the reference provider's configuration:
 * - `region` is not Required in the schema: it falls back to ALIBABACLOUDSTACK_REGION, as
 *   SDK v2 presents a Required argument that has a DefaultFunc.
 * - Endpoints may be written as URLs (`http://127.0.0.1:8787`); a path is refused instead of
 *   producing the malformed `http://http://…` URL the reference provider builds from it.
 */
import type { AlibabacloudStackProviderArgs, CloudClients, ConfigError } from '../client/index.js';
import { validators, type BlockSchema, type ConfigureRequest, type KnownObject, type ProviderDefinition } from '../framework/index.js';
import { boolArg, configureClients, stringArg } from '../shared/provider-config.js';
import { ecsImageResource, imageResource } from './image.js';

const ENDPOINT_CODES = ['ecs', 'vpc', 'resourcemanager', 'ascm'] as const;

function text(description: string, extra: Partial<{ sensitive: boolean; deprecated: string }> = {}) {
  return { type: 'string', optional: true, description, ...extra } as const;
}

export const alibabacloudStackProviderSchema: BlockSchema = {
  description: 'The Apsara Stack provider (alibabacloudstack), for ECS images.',
  attributes: {
    access_key: text('Access key ID. Environment: ALIBABACLOUDSTACK_ACCESS_KEY.'),
    secret_key: text('Access key secret. Environment: ALIBABACLOUDSTACK_SECRET_KEY.', { sensitive: true }),
    security_token: text('STS security token. Environment: ALIBABACLOUDSTACK_SECURITY_TOKEN, then SECURITY_TOKEN.', { sensitive: true }),
    region: text('Region of the Apsara Stack cloud. Environment: ALIBABACLOUDSTACK_REGION. Required (argument or environment).'),
    protocol: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(['HTTP', 'HTTPS'])],
      description: 'HTTP (default) or HTTPS, case-sensitive. Environment: ALIBABACLOUDSTACK_PROTOCOL.',
    },
    insecure: { type: 'bool', optional: true, description: 'Skip TLS certificate verification. Environment: ALIBABACLOUDSTACK_INSECURE.' },
    proxy: text('HTTP and HTTPS proxy URL. Environment: ALIBABACLOUDSTACK_PROXY.'),
    popgw_domain: text('POP gateway domain: endpoints become ecs-internal.<domain>, ascm.<domain>. Environment: ALIBABACLOUDSTACK_POPGW_DOMAIN.'),
    is_center_region: {
      type: 'bool',
      optional: true,
      description: 'Center region (default true) or not (endpoints get the region: ecs-internal.<region>.<domain>). Environment: ALIBABACLOUDSTACK_CENTER_REGION.',
    },
    force_use_asapi: { type: 'bool', optional: true, description: 'Ignore popgw_domain and use domain.' },
    domain: text('Legacy ASAPI gateway host: every product endpoint becomes this. Environment: ALIBABACLOUDSTACK_DOMAIN.', {
      deprecated: 'ASAPI will no longer provide external services by default on apsarastack v3.18.1; use popgw_domain or endpoints.',
    }),
    ascm_openapi_endpoint: text('ASCM endpoint override. Environment: APSARASTACK_ASCM_OPENAPI_ENDPOINT.', {
      deprecated: 'Use endpoints { ascm = "…" } instead.',
    }),
    department: text('Organization (department) id sent on every call. Environment: ALIBABACLOUDSTACK_DEPARTMENT.'),
    resource_group: text('Resource set id sent on every call. Environment: ALIBABACLOUDSTACK_RESOURCE_GROUP.'),
    resource_group_set_name: text(
      'Resource set name: department and resource_group are looked up through ASCM when either is unset. Environment: ALIBABACLOUDSTACK_RESOURCE_GROUP_SET.',
    ),
    organization_accesskey: text('Organization access key id; with organization_secretkey it replaces access_key/secret_key.', {
      deprecated: 'Use access_key instead.',
    }),
    organization_secretkey: text('Organization access key secret.', { sensitive: true, deprecated: 'Use secret_key instead.' }),
    profile: text('Profile of ~/.alibabacloudstack/config.json. Environment: ALIBABACLOUDSTACK_PROFILE.'),
    shared_credentials_file: text('Path of the shared credentials file. Environment: ALIBABACLOUDSTACK_SHARED_CREDENTIALS_FILE.'),
  },
  blocks: {
    endpoints: {
      nesting: 'set',
      maxItems: 1,
      description: 'Per-product endpoints (host[:port], or a URL whose scheme wins over protocol).',
      attributes: Object.fromEntries(ENDPOINT_CODES.map((code) => [code, text(`Endpoint of the ${code} API.`)])),
    },
  },
};

/** The provider block as the client layer's resolver takes it. */
export function providerArgs(config: KnownObject): AlibabacloudStackProviderArgs {
  const endpoints = Array.isArray(config['endpoints']) ? (config['endpoints'][0] as KnownObject | undefined) : undefined;
  const strings = [
    'access_key', 'secret_key', 'security_token', 'region', 'protocol', 'proxy', 'popgw_domain', 'domain',
    'ascm_openapi_endpoint', 'department', 'resource_group', 'resource_group_set_name', 'organization_accesskey',
    'organization_secretkey', 'profile', 'shared_credentials_file',
  ] as const;
  return {
    ...Object.fromEntries(strings.map((name) => [name, stringArg(config, name)])),
    insecure: boolArg(config, 'insecure'),
    is_center_region: boolArg(config, 'is_center_region'),
    force_use_asapi: boolArg(config, 'force_use_asapi'),
    endpoints: endpoints === undefined ? null : Object.fromEntries(ENDPOINT_CODES.map((code) => [code, stringArg(endpoints, code)])),
  };
}

export async function configureAlibabacloudStack(request: ConfigureRequest): Promise<CloudClients> {
  const { resolveAlibabacloudStackConfig, ConfigError: ConfigErrorClass, hasCode } = await import('../client/configure.js');
  return configureClients(request, {
    resolve: (userAgent) => resolveAlibabacloudStackConfig(providerArgs(request.config), { userAgent }),
    // The cloud refused the tenant scope on the credentials check: point at the argument to fix.
    explain: (error: ConfigError) =>
      hasCode(error.cause, 'InvalidResourceGroup.NotFound')
        ? new ConfigErrorClass(`the resource set (resource_group) is not one of the organization's: ${(error.cause as Error).message}`, {
            attribute: 'resource_group',
            detail: 'Check resource_group and department (or ALIBABACLOUDSTACK_RESOURCE_GROUP / ALIBABACLOUDSTACK_DEPARTMENT).',
            cause: error.cause,
          })
        : undefined,
    facts: (clients) => ({ department: clients.scope?.department, resource_group: clients.scope?.resourceGroup }),
  });
}

export function alibabacloudStackProvider(): ProviderDefinition<CloudClients> {
  return {
    typeName: 'alibabacloudstack',
    schema: alibabacloudStackProviderSchema,
    configure: configureAlibabacloudStack,
    resources: [imageResource, ecsImageResource],
  };
}

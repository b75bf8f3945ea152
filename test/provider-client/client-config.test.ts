/**
 * Provider configuration of both flavours: arguments, environment fallbacks, profiles,
 * endpoints and the errors a user sees at plan time. Every case passes its own `env` and
 * home directory, so nothing depends on the machine running the tests.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  resolveAlicloudConfig,
  resolveAlibabacloudStackConfig,
  ConfigError,
  decorate,
  ALIBABACLOUDSTACK,
  ALICLOUD,
  type AlicloudProviderArgs,
  type AlibabacloudStackProviderArgs,
  type ClientConfig,
} from '../../src/provider/client/index.js';

let home: string;
let emptyHome: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'client-config-'));
  emptyHome = await mkdtemp(join(tmpdir(), 'client-config-empty-'));
  await mkdir(join(home, '.aliyun'));
  await writeFile(
    join(home, '.aliyun', 'config.json'),
    JSON.stringify({
      current: 'main',
      profiles: [
        { name: 'main', mode: 'AK', access_key_id: 'main-id', access_key_secret: 'main-secret', region_id: 'cn-shanghai' },
        { name: 'sts', mode: 'StsToken', access_key_id: 'sts-id', access_key_secret: 'sts-secret', sts_token: 'tok', region_id: '' },
        { name: 'role', mode: 'RamRoleArn', access_key_id: 'x', access_key_secret: 'y', ram_role_arn: 'acs:ram::1:role/r' },
      ],
    }),
  );
  await mkdir(join(home, '.alibabacloudstack'));
  await writeFile(
    join(home, '.alibabacloudstack', 'config.json'),
    JSON.stringify({ profiles: [{ name: 'stack', mode: 'AK', access_key_id: 'stack-id', access_key_secret: 'stack-secret', region_id: 'cn-stack-1' }] }),
  );
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(emptyHome, { recursive: true, force: true });
});

interface AlicloudCase {
  readonly name: string;
  readonly args?: AlicloudProviderArgs;
  readonly env?: Record<string, string>;
  readonly useProfiles?: boolean;
  readonly want: {
    readonly accessKeyId?: string;
    readonly secret?: string;
    readonly token?: string | undefined;
    readonly region?: string;
    readonly protocol?: 'http' | 'https';
    readonly ecs?: { host: string; protocol: 'http' | 'https' } | undefined;
    readonly source?: RegExp;
  };
}

const ALICLOUD_CASES: readonly AlicloudCase[] = [
  {
    name: 'provider arguments',
    args: { access_key: 'a', secret_key: 's', region: 'cn-hangzhou' },
    want: { accessKeyId: 'a', secret: 's', token: undefined, region: 'cn-hangzhou', protocol: 'https', ecs: undefined, source: /provider argument "access_key"/ },
  },
  {
    name: 'ALICLOUD_* environment',
    env: { ALICLOUD_ACCESS_KEY: 'ea', ALICLOUD_SECRET_KEY: 'es', ALICLOUD_SECURITY_TOKEN: 'et', ALICLOUD_REGION: 'cn-qingdao' },
    want: { accessKeyId: 'ea', secret: 'es', token: 'et', region: 'cn-qingdao', source: /environment variable ALICLOUD_ACCESS_KEY/ },
  },
  {
    name: 'ALIBABA_CLOUD_* environment',
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'ba',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'bs',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'bt',
      ALIBABA_CLOUD_REGION: 'cn-shenzhen',
    },
    want: { accessKeyId: 'ba', secret: 'bs', token: 'bt', region: 'cn-shenzhen', source: /ALIBABA_CLOUD_ACCESS_KEY_ID/ },
  },
  {
    name: 'ALICLOUD_* wins over ALIBABA_CLOUD_*',
    env: { ALICLOUD_ACCESS_KEY: 'ea', ALIBABA_CLOUD_ACCESS_KEY_ID: 'ba', ALICLOUD_SECRET_KEY: 'es', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'bs' },
    want: { accessKeyId: 'ea', secret: 'es' },
  },
  {
    name: 'arguments win over the environment; blank arguments fall through',
    args: { access_key: 'arg', secret_key: '  ', region: '' },
    env: { ALICLOUD_ACCESS_KEY: 'env', ALICLOUD_SECRET_KEY: 'env-secret', ALIBABA_CLOUD_REGION: 'cn-chengdu' },
    want: { accessKeyId: 'arg', secret: 'env-secret', region: 'cn-chengdu' },
  },
  { name: 'region defaults to cn-beijing', args: { access_key: 'a', secret_key: 's' }, want: { region: 'cn-beijing' } },
  {
    name: 'protocol HTTP and an endpoint from the endpoints block',
    args: { access_key: 'a', secret_key: 's', protocol: 'HTTP', endpoints: { ecs: '127.0.0.1:8787' } },
    want: { protocol: 'http', ecs: { host: '127.0.0.1:8787', protocol: 'http' } },
  },
  {
    name: 'the printed URL of the local cloud as endpoint decides its protocol',
    args: { access_key: 'a', secret_key: 's', endpoints: { ecs: 'http://127.0.0.1:8787/' } },
    want: { protocol: 'https', ecs: { host: '127.0.0.1:8787', protocol: 'http' } },
  },
  {
    name: 'ALIBABA_CLOUD_ENDPOINT_ECS, then ECS_ENDPOINT',
    args: { access_key: 'a', secret_key: 's' },
    env: { ALIBABA_CLOUD_ENDPOINT_ECS: 'ecs.example:1', ECS_ENDPOINT: 'old.example:2' },
    want: { ecs: { host: 'ecs.example:1', protocol: 'https' } },
  },
  {
    name: 'ECS_ENDPOINT alone',
    args: { access_key: 'a', secret_key: 's' },
    env: { ECS_ENDPOINT: 'old.example:2' },
    want: { ecs: { host: 'old.example:2', protocol: 'https' } },
  },
  {
    name: 'the current profile of ~/.aliyun/config.json when nothing else is given',
    useProfiles: true,
    want: { accessKeyId: 'main-id', secret: 'main-secret', region: 'cn-shanghai', source: /profile "main" in .*config\.json/ },
  },
  {
    name: 'a profile named by ALIBABA_CLOUD_PROFILE (StsToken mode)',
    useProfiles: true,
    env: { ALIBABA_CLOUD_PROFILE: 'sts', ALICLOUD_REGION: 'cn-wulanchabu' },
    want: { accessKeyId: 'sts-id', secret: 'sts-secret', token: 'tok', region: 'cn-wulanchabu' },
  },
  {
    name: 'shared_credentials_file names another file of the same layout',
    args: { profile: 'stack', shared_credentials_file: '~placeholder~' },
    useProfiles: true,
    want: { accessKeyId: 'stack-id', region: 'cn-stack-1', source: /profile "stack" in .*\.alibabacloudstack/ },
  },
  {
    name: 'keys in the environment win over the profile',
    useProfiles: true,
    args: { profile: 'sts' },
    env: { ALICLOUD_ACCESS_KEY: 'ea', ALICLOUD_SECRET_KEY: 'es' },
    want: { accessKeyId: 'ea', token: undefined, region: 'cn-beijing' },
  },
];

describe('alicloud configuration', () => {
  it.each(ALICLOUD_CASES)('$name', async (c) => {
    const args = c.args?.shared_credentials_file ? { ...c.args, shared_credentials_file: join(home, '.alibabacloudstack', 'config.json') } : c.args;
    const config = await resolveAlicloudConfig(args ?? {}, { env: c.env ?? {}, homeDir: c.useProfiles ? home : emptyHome });
    expect(config.flavour).toBe(ALICLOUD);
    const { want } = c;
    if (want.accessKeyId !== undefined) expect(config.credentials.accessKeyId).toBe(want.accessKeyId);
    if (want.secret !== undefined) expect(config.credentials.accessKeySecret).toBe(want.secret);
    if ('token' in want) expect(config.credentials.securityToken).toBe(want.token);
    if (want.region !== undefined) expect(config.regionId).toBe(want.region);
    if (want.protocol !== undefined) expect(config.protocol).toBe(want.protocol);
    if ('ecs' in want) expect(config.endpoints.ecs).toEqual(want.ecs);
    if (want.source) expect(config.credentials.source).toMatch(want.source);
    expect(Object.isFrozen(config)).toBe(true);
  });

  const ERRORS: ReadonlyArray<{ name: string; args?: AlicloudProviderArgs; env?: Record<string, string>; useProfiles?: boolean; attribute: string; message: RegExp; detail?: RegExp }> = [
    {
      name: 'no credentials anywhere',
      attribute: 'access_key',
      message: /^no credentials: access_key and secret_key are not set$/,
      detail: /ALICLOUD_ACCESS_KEY.*ALIBABA_CLOUD_ACCESS_KEY_ID/,
    },
    {
      name: 'the current profile is not used when ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true',
      useProfiles: true,
      env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'TRUE' },
      attribute: 'access_key',
      message: /^no credentials/,
    },
    {
      name: 'an access key without its secret',
      env: { ALICLOUD_ACCESS_KEY: 'ea' },
      attribute: 'secret_key',
      message: /secret_key is not set, but access_key is \(from environment variable ALICLOUD_ACCESS_KEY\)/,
    },
    {
      name: 'a secret without its access key',
      args: { secret_key: 's' },
      attribute: 'access_key',
      message: /access_key is not set, but secret_key is/,
    },
    { name: 'an unknown profile', useProfiles: true, args: { profile: 'nope' }, attribute: 'profile', message: /profile "nope" not found in .*config\.json/, detail: /main, sts, role/ },
    { name: 'a named profile without a credentials file', args: { profile: 'main' }, attribute: 'profile', message: /cannot read the credentials file/ },
    { name: 'an unsupported profile mode', useProfiles: true, args: { profile: 'role' }, attribute: 'profile', message: /uses mode RamRoleArn/ },
    { name: 'a bad protocol', args: { access_key: 'a', secret_key: 's', protocol: 'FTP' }, attribute: 'protocol', message: /protocol must be HTTP or HTTPS, got "FTP"/ },
    {
      name: 'an endpoint with a path',
      args: { access_key: 'a', secret_key: 's', endpoints: { vpc: 'gw.example/asapi/v3' } },
      attribute: 'endpoints.vpc',
      message: /has a path/,
    },
    {
      name: 'an endpoint with another scheme',
      args: { access_key: 'a', secret_key: 's', endpoints: { ecs: 'ftp://x' } },
      attribute: 'endpoints.ecs',
      message: /invalid endpoint "ftp:\/\/x"/,
    },
  ];

  it.each(ERRORS)('error: $name', async (c) => {
    const failure = await resolveAlicloudConfig(c.args ?? {}, { env: c.env ?? {}, homeDir: c.useProfiles ? home : emptyHome }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ConfigError);
    const err = failure as ConfigError;
    expect(err.attribute).toBe(c.attribute);
    expect(err.message).toMatch(c.message);
    if (c.detail) expect(err.detail).toMatch(c.detail);
  });
});

const STACK_BASE: AlibabacloudStackProviderArgs = {
  access_key: 'k',
  secret_key: 's',
  region: 'cn-stack-1',
  department: '27',
  resource_group: '45',
  endpoints: { ecs: 'ecs.stack.local' },
};

describe('alibabacloudstack configuration', () => {
  const resolve = (args: AlibabacloudStackProviderArgs, env: Record<string, string> = {}, homeDir = emptyHome): Promise<ClientConfig> =>
    resolveAlibabacloudStackConfig(args, { env, homeDir });

  it('reads every argument from its ALIBABACLOUDSTACK_* variable', async () => {
    const config = await resolve(
      {},
      {
        ALIBABACLOUDSTACK_ACCESS_KEY: 'ek',
        ALIBABACLOUDSTACK_SECRET_KEY: 'es',
        ALIBABACLOUDSTACK_SECURITY_TOKEN: 'et',
        ALIBABACLOUDSTACK_REGION: 'cn-stack-2',
        ALIBABACLOUDSTACK_PROTOCOL: 'HTTPS',
        ALIBABACLOUDSTACK_INSECURE: 'true',
        ALIBABACLOUDSTACK_POPGW_DOMAIN: 'stack.local',
        ALIBABACLOUDSTACK_DEPARTMENT: '11',
        ALIBABACLOUDSTACK_RESOURCE_GROUP: '22',
      },
    );
    expect(config.flavour).toBe(ALIBABACLOUDSTACK);
    expect(config.credentials).toMatchObject({ accessKeyId: 'ek', accessKeySecret: 'es', securityToken: 'et' });
    expect(config.regionId).toBe('cn-stack-2');
    expect(config.protocol).toBe('https');
    expect(config.insecure).toBe(true);
    expect(config.endpoints.ecs).toEqual({ host: 'ecs-internal.stack.local', protocol: 'https' });
    expect(config.scope).toEqual({ department: '11', resourceGroup: '22' });
    expect(config.scopeLookup).toBeUndefined();
  });

  it('defaults protocol to HTTP and insecure to false', async () => {
    const config = await resolve(STACK_BASE);
    expect(config.protocol).toBe('http');
    expect(config.insecure).toBe(false);
    expect(config.endpoints.ecs).toEqual({ host: 'ecs.stack.local', protocol: 'http' });
  });

  it.each([
    { name: 'center region', args: { popgw_domain: 'pop.local' }, ecs: 'ecs-internal.pop.local' },
    { name: 'non-center region', args: { popgw_domain: 'pop.local', is_center_region: false }, ecs: 'ecs-internal.cn-stack-1.pop.local' },
    { name: 'legacy domain', args: { domain: 'asapi.local' }, ecs: 'asapi.local' },
    { name: 'popgw_domain wins over domain', args: { domain: 'asapi.local', popgw_domain: 'pop.local' }, ecs: 'ecs-internal.pop.local' },
    { name: 'force_use_asapi keeps domain', args: { domain: 'asapi.local', popgw_domain: 'pop.local', force_use_asapi: true }, ecs: 'asapi.local' },
    { name: 'endpoints.ecs wins over both', args: { domain: 'asapi.local', popgw_domain: 'pop.local', endpoints: { ecs: 'mine.local:9' } }, ecs: 'mine.local:9' },
  ])('ECS endpoint: $name', async ({ args, ecs }) => {
    const config = await resolve({ ...STACK_BASE, endpoints: undefined, ...args });
    expect(config.endpoints.ecs?.host).toBe(ecs);
  });

  it('uses the organization keys when both are given, and SECURITY_TOKEN as the last token fallback', async () => {
    const config = await resolve({ ...STACK_BASE, organization_accesskey: 'ok', organization_secretkey: 'os' }, { SECURITY_TOKEN: 'legacy' });
    expect(config.credentials).toMatchObject({ accessKeyId: 'ok', accessKeySecret: 'os', securityToken: 'legacy' });
  });

  it('takes credentials and region from a named profile of ~/.alibabacloudstack/config.json', async () => {
    const config = await resolve({ ...STACK_BASE, access_key: null, secret_key: null, region: null }, { ALIBABACLOUDSTACK_PROFILE: 'stack' }, home);
    expect(config.credentials).toMatchObject({ accessKeyId: 'stack-id', accessKeySecret: 'stack-secret' });
    expect(config.regionId).toBe('cn-stack-1');
  });

  it('plans an ASCM lookup when only resource_group_set_name is given', async () => {
    const config = await resolve(
      { ...STACK_BASE, department: null, resource_group: undefined, popgw_domain: 'pop.local' },
      { ALIBABACLOUDSTACK_RESOURCE_GROUP_SET: 'my-set' },
    );
    expect(config.scope).toBeUndefined();
    expect(config.scopeLookup).toEqual({ resourceGroupSetName: 'my-set', ascm: { host: 'ascm.pop.local', protocol: 'http' } });
  });

  it('ascm_openapi_endpoint (APSARASTACK_ASCM_OPENAPI_ENDPOINT) overrides the ASCM endpoint last', async () => {
    const config = await resolve(
      { ...STACK_BASE, department: null, resource_group_set_name: 'set', popgw_domain: 'pop.local', endpoints: { ecs: 'e.local', ascm: 'a.local' } },
      { APSARASTACK_ASCM_OPENAPI_ENDPOINT: 'legacy-ascm.local:81' },
    );
    expect(config.scopeLookup?.ascm).toEqual({ host: 'legacy-ascm.local:81', protocol: 'http' });
  });

  const ERRORS: ReadonlyArray<{ name: string; args: AlibabacloudStackProviderArgs; env?: Record<string, string>; attribute: string; message: RegExp }> = [
    { name: 'no region', args: { ...STACK_BASE, region: null }, attribute: 'region', message: /^region is required$/ },
    { name: 'no ECS endpoint', args: { ...STACK_BASE, endpoints: null }, attribute: 'endpoints', message: /endpoint or domain is not provided/ },
    { name: 'lower-case protocol (upstream validates case-sensitively)', args: { ...STACK_BASE, protocol: 'https' }, attribute: 'protocol', message: /got "https"/ },
    {
      name: 'neither department/resource_group nor a resource set',
      args: { ...STACK_BASE, department: null, resource_group: null },
      attribute: 'department',
      message: /department and resource_group are not set/,
    },
    {
      name: 'a resource set without an ASCM endpoint',
      args: { ...STACK_BASE, resource_group: null, resource_group_set_name: 'set' },
      attribute: 'resource_group_set_name',
      message: /needs the ASCM endpoint/,
    },
    { name: 'domain with proxy', args: { ...STACK_BASE, domain: 'asapi.local', proxy: 'http://p:1' }, attribute: 'domain', message: /domain cannot be used together with proxy/ },
    {
      name: 'a proxy (the TS SDK transport cannot use one)',
      args: STACK_BASE,
      env: { ALIBABACLOUDSTACK_PROXY: 'http://proxy.local:3128' },
      attribute: 'proxy',
      message: /proxy is not supported by this provider/,
    },
    { name: 'a non-boolean ALIBABACLOUDSTACK_INSECURE', args: STACK_BASE, env: { ALIBABACLOUDSTACK_INSECURE: 'maybe' }, attribute: 'insecure', message: /"maybe" is not a boolean/ },
    { name: 'no credentials', args: { ...STACK_BASE, access_key: null, secret_key: null }, attribute: 'access_key', message: /no credentials/ },
  ];

  it.each(ERRORS)('error: $name', async (c) => {
    const failure = await resolve(c.args, c.env).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).attribute).toBe(c.attribute);
    expect((failure as ConfigError).message).toMatch(c.message);
  });
});

describe('request decoration', () => {
  it('is empty for alicloud', () => {
    expect(decorate(ALICLOUD, { product: 'ecs', regionId: 'cn-hangzhou', scope: undefined })).toEqual({ headers: {}, queries: {} });
  });

  it('carries the Apsara Stack scope in query parameters and headers, with the product name', () => {
    const { headers, queries } = decorate(ALIBABACLOUDSTACK, { product: 'vpc', regionId: 'cn-stack-1', scope: { department: '27', resourceGroup: '45' } });
    expect(queries).toEqual({ Department: '27', OrganizationId: '27', ResourceGroup: '45' });
    expect(headers).toEqual({
      RegionId: 'cn-stack-1',
      'x-acs-regionid': 'cn-stack-1',
      'x-acs-organizationid': '27',
      'x-acs-resourcegroupid': '45',
      'x-acs-request-version': 'v1',
      'x-acs-asapi-product': 'Vpc',
      'x-ascm-product-name': 'Vpc',
    });
  });

  it('refuses to decorate without a scope (a provider bug, not a silent empty header)', () => {
    expect(() => decorate(ALIBABACLOUDSTACK, { product: 'ecs', regionId: 'r', scope: undefined })).toThrow(/provider bug/);
  });
});

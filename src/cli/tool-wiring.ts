/**
 * The environment for tools that are not our providers (ecs-api-more.md §8):
 *
 * - proxy mode, for tools with no endpoint option (Packer 1.6's `alicloud-ecs`
 *   builder, aliyungo, older Go SDKs): `HTTP_PROXY` points at the cloud, which
 *   serves requests for `*.aliyuncs.com` as if they were sent to it and refuses
 *   every other host. `HTTPS_PROXY` points there too, so the HTTPS location
 *   look-up the Go SDK makes before each call is refused at once (it then uses
 *   its built-in endpoint table over HTTP) instead of timing out offline; aliyungo is
 *   given plain-HTTP endpoints and told to skip its location look-up.
 * - the registry's `aliyun/alicloud` provider, unmodified: credentials, region
 *   and the endpoint variables it reads per product (`ALIBABA_CLOUD_ENDPOINT_<PRODUCT>`,
 *   a bare host:port). It has no variable for the scheme: its `protocol`
 *   argument must say `HTTP` in the provider block, which the printed comment says.
 */
import { hostOf, type CloudTarget } from './terraform-wiring.js';

/** What Packer, aliyungo and the registry provider read for the access key and region. */
function credentials(target: CloudTarget): Record<string, string> {
  return {
    ALICLOUD_ACCESS_KEY: target.accessKeyId,
    ALICLOUD_SECRET_KEY: target.accessKeySecret,
    ALICLOUD_REGION: target.regionId,
    ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.accessKeySecret,
    ALIBABA_CLOUD_REGION_ID: target.regionId,
  };
}

/** Hosts that never go through the cloud: the machine itself (Go sends loopback through HTTP_PROXY otherwise). */
export const NO_PROXY_HOSTS = 'localhost,127.0.0.1,::1';

export function proxyEnv(target: CloudTarget): Record<string, string> {
  const { host, protocol } = hostOf(target.url);
  if (protocol !== 'HTTP') throw new Error(`proxy mode needs the cloud's plain-HTTP URL (http://host:port), got "${target.url}"`);
  const proxy = `http://${host}`;
  return {
    ...credentials(target),
    HTTP_PROXY: proxy,
    http_proxy: proxy,
    HTTPS_PROXY: proxy,
    https_proxy: proxy,
    NO_PROXY: NO_PROXY_HOSTS,
    no_proxy: NO_PROXY_HOSTS,
    // aliyungo defaults to https:// endpoints and looks each one up in the HTTPS location
    // service: plain-HTTP API hosts (which the proxy serves) and no look-up instead.
    ECS_ENDPOINT: 'http://ecs-cn-hangzhou.aliyuncs.com',
    VPC_ENDPOINT: 'http://vpc.aliyuncs.com',
    CUSTOMIZED_ENDPOINT: 'true',
    CHECKPOINT_DISABLE: '1',
  };
}

/** The products whose endpoint the registry provider takes from `ALIBABA_CLOUD_ENDPOINT_<PRODUCT>`, served here. */
export const REGISTRY_ENDPOINT_PRODUCTS: readonly string[] = Object.freeze(['ECS', 'VPC', 'RESOURCEMANAGER']);

export function registryProviderEnv(target: CloudTarget): Record<string, string> {
  const { host } = hostOf(target.url);
  return {
    ...credentials(target),
    ...Object.fromEntries(REGISTRY_ENDPOINT_PRODUCTS.map((product) => [`ALIBABA_CLOUD_ENDPOINT_${product}`, host])),
    CHECKPOINT_DISABLE: '1',
  };
}

/** Printed after the registry provider's variables: the one setting it takes only from the configuration. */
export const REGISTRY_PROVIDER_NOTE = [
  '# The registry provider reads no variable for the scheme: give it plain HTTP in the configuration:',
  '#   provider "alicloud" { protocol = "HTTP" }',
].join('\n');

/** Printed after the proxy variables. */
export const PROXY_NOTE = [
  '# Proxy mode: only *.aliyuncs.com is served through HTTP_PROXY; any other host is refused (403),',
  '# and HTTPS tunnels (CONNECT) are refused at once so Go SDKs fall back to plain-HTTP endpoints.',
].join('\n');

/**
 * How an unmodified `terraform` is pointed at our providers and at a cloud endpoint: the CLI
 * configuration text (dev_overrides for every provider address we serve) and the environment
 * variables both terraform and the provider read. Pure functions: the caller writes the file
 * and merges the environment (`ecs-image env`, the test harness).
 *
 * Why dev_overrides: plan and apply work without `terraform init` and without a lock-file
 * hash, so a rebuilt provider is picked up at once.
 * `direct {}` keeps every other provider (random, null, …) installable from the registry.
 *
 * Why environment variables rather than a provider block: the same configuration then runs
 * unchanged against the real cloud. The alicloud provider takes a custom endpoint per product
 * from `ALIBABA_CLOUD_ENDPOINT_<PRODUCT>` (a URL with a scheme decides the protocol, see
 * `provider/client/endpoint.ts`); the Apsara Stack provider from `ALIBABACLOUDSTACK_DOMAIN`.
 */

/** The provider addresses our executables answer for, and the executable's TYPE for each. */
export const PROVIDER_ADDRESSES: readonly string[] = Object.freeze([
  'aliyun/alicloud',
  'hashicorp/alicloud',
  'aliyun/alibabacloudstack',
]);

export interface CloudTarget {
  /** The cloud's base URL, `http://127.0.0.1:8787` (a bare `host:port` means HTTPS to the providers). */
  readonly url: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly regionId: string;
  readonly securityToken?: string | undefined;
}

export interface TerraformWiring {
  /** Directory holding `terraform-provider-alicloud` and `terraform-provider-alibabacloudstack` (the repo's `bin/`). */
  readonly providerDir: string;
  /** Where the caller will write `cliConfigText(...)`; it becomes TF_CLI_CONFIG_FILE. */
  readonly cliConfigPath: string;
  readonly cloud: CloudTarget;
}

function hclString(value: string): string {
  return JSON.stringify(value);
}

/**
 * The CLI configuration: dev_overrides first (terraform requires it), then `direct {}`.
 * Terraform expands `$NAME` / `${NAME}` in this file from the environment with no escape,
 * so a directory containing `$` cannot be written here and is refused.
 */
export function cliConfigText(providerDir: string): string {
  if (providerDir.includes('$')) {
    throw new Error(
      `the provider directory "${providerDir}" contains "$", which terraform's CLI configuration expands as an environment variable; use a path without "$" (a symlink will do)`,
    );
  }
  const overrides = PROVIDER_ADDRESSES.map((address) => `    ${hclString(address)} = ${hclString(providerDir)}`).join('\n');
  return ['provider_installation {', '  dev_overrides {', overrides, '  }', '  direct {}', '}', ''].join('\n');
}

export function hostOf(url: string): { readonly host: string; readonly protocol: 'HTTP' | 'HTTPS' } {
  const match = /^(?:(https?):\/\/)?([^/?#]+)\/?$/i.exec(url.trim());
  if (!match?.[2]) throw new Error(`cloud url "${url}" is not http(s)://host[:port]`);
  return { host: match[2], protocol: match[1]?.toLowerCase() === 'http' ? 'HTTP' : 'HTTPS' };
}

/**
 * Environment variables to add to the caller's environment. Every value is a string; none
 * is secret-free (the access key pair is included), so callers must not log the map.
 */
export function terraformEnv(wiring: TerraformWiring): Record<string, string> {
  const { cloud } = wiring;
  const { host, protocol } = hostOf(cloud.url);
  const url = `${protocol.toLowerCase()}://${host}`;
  const env: Record<string, string> = {
    TF_CLI_CONFIG_FILE: wiring.cliConfigPath,
    CHECKPOINT_DISABLE: '1',
    // alicloud flavour
    ALICLOUD_ACCESS_KEY: cloud.accessKeyId,
    ALICLOUD_SECRET_KEY: cloud.accessKeySecret,
    ALICLOUD_REGION: cloud.regionId,
    ALIBABA_CLOUD_ENDPOINT_ECS: url,
    ALIBABA_CLOUD_ENDPOINT_VPC: url,
    ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER: url,
    // Apsara Stack flavour: one gateway host for every product
    ALIBABACLOUDSTACK_ACCESS_KEY: cloud.accessKeyId,
    ALIBABACLOUDSTACK_SECRET_KEY: cloud.accessKeySecret,
    ALIBABACLOUDSTACK_REGION: cloud.regionId,
    ALIBABACLOUDSTACK_DOMAIN: host,
    ALIBABACLOUDSTACK_PROTOCOL: protocol,
  };
  if (cloud.securityToken) {
    env['ALICLOUD_SECURITY_TOKEN'] = cloud.securityToken;
    env['ALIBABACLOUDSTACK_SECURITY_TOKEN'] = cloud.securityToken;
  }
  return env;
}

/**
 * `ecs-image env`: shell commands that point an unmodified `terraform` at our provider
 * executables (a CLI config file with dev_overrides, written into the data directory) and at
 * a local cloud (endpoints, credentials, region). After
 *
 *   eval "$(npx ecs-image env)"
 *
 * a configuration with no provider block, or one naming no credentials or endpoints, plans
 * and applies against the local cloud with no `terraform init` and no network. The cloud is
 * the one `ecs-image serve` runs on the same data directory (found through
 * `<data>/server.json`), or the one named with --endpoint and an access key pair.
 * `--unset` prints the commands that undo it. `--proxy` prints instead what tools with no
 * endpoint option need (proxy mode), and `--provider registry` what the registry's own
 * `aliyun/alicloud` needs, with no dev_overrides (tool-wiring.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_DATA_DIR, DEFAULT_SETTINGS } from '../cloud/server.js';
import { ALIBABACLOUDSTACK_ENV } from '../provider/client/alibabacloudstack-config.js';
import { ALICLOUD_ENV } from '../provider/client/alicloud-config.js';
import { packagePath } from '../package-root.js';
import { findRunningServer } from './server-file.js';
import { SHELLS, renderShell, usageHint, type Shell } from './shell-exports.js';
import { cliConfigText, terraformEnv, type CloudTarget } from './terraform-wiring.js';
import { PROXY_NOTE, REGISTRY_PROVIDER_NOTE, proxyEnv, registryProviderEnv } from './tool-wiring.js';

/** The CLI configuration file `env` writes into the data directory. */
export const CLI_CONFIG_FILE_NAME = 'terraform.tfrc';

export interface EnvTargetOptions {
  /** Data directory of a running `ecs-image serve` (used unless endpoint and both keys are given). */
  readonly data: string;
  readonly endpoint?: string | undefined;
  readonly accessKeyId?: string | undefined;
  readonly accessKeySecret?: string | undefined;
  readonly region?: string | undefined;
}

/** Which tools the variables are for: our providers (dev_overrides), the registry's provider, or proxy mode. */
export const PROVIDER_MODES = ['ours', 'registry'] as const;
export type ProviderMode = (typeof PROVIDER_MODES)[number];

interface EnvCommandOptions extends EnvTargetOptions {
  readonly shell: Shell;
  readonly unset?: boolean;
  readonly proxy?: boolean;
  readonly provider: ProviderMode;
}

/** The `bin/` directory holding `terraform-provider-alicloud` and `terraform-provider-alibabacloudstack`. */
export function providerDirectory(): string {
  return packagePath('bin');
}

/** The cloud to point at: the flags when they name one completely, else the running server, flags overriding it. */
export function resolveTarget(options: EnvTargetOptions): CloudTarget {
  if ((options.accessKeyId === undefined) !== (options.accessKeySecret === undefined)) {
    throw new Error('--access-key-id and --access-key-secret go together');
  }
  if (options.endpoint !== undefined && options.accessKeyId !== undefined && options.accessKeySecret !== undefined) {
    return {
      url: options.endpoint,
      accessKeyId: options.accessKeyId,
      accessKeySecret: options.accessKeySecret,
      regionId: options.region ?? DEFAULT_SETTINGS.defaultRegionId,
    };
  }
  const dataDir = resolve(options.data);
  const lookup = findRunningServer(dataDir);
  if (!lookup.found) {
    throw new Error(
      `no local cloud is running on the data directory ${dataDir} (${lookup.reason}). ` +
        `Start one with \`npm start\` (or \`npx ecs-image serve --data ${options.data}\`), ` +
        'or name a cloud with --endpoint, --access-key-id and --access-key-secret.',
    );
  }
  const { info } = lookup;
  return {
    url: options.endpoint ?? info.endpoint,
    accessKeyId: options.accessKeyId ?? info.accessKeyId,
    accessKeySecret: options.accessKeySecret ?? info.accessKeySecret,
    regionId: options.region ?? info.regionId,
  };
}

/** The Apsara Stack tenant variables, besides what `terraformEnv` sets. */
export const APSARA_SCOPE_VARIABLES: readonly string[] = Object.freeze([
  ALIBABACLOUDSTACK_ENV.department[0],
  ALIBABACLOUDSTACK_ENV.resource_group[0],
]);

/**
 * Writes `<dataDir>/terraform.tfrc` (dev_overrides for every provider address we serve) and
 * returns the variables to export, including the Apsara Stack tenant the alibabacloudstack
 * provider needs (looked up in the cloud; without it only that provider is left unwired,
 * with a warning through `warn`). Also the entry point for tests that want exactly what the
 * command prints.
 */
export async function prepareTerraformEnv(
  target: CloudTarget,
  dataDir: string,
  options: { readonly providerDir?: string; readonly warn?: (message: string) => void } = {},
): Promise<Record<string, string>> {
  const providerDir = options.providerDir ?? providerDirectory();
  const absoluteData = resolve(dataDir);
  const cliConfigPath = join(absoluteData, CLI_CONFIG_FILE_NAME);
  // Validate the target before touching the disk (terraformEnv rejects a malformed URL).
  const env = terraformEnv({ providerDir, cliConfigPath, cloud: target });
  mkdirSync(absoluteData, { recursive: true });
  writeFileSync(cliConfigPath, cliConfigText(providerDir));
  try {
    // The Resource Manager SDK is loaded here, not with the CLI: `ecs-image serve` never needs it.
    const { lookupApsaraScope } = await import('./apsara-scope-lookup.js');
    const scope = await lookupApsaraScope(target);
    const [departmentVariable = '', resourceGroupVariable = ''] = APSARA_SCOPE_VARIABLES;
    env[departmentVariable] = scope.department;
    env[resourceGroupVariable] = scope.resourceGroup;
  } catch (error) {
    options.warn?.(
      `ecs-image env: no Apsara Stack resource set found (${(error as Error).message}); ` +
        'the alibabacloudstack provider needs department and resource_group in its provider block',
    );
  }
  return env;
}

/** Every variable `env` may set, in the order it prints them: what `--unset` clears. */
export function wiredVariableNames(): readonly string[] {
  const sample: CloudTarget = { url: 'http://127.0.0.1:1', accessKeyId: 'x', accessKeySecret: 'x', regionId: 'x', securityToken: 'x' };
  const names = [
    ...Object.keys(terraformEnv({ providerDir: '/', cliConfigPath: '/', cloud: sample })),
    ...APSARA_SCOPE_VARIABLES,
    ...Object.keys(registryProviderEnv(sample)),
    ...Object.keys(proxyEnv(sample)),
  ];
  return [...new Set(names)];
}

/**
 * Every variable through which the providers take an STS token. Those `env` does not set are
 * unset: a token left in the shell from a session with the real cloud would otherwise be sent
 * along with the local keys, and the local cloud rejects it.
 */
export const SECURITY_TOKEN_VARIABLES: readonly string[] = Object.freeze([
  ...ALICLOUD_ENV.security_token,
  ...ALIBABACLOUDSTACK_ENV.security_token,
]);

/** The commands `ecs-image env` prints: the exports, then the unset of stale token variables. */
export function envScript(shell: Shell, env: Readonly<Record<string, string>>, hintArgs = ''): string {
  const stale = SECURITY_TOKEN_VARIABLES.filter((name) => !(name in env));
  return renderShell(shell, env, stale, usageHint(shell, hintArgs));
}

/**
 * What `env --proxy` or `env --provider registry` prints: the tool's variables, the unset of
 * stale tokens and of the CLI config (a dev_overrides file left from `env` would hijack the
 * registry provider), and a note on what the variables cannot say.
 */
export function toolScript(shell: Shell, mode: 'proxy' | 'registry', target: CloudTarget, hintArgs = ''): string {
  const env = mode === 'proxy' ? proxyEnv(target) : registryProviderEnv(target);
  const stale = [...SECURITY_TOKEN_VARIABLES, ...(mode === 'registry' ? ['TF_CLI_CONFIG_FILE'] : [])].filter((name) => !(name in env));
  const note = mode === 'proxy' ? PROXY_NOTE : REGISTRY_PROVIDER_NOTE;
  return renderShell(shell, env, stale, `${note}\n${usageHint(shell, hintArgs)}`);
}

export function unsetScript(shell: Shell, hintArgs = ''): string {
  return renderShell(shell, {}, wiredVariableNames(), usageHint(shell, hintArgs));
}

function hintArgsOf(options: EnvCommandOptions, dataGiven: boolean): string {
  const parts: string[] = [];
  if (dataGiven) parts.push(`--data ${JSON.stringify(options.data)}`);
  if (options.shell !== 'bash') parts.push(`--shell ${options.shell}`);
  if (options.proxy === true) parts.push('--proxy');
  if (options.provider !== 'ours') parts.push(`--provider ${options.provider}`);
  if (options.unset === true) parts.push('--unset');
  return parts.map((part) => ` ${part}`).join('');
}

export function envCommand(): Command {
  return new Command('env')
    .description('print shell commands that point terraform at the providers and a running local cloud')
    .addOption(new Option('--data <dir>', 'data directory of the running `ecs-image serve`').default(DEFAULT_DATA_DIR).env('ECS_IMAGE_DATA'))
    .addOption(new Option('--endpoint <url>', 'cloud endpoint, http://host:port (instead of the running server\'s)'))
    .addOption(new Option('--access-key-id <id>', 'AccessKey id (instead of the running server\'s default account)'))
    .addOption(new Option('--access-key-secret <secret>', 'its secret'))
    .addOption(new Option('--region <region>', 'region the providers use (default: the cloud\'s default region)'))
    .addOption(new Option('--shell <shell>', 'syntax of the printed commands').choices(SHELLS).default('bash'))
    .addOption(new Option('--proxy', 'for tools with no endpoint option (Packer, aliyungo): HTTP_PROXY to the cloud, which serves *.aliyuncs.com'))
    .addOption(
      new Option('--provider <provider>', 'ours: our providers through dev_overrides; registry: the registry\'s aliyun/alicloud through its endpoint variables')
        .choices(PROVIDER_MODES)
        .default('ours'),
    )
    .addOption(new Option('--unset', 'print the commands that remove the variables instead'))
    .action(async function (this: Command, options: EnvCommandOptions) {
      const dataGiven = this.getOptionValueSource('data') === 'cli';
      const hint = hintArgsOf(options, dataGiven);
      if (options.unset === true) {
        process.stdout.write(unsetScript(options.shell, hint));
        return;
      }
      if (options.proxy === true || options.provider === 'registry') {
        if (options.proxy === true && options.provider === 'registry') throw new Error('--proxy and --provider registry are two different ways in: pick one');
        process.stdout.write(toolScript(options.shell, options.proxy === true ? 'proxy' : 'registry', resolveTarget(options), hint));
        return;
      }
      const env = await prepareTerraformEnv(resolveTarget(options), options.data, {
        warn: (message) => process.stderr.write(`${message}\n`),
      });
      process.stdout.write(envScript(options.shell, env, hint));
    });
}

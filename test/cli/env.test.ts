/**
 * `ecs-image env`: the syntax it prints for each shell (values survive a real `bash`
 * eval byte for byte), `--unset`, finding a running `ecs-image serve` through its data
 * directory, and a real terraform plan/apply/destroy of a configuration with no provider
 * block, run with nothing but the printed environment (no init, registry unreachable).
 *
 * Uses the compiled CLI and providers: run `npm run build` first (`npm test` does).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envScript, unsetScript, wiredVariableNames, SECURITY_TOKEN_VARIABLES } from '../../src/cli/env-command.js';
import { SHELLS } from '../../src/cli/shell-exports.js';
import { PROVIDER_ADDRESSES } from '../../src/cli/terraform-wiring.js';
import { REPO_ROOT, ensureProviderBuilt } from '../support/terraform.js';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'ecs-image');

/** A value with everything a shell could mangle: quotes, `$`, backquote, backslash, newline, globs. */
const TRICKY = `it's "$HOME" \`id\` \\n \\ back\nline * ? ‘quoted’ %{x} \${y}`;

/** Only what a login shell would have, plus what the test adds: nothing of the developer's cloud setup. */
function bareEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', ...extra };
}

async function bash(script: string, env: Record<string, string>, cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('bash', ['-c', script], { env, cwd, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function ecsImage(args: readonly string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Runs `body` in a fresh terraform workspace whose `main.tf` holds `mainTf`, removed afterwards. */
async function inWorkspace(mainTf: readonly string[], body: (workspace: string) => Promise<void>): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'ecs-env-tf-'));
  try {
    writeFileSync(join(workspace, 'main.tf'), [...mainTf, ''].join('\n'));
    await body(workspace);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

describe('ecs-image env: shell syntax', () => {
  const env = { TF_CLI_CONFIG_FILE: TRICKY, ALICLOUD_REGION: 'cn-hangzhou' };

  it('bash and zsh: export with POSIX single quotes, stale STS tokens unset, a usage hint', () => {
    for (const shell of ['bash', 'zsh'] as const) {
      const lines = envScript(shell, env).trimEnd().split('\n');
      expect(lines[0]).toBe(`export TF_CLI_CONFIG_FILE='it'\\''s "$HOME" \`id\` \\n \\ back`);
      expect(lines[1]).toBe(`line * ? ‘quoted’ %{x} \${y}'`);
      expect(lines[2]).toBe(`export ALICLOUD_REGION='cn-hangzhou'`);
      expect(lines.slice(3, 3 + SECURITY_TOKEN_VARIABLES.length)).toEqual(SECURITY_TOKEN_VARIABLES.map((name) => `unset ${name}`));
      expect(lines.at(-1)).toBe(`# eval "$(npx ecs-image env)"`);
    }
  });

  it('fish: set -gx with fish quoting (backslash and quote escaped)', () => {
    const lines = envScript('fish', env, ' --shell fish').trimEnd().split('\n');
    expect(lines[0]).toBe(`set -gx TF_CLI_CONFIG_FILE 'it\\'s "$HOME" \`id\` \\\\n \\\\ back`);
    expect(lines[1]).toBe(`line * ? ‘quoted’ %{x} \${y}';`);
    expect(lines[2]).toBe(`set -gx ALICLOUD_REGION 'cn-hangzhou';`);
    expect(lines).toContain('set -e ALICLOUD_SECURITY_TOKEN;');
    expect(lines.at(-1)).toBe('# npx ecs-image env --shell fish | source');
  });

  it('powershell: $Env: with verbatim strings (quotes doubled, typographic ones too)', () => {
    const lines = envScript('powershell', env, ' --shell powershell').trimEnd().split('\n');
    expect(lines[0]).toBe(`$Env:TF_CLI_CONFIG_FILE = 'it''s "$HOME" \`id\` \\n \\ back`);
    expect(lines[1]).toBe(`line * ? ‘‘quoted’’ %{x} \${y}'`);
    expect(lines[2]).toBe(`$Env:ALICLOUD_REGION = 'cn-hangzhou'`);
    expect(lines).toContain('Remove-Item -Path Env:SECURITY_TOKEN -ErrorAction SilentlyContinue');
    expect(lines.at(-1)).toBe('# & npx ecs-image env --shell powershell | Invoke-Expression');
  });

  it('--unset clears every variable env may set, in each syntax', () => {
    const names = wiredVariableNames();
    expect(names).toEqual(
      expect.arrayContaining(['TF_CLI_CONFIG_FILE', 'ALICLOUD_ACCESS_KEY', 'ALIBABA_CLOUD_ENDPOINT_ECS', 'ALIBABACLOUDSTACK_DOMAIN', 'ALICLOUD_SECURITY_TOKEN', 'ALIBABACLOUDSTACK_DEPARTMENT']),
    );
    const expected: Record<(typeof SHELLS)[number], (name: string) => string> = {
      bash: (name) => `unset ${name}`,
      zsh: (name) => `unset ${name}`,
      fish: (name) => `set -e ${name};`,
      powershell: (name) => `Remove-Item -Path Env:${name} -ErrorAction SilentlyContinue`,
    };
    for (const shell of SHELLS) {
      const lines = unsetScript(shell).trimEnd().split('\n');
      expect(lines.slice(0, names.length)).toEqual(names.map(expected[shell]));
      expect(lines.slice(names.length).every((line) => line.startsWith('#'))).toBe(true);
    }
  });

  it('a real bash gets every value byte for byte, and --unset removes them', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ecs-env-home-'));
    try {
      const names = wiredVariableNames();
      const values = Object.fromEntries(names.map((name, index) => [name, `${TRICKY} #${index}`]));
      const script = envScript('bash', values);
      const set = await bash(`eval "$1"; for n in ${names.join(' ')}; do printf '%s\\0' "\${!n}"; done`.replace('$1', '$SCRIPT'), bareEnv(home, { SCRIPT: script }));
      expect(set.stderr).toBe('');
      expect(set.stdout.split('\0').slice(0, -1)).toEqual(names.map((name) => values[name]));

      const cleared = await bash(
        `eval "$SCRIPT"; eval "$UNSET"; for n in ${names.join(' ')}; do [ -z "\${!n+x}" ] || echo "still set: $n"; done`,
        bareEnv(home, { SCRIPT: script, UNSET: unsetScript('bash') }),
      );
      expect(cleared).toMatchObject({ code: 0, stdout: '', stderr: '' });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

interface Served {
  readonly child: ChildProcess;
  readonly printed: { endpoint: string; regionId: string; accessKeyId: string; accessKeySecret: string };
  readonly exited: Promise<number | null>;
}

async function serve(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log-level', 'warn', '--data', dataDir, '--image-creation-seconds', '1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '' },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing`)));
  });
  return { child, printed: JSON.parse(line) as Served['printed'], exited };
}

describe('ecs-image env: against a running ecs-image serve', () => {
  let dataDir: string;
  let home: string;
  let served: Served | undefined;

  beforeAll(async () => {
    ensureProviderBuilt();
    if (!existsSync(join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('the CLI is not compiled: run `npm run build` first');
    dataDir = mkdtempSync(join(tmpdir(), 'ecs-env-data-'));
    home = mkdtempSync(join(tmpdir(), 'ecs-env-home-'));
    served = await serve(dataDir);
  });
  afterAll(async () => {
    if (served && served.child.exitCode === null) {
      served.child.kill('SIGTERM');
      await served.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('prints the running server\'s endpoint, keys and region, and writes the CLI config with dev_overrides', async () => {
    const printed = served!.printed;
    const result = await ecsImage(['env', '--data', dataDir], bareEnv(home));
    expect(result.stderr).toBe('');
    const cliConfig = join(dataDir, 'terraform.tfrc');
    expect(result.stdout).toContain(`export TF_CLI_CONFIG_FILE='${cliConfig}'\n`);
    expect(result.stdout).toContain(`export ALICLOUD_ACCESS_KEY='${printed.accessKeyId}'\n`);
    expect(result.stdout).toContain(`export ALICLOUD_SECRET_KEY='${printed.accessKeySecret}'\n`);
    expect(result.stdout).toContain(`export ALICLOUD_REGION='${printed.regionId}'\n`);
    for (const product of ['ECS', 'VPC', 'RESOURCEMANAGER']) {
      expect(result.stdout).toContain(`export ALIBABA_CLOUD_ENDPOINT_${product}='${printed.endpoint}'\n`);
    }
    expect(result.stdout).toContain(`export ALIBABACLOUDSTACK_DOMAIN='${printed.endpoint.replace('http://', '')}'\n`);
    expect(result.stdout).toContain(`export ALIBABACLOUDSTACK_PROTOCOL='HTTP'\n`);
    // The Apsara Stack tenant of the default account: its id and its `dev` resource set.
    expect(result.stdout).toMatch(/^export ALIBABACLOUDSTACK_DEPARTMENT='\d+'$/m);
    expect(result.stdout).toMatch(/^export ALIBABACLOUDSTACK_RESOURCE_GROUP='rg-[a-z0-9]+'$/m);
    const text = readFileSync(cliConfig, 'utf8');
    for (const address of PROVIDER_ADDRESSES) {
      expect(text).toContain(`${JSON.stringify(address)} = ${JSON.stringify(join(REPO_ROOT, 'bin'))}`);
    }
  });

  it('--endpoint with a key pair needs no server; a half pair or a missing server is an error', async () => {
    const other = mkdtempSync(join(tmpdir(), 'ecs-env-other-'));
    try {
      const explicit = await ecsImage(
        ['env', '--data', other, '--endpoint', 'http://127.0.0.1:1', '--access-key-id', 'AK', '--access-key-secret', "se'cret", '--region', 'cn-shanghai', '--shell', 'fish'],
        bareEnv(home),
      );
      expect(explicit.code).toBe(0);
      expect(explicit.stdout).toContain(`set -gx ALICLOUD_SECRET_KEY 'se\\'cret';\n`);
      expect(explicit.stdout).toContain(`set -gx ALICLOUD_REGION 'cn-shanghai';\n`);
      expect(explicit.stdout).toContain(`set -gx ALIBABA_CLOUD_ENDPOINT_ECS 'http://127.0.0.1:1';\n`);
      // Nothing answers there: no Apsara Stack tenant to look up, which is only a warning.
      expect(explicit.stdout).not.toContain('ALIBABACLOUDSTACK_DEPARTMENT');
      expect(explicit.stderr).toContain('no Apsara Stack resource set found');
      expect(existsSync(join(other, 'terraform.tfrc'))).toBe(true);

      const half = await ecsImage(['env', '--data', other, '--access-key-id', 'AK'], bareEnv(home));
      expect(half.code).toBe(1);
      expect(half.stderr).toContain('--access-key-id and --access-key-secret go together');

      const none = await ecsImage(['env', '--data', other], bareEnv(home));
      expect(none.code).toBe(1);
      expect(none.stdout).toBe('');
      expect(none.stderr).toContain('no local cloud is running');
      expect(none.stderr).toContain('npm start');

      const badShell = await ecsImage(['env', '--data', dataDir, '--shell', 'tcsh'], bareEnv(home));
      expect(badShell.code).toBe(1);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  /** The `eval "$(ecs-image env …)" && ` prefix that wires a shell to the running cloud. */
  const wired = (): string => `eval "$(${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} env --data ${JSON.stringify(dataDir)})" && `;

  it('terraform plans, applies, re-plans clean and destroys with no provider block and only the printed environment', async () => {
    await inWorkspace(['resource "alicloud_vpc" "default" {', '  vpc_name   = "env-test"', '  cidr_block = "172.16.0.0/16"', '}'], async (workspace) => {
      // A stale STS token and an unreachable registry: env must clear the first, and
      // nothing may need the second (no init, dev_overrides only).
      const shellEnv = bareEnv(home, {
        ALICLOUD_SECURITY_TOKEN: 'stale-token-from-a-real-session',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: '127.0.0.1,localhost',
      });
      const tf = (command: string) => bash(`${wired()}terraform ${command} -no-color -input=false`, shellEnv, workspace);

      const applied = await tf('apply -auto-approve');
      expect(applied.code, applied.stderr + applied.stdout).toBe(0);
      expect(applied.stdout).toContain('Apply complete! Resources: 1 added');
      expect(existsSync(join(workspace, '.terraform'))).toBe(false);

      const planned = await tf('plan -detailed-exitcode');
      expect(planned.code, planned.stderr + planned.stdout).toBe(0);
      expect(planned.stdout).toContain('No changes.');

      const destroyed = await tf('destroy -auto-approve');
      expect(destroyed.code, destroyed.stderr + destroyed.stdout).toBe(0);
      expect(destroyed.stdout).toContain('Destroy complete! Resources: 1 destroyed');
    });
  });

  const planOnly = [
    {
      title: 'an empty provider block with the aliyun/alicloud source plans against the same cloud',
      mainTf: [
        'terraform {',
        '  required_providers {',
        '    alicloud = { source = "aliyun/alicloud" }',
        '  }',
        '}',
        'provider "alicloud" {}',
        'resource "alicloud_vpc" "default" {',
        '  cidr_block = "10.0.0.0/8"',
        '}',
      ],
    },
    {
      title: 'the alibabacloudstack provider configures from the printed environment alone (tenant included)',
      mainTf: [
        'terraform {',
        '  required_providers {',
        '    alibabacloudstack = { source = "aliyun/alibabacloudstack" }',
        '  }',
        '}',
        'resource "alibabacloudstack_image" "default" {',
        '  snapshot_id = "s-bp1planonly"',
        '  image_name  = "env-test"',
        '}',
      ],
    },
  ];
  for (const { title, mainTf } of planOnly) {
    it(title, async () => {
      await inWorkspace(mainTf, async (workspace) => {
        const planned = await bash(`${wired()}terraform plan -no-color -input=false -detailed-exitcode`, bareEnv(home), workspace);
        expect(planned.code, planned.stderr + planned.stdout).toBe(2);
        expect(planned.stdout).toContain('Plan: 1 to add');
      });
    });
  }

  it('a clean stop removes server.json, after which env reports no running cloud', async () => {
    expect(existsSync(join(dataDir, 'server.json'))).toBe(true);
    served!.child.kill('SIGTERM');
    expect(await served!.exited).toBe(0);
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);
    const after = await ecsImage(['env', '--data', dataDir], bareEnv(home));
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('server.json does not exist');
  });
});

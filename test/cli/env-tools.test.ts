/**
 * `ecs-image env --proxy` and `ecs-image env --provider registry`: what tools that are not our
 * providers need to reach the local cloud (issue 13). The registry provider cannot be
 * downloaded here, so its wiring is checked as printed and as a real bash sees it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toolScript, wiredVariableNames } from '../../src/cli/env-command.js';
import { REPO_ROOT, ensureProviderBuilt } from '../support/terraform.js';

const run = promisify(execFile);
const TARGET = { url: 'http://127.0.0.1:8787', accessKeyId: 'LTAIlocal', accessKeySecret: "se'cret", regionId: 'cn-hangzhou' };

/** The variables a real bash has after evaluating `script` on top of `before`. */
async function evaluated(script: string, before: Record<string, string> = {}): Promise<Record<string, string>> {
  const { stdout } = await run('bash', ['-c', `${script}\nenv -0`], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...before } });
  return Object.fromEntries(stdout.split('\0').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('ecs-image env for tools that are not our providers', () => {
  it('--proxy: HTTP(S)_PROXY at the cloud, loopback exempt, credentials for Packer and aliyungo', async () => {
    const env = await evaluated(toolScript('bash', 'proxy', TARGET), { ALICLOUD_SECURITY_TOKEN: 'stale' });
    expect(env).toMatchObject({
      HTTP_PROXY: 'http://127.0.0.1:8787',
      http_proxy: 'http://127.0.0.1:8787',
      HTTPS_PROXY: 'http://127.0.0.1:8787',
      NO_PROXY: 'localhost,127.0.0.1,::1',
      ALICLOUD_ACCESS_KEY: 'LTAIlocal',
      ALICLOUD_SECRET_KEY: "se'cret",
      ALICLOUD_REGION: 'cn-hangzhou',
    });
    expect(env).not.toHaveProperty('ALICLOUD_SECURITY_TOKEN');
    expect(env).not.toHaveProperty('TF_CLI_CONFIG_FILE');
    expect(toolScript('bash', 'proxy', TARGET)).toContain('only *.aliyuncs.com');
    expect(() => toolScript('bash', 'proxy', { ...TARGET, url: 'https://127.0.0.1:8787' })).toThrow(/plain-HTTP/);
  });

  it('--provider registry: credentials, region and the endpoint variables, no dev_overrides, HTTP named for the provider block', async () => {
    const script = toolScript('bash', 'registry', TARGET);
    const env = await evaluated(script, { TF_CLI_CONFIG_FILE: '/tmp/old-dev-overrides.tfrc' });
    expect(env).toMatchObject({
      ALICLOUD_ACCESS_KEY: 'LTAIlocal',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIlocal',
      ALICLOUD_REGION: 'cn-hangzhou',
      ALIBABA_CLOUD_ENDPOINT_ECS: '127.0.0.1:8787',
      ALIBABA_CLOUD_ENDPOINT_VPC: '127.0.0.1:8787',
      ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER: '127.0.0.1:8787',
    });
    expect(env).not.toHaveProperty('TF_CLI_CONFIG_FILE');
    expect(env).not.toHaveProperty('HTTP_PROXY');
    expect(script).toContain('protocol = "HTTP"');
    expect(script).not.toContain('dev_overrides');
  });

  it('--unset also clears what --proxy and --provider registry set', () => {
    expect(wiredVariableNames()).toEqual(expect.arrayContaining(['HTTP_PROXY', 'https_proxy', 'NO_PROXY', 'ALIBABA_CLOUD_ACCESS_KEY_ID']));
  });

  it('the command prints them, and refuses both at once', async () => {
    ensureProviderBuilt();
    const bin = join(REPO_ROOT, 'bin', 'ecs-image');
    const target = ['--endpoint', TARGET.url, '--access-key-id', 'LTAIlocal', '--access-key-secret', 'x'];
    const proxy = await run(process.execPath, [bin, 'env', '--proxy', ...target], { cwd: REPO_ROOT });
    expect(proxy.stdout).toContain("export HTTP_PROXY='http://127.0.0.1:8787'");
    expect(proxy.stdout).toContain('--proxy');
    const registry = await run(process.execPath, [bin, 'env', '--provider', 'registry', ...target], { cwd: REPO_ROOT });
    expect(registry.stdout).toContain("export ALIBABA_CLOUD_ENDPOINT_ECS='127.0.0.1:8787'");
    expect(registry.stdout).toContain('unset TF_CLI_CONFIG_FILE');
    await expect(run(process.execPath, [bin, 'env', '--proxy', '--provider', 'registry', ...target], { cwd: REPO_ROOT })).rejects.toThrow(/pick one/);
  });
});

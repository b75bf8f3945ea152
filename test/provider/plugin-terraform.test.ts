/**
 * The plugin runtime under the real terraform binary: managed handshake (mTLS and
 * plaintext), dev_overrides installation, RPCs end to end, process lifetime and Ctrl-C.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { decode, encode } from '@msgpack/msgpack';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/provider/plugin/logger.js';
import { startPluginServer } from '../../src/provider/plugin/plugin-server.js';
import type { ProviderServer } from '../../src/provider/plugin/provider-server.js';
import { reattachProvidersValue } from '../../src/provider/plugin/reattach.js';
import {
  CONFIG_HEADER,
  ensureBuilt,
  isAlive,
  makeSandbox,
  providerPids,
  readLog,
  spawnTerraform,
  terraform,
  terraformAvailable,
  waitFor,
  type Sandbox,
} from '../support/plugin-harness.js';

const hasTerraform = terraformAvailable();
if (!hasTerraform) console.warn('terraform is not on the PATH: skipping the plugin runtime tests that need it');

const DATA_CONFIG = `${CONFIG_HEADER}
data "test_constant" "x" {
  name = "terraform"
}
output "greeting" {
  value = data.test_constant.x.greeting
}
`;

describe.skipIf(!hasTerraform)('provider served to the real terraform', () => {
  let sandbox: Sandbox;
  beforeAll(() => ensureBuilt(), 120_000);
  beforeEach(() => {
    sandbox = makeSandbox();
  });
  afterEach(() => sandbox.remove());

  /** Every provider process terraform started is gone, and left no socket behind. */
  async function expectNoOrphans(): Promise<void> {
    const pids = providerPids(sandbox);
    expect(pids.length).toBeGreaterThan(0);
    await waitFor(() => pids.every((pid) => !isAlive(pid)), 3000, `provider processes ${pids.join(',')} to exit`);
    expect(readdirSync(sandbox.socketDir)).toEqual([]);
    const log = readLog(sandbox);
    expect(log).not.toContain('plugin failed to exit gracefully');
    expect(log).not.toContain('stdio service not available');
  }

  it('plans and applies a data source over mutual TLS, and every provider process exits', async () => {
    writeFileSync(join(sandbox.workDir, 'main.tf'), DATA_CONFIG);

    const plan = await terraform(sandbox, ['plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('greeting = "hello, terraform"');

    const apply = await terraform(sandbox, ['apply', '-auto-approve']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('greeting = "hello, terraform"');
    const output = await terraform(sandbox, ['output', '-raw', 'greeting']);
    expect(output.stdout.trim()).toBe('hello, terraform');

    const log = readLog(sandbox);
    expect(log).toContain('using plugin: version=6');
    // our hclog JSON lines come through as structured provider log entries
    expect(log).toMatch(/provider\.terraform-provider-test: plugin server listening: .*tls=true/);
    expect(log).toMatch(/provider\.terraform-provider-test: reading constant: .*name=terraform/);
    await expectNoOrphans();
  });

  it('serves plaintext when TF_DISABLE_PLUGIN_TLS is set', async () => {
    writeFileSync(join(sandbox.workDir, 'main.tf'), DATA_CONFIG);
    const apply = await terraform(sandbox, ['apply', '-auto-approve'], { TF_DISABLE_PLUGIN_TLS: '1' });
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('greeting = "hello, terraform"');
    expect(readLog(sandbox)).toMatch(/plugin server listening: .*tls=false/);
    await expectNoOrphans();
  });

  it('shows an exception in the provider as an error diagnostic naming a provider bug', async () => {
    writeFileSync(join(sandbox.workDir, 'main.tf'), DATA_CONFIG.replace('"terraform"', '"crash"'));
    const plan = await terraform(sandbox, ['plan']);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('internal error in the provider (ReadDataSource)');
    expect(plan.stderr).toContain('bug in the provider');
    expect(plan.stderr).toContain('boom');
  });

  it('survives Ctrl-C: ignores SIGINT, StopProvider ends the wait, the object is kept in state', async () => {
    writeFileSync(join(sandbox.workDir, 'main.tf'), `${CONFIG_HEADER}\nresource "test_slow" "x" {}\n`);
    const running = spawnTerraform(sandbox, ['apply', '-auto-approve']);

    await waitFor(
      () => readLog(sandbox).includes('slow create waiting for StopProvider'),
      30_000,
      'the slow create to start',
    );
    running.interrupt(); // the whole process group, as a terminal does
    const { code, stderr } = await running.done;

    expect(code).toBe(1);
    expect(stderr).toContain('creating test_slow (slow-1): interrupted');
    expect(stderr).not.toContain('Plugin did not respond');
    const state = JSON.parse(readFileSync(join(sandbox.workDir, 'terraform.tfstate'), 'utf8')) as {
      resources: { type: string; instances: { status?: string; attributes: { id: string } }[] }[];
    };
    const instance = state.resources.find((resource) => resource.type === 'test_slow')?.instances[0];
    expect(instance?.attributes.id).toBe('slow-1');
    expect(instance?.status).toBe('tainted');
    expect(readLog(sandbox)).toContain('ignoring SIGINT');
    await expectNoOrphans();
  });
});

/** The same constant data source, served from this test process. */
function inProcessProvider(): ProviderServer {
  const none = async (): Promise<object> => ({});
  return {
    getProviderSchema: async () => ({
      provider: { block: {} },
      data_source_schemas: {
        test_constant: {
          block: {
            attributes: [
              { name: 'name', type: Buffer.from('"string"'), optional: true },
              { name: 'greeting', type: Buffer.from('"string"'), computed: true },
            ],
          },
        },
      },
      server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
    }),
    validateProviderConfig: none,
    validateResourceConfig: none,
    validateDataResourceConfig: none,
    upgradeResourceState: none,
    configureProvider: none,
    readResource: none,
    planResourceChange: none,
    applyResourceChange: none,
    importResourceState: none,
    readDataSource: async (request) => {
      const config = decode(request.config?.msgpack ?? new Uint8Array([0xc0])) as { name: string | null };
      return { state: { msgpack: encode({ name: config.name, greeting: `hi, ${config.name}` }) } };
    },
    stopProvider: none,
  };
}

describe.skipIf(!hasTerraform)('reattach mode (TF_REATTACH_PROVIDERS)', () => {
  it('lets terraform use a provider served in-process, without init or TLS', async () => {
    const sandbox = makeSandbox();
    const running = await startPluginServer(inProcessProvider(), {
      env: {},
      logger: createLogger({ module: 'test', level: 'off' }),
    });
    try {
      writeFileSync(join(sandbox.workDir, 'main.tf'), DATA_CONFIG);
      const env = {
        ...sandbox.env,
        TF_CLI_CONFIG_FILE: join(sandbox.root, 'empty.tfrc'),
        TF_REATTACH_PROVIDERS: reattachProvidersValue(running, 'registry.terraform.io/example/test'),
      };
      writeFileSync(env.TF_CLI_CONFIG_FILE, '');
      // async spawn: this process must keep serving while terraform runs
      const child = spawn('terraform', ['apply', '-auto-approve', '-no-color'], { cwd: sandbox.workDir, env });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.resume();
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      expect(stdout).toContain('greeting = "hi, terraform"');
    } finally {
      await running.stop('test finished');
      sandbox.remove();
    }
  });
});

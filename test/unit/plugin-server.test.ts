import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/provider/plugin/logger.js';
import { startPluginServer, type RunningPlugin } from '../../src/provider/plugin/plugin-server.js';
import type { ProviderServer, RpcContext } from '../../src/provider/plugin/provider-server.js';
import type * as tf from '../../src/provider/plugin/tfplugin6-types.js';
import { generateSelfSignedCertificate } from '../../src/provider/plugin/tls.js';
import { connect, type TestClient } from './plugin-test-client.js';

const silent = createLogger({ module: 'test', level: 'off' });
const diagnostics = async (): Promise<{ diagnostics: tf.Diagnostic[] }> => ({ diagnostics: [] });

/** A provider that records what it receives; individual methods are overridden per test. */
function recordingProvider(overrides: Partial<ProviderServer> = {}): { provider: ProviderServer; seen: unknown[] } {
  const seen: unknown[] = [];
  const provider: ProviderServer = {
    getProviderSchema: async () => ({
      provider: { version: 0, block: {} },
      resource_schemas: {
        test_thing: {
          version: 2,
          block: { attributes: [{ name: 'id', type: Buffer.from('"string"'), computed: true }] },
        },
      },
      server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
    }),
    validateProviderConfig: diagnostics,
    validateResourceConfig: diagnostics,
    validateDataResourceConfig: diagnostics,
    upgradeResourceState: async () => ({}),
    configureProvider: diagnostics,
    readResource: async () => ({}),
    planResourceChange: async (request) => {
      seen.push(request);
      return {
        planned_state: { msgpack: Buffer.from([0xc0]) },
        requires_replace: [{ steps: [{ attribute_name: 'disk' }, { element_key_int: 0 }, { attribute_name: 'size' }] }],
      };
    },
    applyResourceChange: async () => ({}),
    importResourceState: async () => ({}),
    readDataSource: async () => ({}),
    stopProvider: async () => ({}),
    ...overrides,
  };
  return { provider, seen };
}

const terraformCert = generateSelfSignedCertificate();
const running: RunningPlugin[] = [];
const clients: TestClient[] = [];

async function start(provider: ProviderServer, env: NodeJS.ProcessEnv = { PLUGIN_CLIENT_CERT: terraformCert.certPem }): Promise<RunningPlugin> {
  const plugin = await startPluginServer(provider, { env: { PLUGIN_PROTOCOL_VERSIONS: '5,6', ...env }, logger: silent });
  running.push(plugin);
  return plugin;
}

function client(...args: Parameters<typeof connect>): TestClient {
  const made = connect(...args);
  clients.push(made);
  return made;
}

afterEach(async () => {
  for (const made of clients.splice(0)) made.close();
  await Promise.all(running.splice(0).map((plugin) => plugin.stop('test finished')));
});

describe('plugin server over mutual TLS', () => {
  it('prints a handshake line with the socket and the unpadded server cert', async () => {
    const plugin = await start(recordingProvider().provider);
    const fields = plugin.handshakeLine.trimEnd().split('|');
    expect(plugin.handshakeLine.endsWith('\n')).toBe(true);
    expect(fields.slice(0, 3)).toEqual(['1', '6', 'unix']);
    expect(fields[3]).toBe(plugin.socketPath);
    expect(fields[4]).toBe('grpc');
    expect(Buffer.from(fields[5] ?? '', 'base64').equals(plugin.certificate?.der ?? Buffer.alloc(0))).toBe(true);
    expect(existsSync(plugin.socketPath)).toBe(true);
  });

  it('serves tfplugin6 to the pinned client cert, with proto field names and Buffers', async () => {
    const { provider, seen } = recordingProvider();
    const plugin = await start(provider);
    const tfClient = client(plugin, 'provider', { clientCert: terraformCert });

    const schema = await tfClient.call('GetProviderSchema', {});
    expect(schema['server_capabilities']).toEqual({ plan_destroy: true, get_provider_schema_optional: true });
    const thing = (schema['resource_schemas'] as Record<string, tf.Schema>)['test_thing'];
    expect(thing?.version).toBe(2);
    expect(Buffer.from(thing?.block?.attributes?.[0]?.type ?? []).toString()).toBe('"string"');

    const plan = await tfClient.call('PlanResourceChange', {
      type_name: 'test_thing',
      prior_state: { msgpack: Buffer.from([0xc0]) },
      prior_private: Buffer.from('{}'),
    });
    const request = seen[0] as tf.PlanResourceChangeRequest;
    expect(request.type_name).toBe('test_thing');
    expect(Buffer.isBuffer(request.prior_state?.msgpack)).toBe(true);
    expect(request.proposed_new_state).toBeUndefined(); // defaults: false → absent means null
    expect(Buffer.from(request.prior_private ?? []).toString()).toBe('{}');
    expect(plan['requires_replace']).toEqual([
      {
        steps: [
          { attribute_name: 'disk', selector: 'attribute_name' },
          { element_key_int: 0, selector: 'element_key_int' },
          { attribute_name: 'size', selector: 'attribute_name' },
        ],
      },
    ]);
  });

  it('rejects a client certificate other than the pinned one', async () => {
    const plugin = await start(recordingProvider().provider);
    const stranger = client(plugin, 'provider', { clientCert: generateSelfSignedCertificate() });
    await expect(stranger.call('GetProviderSchema', {})).rejects.toMatchObject({ code: 14 }); // UNAVAILABLE
  });

  it('rejects a client without a certificate', async () => {
    const plugin = await start(recordingProvider().provider);
    const anonymous = client(plugin, 'provider', {});
    await expect(anonymous.call('GetProviderSchema', {})).rejects.toMatchObject({ code: 14 });
  });

  it('rejects plaintext when TLS is on', async () => {
    const plugin = await start(recordingProvider().provider);
    const plain = client(plugin, 'provider', { insecure: true });
    await expect(plain.call('GetProviderSchema', {})).rejects.toMatchObject({ code: 14 });
  });
});

describe('plugin server in plaintext mode (TF_DISABLE_PLUGIN_TLS)', () => {
  it('leaves the cert field empty and serves without TLS', async () => {
    const plugin = await start(recordingProvider().provider, {});
    expect(plugin.handshakeLine).toMatch(/^1\|6\|unix\|[^|]+\|grpc\|\n$/);
    expect(plugin.certificate).toBeUndefined();
    const schema = await client(plugin, 'provider', { insecure: true }).call('GetProviderSchema', {});
    expect(schema['provider']).toEqual({ version: 0, block: {} });
  });

  it('puts the socket in PLUGIN_UNIX_SOCKET_DIR and removes it on stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plugin-socket-dir-'));
    try {
      const plugin = await start(recordingProvider().provider, { PLUGIN_UNIX_SOCKET_DIR: dir });
      expect(dirname(plugin.socketPath)).toBe(dir);
      await plugin.stop('test');
      expect(existsSync(plugin.socketPath)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('RPC wrapper', () => {
  it('turns an exception into an error diagnostic that names a provider bug', async () => {
    const { provider } = recordingProvider({
      readDataSource: async () => {
        throw new Error('kaboom');
      },
    });
    const plugin = await start(provider, {});
    const response = await client(plugin, 'provider', { insecure: true }).call('ReadDataSource', { type_name: 'x' });
    const [diagnostic] = response['diagnostics'] as tf.Diagnostic[];
    expect(diagnostic?.severity).toBe('ERROR');
    expect(diagnostic?.summary).toContain('ReadDataSource');
    expect(diagnostic?.detail).toContain('bug in the provider');
    expect(diagnostic?.detail).toContain('kaboom');
  });

  it('reports a StopProvider failure in its Error field', async () => {
    const { provider } = recordingProvider({
      stopProvider: async () => {
        throw new Error('stuck');
      },
    });
    const plugin = await start(provider, {});
    const response = await client(plugin, 'provider', { insecure: true }).call('StopProvider', {});
    expect(response['Error']).toContain('stuck');
  });

  it('answers UNIMPLEMENTED for optional RPCs the provider lacks', async () => {
    const plugin = await start(recordingProvider().provider, {});
    const tfClient = client(plugin, 'provider', { insecure: true });
    await expect(tfClient.call('GetMetadata', {})).rejects.toMatchObject({ code: 12 });
    await expect(tfClient.call('CallFunction', { name: 'f' })).rejects.toMatchObject({ code: 12 });
  });

  it('gives each call a context with a logger and a signal aborted on shutdown', async () => {
    let context: RpcContext | undefined;
    let release!: () => void;
    const entered = new Promise<void>((resolve) => (release = resolve));
    const { provider } = recordingProvider({
      applyResourceChange: async (_request, ctx) => {
        context = ctx;
        release();
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
        return { diagnostics: [{ severity: 'ERROR', summary: 'interrupted' }] };
      },
    });
    const plugin = await start(provider, {});
    const pending = client(plugin, 'provider', { insecure: true })
      .call('ApplyResourceChange', { type_name: 'test_thing' })
      .catch((error: unknown) => error);
    await entered;
    expect(context?.rpc).toBe('ApplyResourceChange');
    expect(context?.signal.aborted).toBe(false);
    await plugin.stop('test');
    expect(context?.signal.aborted).toBe(true);
    await pending;
  });
});

describe('go-plugin services', () => {
  it('stops the server when terraform calls GRPCController.Shutdown', async () => {
    const plugin = await start(recordingProvider().provider);
    const controller = client(plugin, 'controller', { clientCert: terraformCert });
    await expect(controller.call('Shutdown', {})).resolves.toEqual({});
    await plugin.stopped;
    expect(existsSync(plugin.socketPath)).toBe(false);
  });

  it('reports SERVING for the "plugin" health check', async () => {
    const plugin = await start(recordingProvider().provider);
    const health = client(plugin, 'health', { clientCert: terraformCert });
    await expect(health.call('Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
    await expect(health.call('Check', { service: 'other' })).rejects.toMatchObject({ code: 5 });
  });
});

/**
 * The provider executable as a process, without terraform: what it prints, how it starts
 * and how it ends. Terraform's side of the same contract is in plugin-terraform.test.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../src/provider/plugin/tls.js';
import { ensureBuilt, isAlive, MAGIC_COOKIE, makeSandbox, waitFor, type Sandbox } from '../support/plugin-harness.js';

const clientCert = generateSelfSignedCertificate().certPem;

interface Started {
  child: ChildProcess;
  line: string;
  elapsedMs: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

describe('provider process', () => {
  let sandbox: Sandbox;
  let launcher: string;
  const children: ChildProcess[] = [];

  beforeAll(() => ensureBuilt(), 120_000);
  beforeEach(() => {
    sandbox = makeSandbox();
    launcher = join(sandbox.pluginDir, 'terraform-provider-test');
  });
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    sandbox.remove();
  });

  function start(env: NodeJS.ProcessEnv = {}): Promise<Started> {
    const began = performance.now();
    const child = spawn(launcher, [], {
      env: {
        ...sandbox.env,
        TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE,
        PLUGIN_PROTOCOL_VERSIONS: '5,6',
        PLUGIN_CLIENT_CERT: clientCert,
        TF_LOG: 'debug',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const first = stdout === '';
        stdout += chunk.toString();
        if (first) resolve({ child, line: stdout, elapsedMs: performance.now() - began, stdout: () => stdout, stderr: () => stderr, exited });
      });
      void exited.then((code) => reject(new Error(`provider exited (${code}) before the handshake: ${stderr}`)));
    });
  }

  it('refuses to run without the magic cookie, explaining why on stderr only', () => {
    const result = spawnSync(launcher, [], { env: { ...sandbox.env, TF_PLUGIN_MAGIC_COOKIE: '' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('This binary is a plugin');
  });

  it('writes exactly one line to stdout: the handshake', async () => {
    const started = await start();
    expect(started.line).toMatch(/^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/]{100,}\n$/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    started.child.kill('SIGTERM');
    await started.exited;
    expect(started.stdout()).toBe(started.line);
  });

  it('ignores SIGINT and exits cleanly on SIGTERM, removing its socket', async () => {
    const started = await start();
    const socket = started.line.split('|')[3] ?? '';
    expect(socket.startsWith(sandbox.socketDir)).toBe(true);
    expect(existsSync(socket)).toBe(true);
    started.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(started.child.exitCode).toBeNull();
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(existsSync(socket)).toBe(false);
  });

  it('exits when its parent goes away (no orphan holding terraform\'s pipes)', async () => {
    // A parent that starts the provider, reports its pid once the handshake is out, and dies.
    const parent = spawnSync(
      process.execPath,
      [
        '-e',
        `const c = require('child_process').spawn(${JSON.stringify(launcher)}, [], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
         c.stdout.once('data', () => { console.log(c.pid); process.exit(0); });`,
      ],
      {
        env: { ...sandbox.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, PLUGIN_CLIENT_CERT: clientCert },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    const pid = Number(parent.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    await waitFor(() => !isAlive(pid), 5000, `orphaned provider ${pid} to exit`);
  });

  it('logs hclog JSON lines to stderr under TF_LOG', async () => {
    const started = await start({ TF_LOG: 'debug' });
    started.child.kill('SIGTERM');
    await started.exited;
    const entries = started
      .stderr()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const listening = entries.find((entry) => entry['@message'] === 'plugin server listening');
    expect(listening).toMatchObject({ '@level': 'debug', '@module': 'provider.test', tls: true });
    expect(listening?.['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('writes nothing to stderr when TF_LOG is unset', async () => {
    const started = await start({ TF_LOG: '', TF_LOG_PROVIDER: '' });
    started.child.kill('SIGTERM');
    await started.exited;
    expect(started.stderr()).toBe('');
  });

  it('prints the handshake quickly (exec to handshake line)', async () => {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = await start({ TF_LOG: '' });
      times.push(started.elapsedMs);
      started.child.kill('SIGTERM');
      await started.exited;
    }
    times.sort((a, b) => a - b);
    const median = times[2] ?? 0;
    console.info(`exec → handshake line: median ${median.toFixed(0)} ms, min ${(times[0] ?? 0).toFixed(0)} ms`);
    expect(median).toBeLessThan(3000); // a sanity bound; the figure itself is reported above and by bench/provider
  });
});

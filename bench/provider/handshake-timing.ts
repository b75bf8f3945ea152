/**
 * Time from exec of `bin/terraform-provider-alicloud` to its go-plugin
 * handshake line, with the environment terraform gives it under AutoMTLS:
 * the magic cookie, `PLUGIN_PROTOCOL_VERSIONS`, and a client certificate
 * (so the provider also makes its own server certificate, as it must under terraform).
 * Each provider start is paired with a bare `node -e 0` (exec to exit), the yardstick
 * of issue 15's goal, so both see the same load on the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../src/provider/plugin/handshake.js';
import { generateSelfSignedCertificate } from '../../src/provider/plugin/tls.js';
import { PROVIDER_EXECUTABLE } from './paths.js';

/** `1|6|unix|/tmp/plugin…|grpc|<base64 DER>` */
const HANDSHAKE = /^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/]+$/;
const TIMEOUT_MS = 30_000;

function fakeTerraformEnv(clientCertPem: string, socketDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_CLIENT_CERT: clientCertPem,
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_UNIX_SOCKET_DIR: socketDir,
  };
}

/** One start: milliseconds from spawn to the complete handshake line; the provider is then stopped. */
function timeOneHandshake(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(PROVIDER_EXECUTABLE, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`no handshake within ${TIMEOUT_MS} ms:\n${stderr}`))), TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      const elapsed = performance.now() - started;
      const line = stdout.slice(0, newline);
      finish(() => (HANDSHAKE.test(line) ? resolve(elapsed) : reject(new Error(`unexpected handshake line: ${line}`))));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => finish(() => reject(error)));
    child.on('exit', (code, signal) => finish(() => reject(new Error(`provider exited (${signal ?? code}) before its handshake:\n${stderr}`))));
  });
}

/** Milliseconds from spawn to exit of `node -e 0`. */
function timeBareNode(): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node -e 0 failed (${result.signal ?? result.status})`);
  return performance.now() - started;
}

export interface StartTimes {
  /** Exec → handshake line of the provider, ms. */
  readonly provider: number[];
  /** Exec → exit of a bare `node -e 0`, ms, one after each provider start. */
  readonly bareNode: number[];
}

/** `runs` provider handshakes, one at a time, each followed by a bare node start. */
export async function timeHandshakes(runs: number): Promise<StartTimes> {
  const socketDir = mkdtempSync(join(tmpdir(), 'bench-plugin-'));
  const env = fakeTerraformEnv(generateSelfSignedCertificate().certPem, socketDir);
  try {
    const provider: number[] = [];
    const bareNode: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      provider.push(await timeOneHandshake(env));
      bareNode.push(timeBareNode());
    }
    return { provider, bareNode };
  } finally {
    rmSync(socketDir, { recursive: true, force: true });
  }
}

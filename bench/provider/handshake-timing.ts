/**
 * Time from exec of `bin/terraform-provider-alicloud` to its go-plugin
 * handshake line, with the environment terraform gives it under AutoMTLS:
 * the caller's environment (terraform passes its own on), the magic cookie,
 * `PLUGIN_PROTOCOL_VERSIONS`, and a client certificate (so the provider also makes its own
 * server certificate, as it must under terraform).
 * Each provider start is paired with two yardsticks in the same environment, so all three
 * see the same load on the machine and the same Node start-up work:
 * - a bare `node -e 0` (exec to exit), the yardstick of issue 15's goal;
 * - the TLS floor: `node -e` of the least any Node gRPC server under AutoMTLS does before its
 *   handshake line, an HTTP/2 TLS server requiring terraform's cert, listening on a unix socket.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../src/provider/plugin/handshake.js';
import { generateSelfSignedCertificate } from '../../src/provider/plugin/tls.js';
import { PROVIDER_EXECUTABLE } from './paths.js';
import { firstLine } from '../support/first-line.js';
import { callerEnv } from './terraform-run.js';

/** `1|6|unix|/tmp/plugin…|grpc|<base64 DER>` */
const HANDSHAKE = /^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/]+$/;
const TIMEOUT_MS = 30_000;

/**
 * The TLS floor's program: the server certificate is made beforehand and passed in, so the
 * floor leaves out even the key generation the provider does.
 */
const TLS_FLOOR_PROGRAM = `
const { createSecureServer } = require('node:http2');
const server = createSecureServer({
  ca: process.env.BENCH_CLIENT_CERT,
  cert: process.env.BENCH_SERVER_CERT,
  key: process.env.BENCH_SERVER_KEY,
  requestCert: true,
});
server.listen(process.env.BENCH_SOCKET, () => process.stdout.write('ready\\n'));
`;

function fakeTerraformEnv(clientCertPem: string, socketDir: string): NodeJS.ProcessEnv {
  return {
    ...callerEnv(),
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_CLIENT_CERT: clientCertPem,
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_UNIX_SOCKET_DIR: socketDir,
  };
}

/**
 * One start: milliseconds from spawn to the first complete stdout line, which `expected` must
 * match; the process is then killed.
 */
async function timeToFirstLine(command: string, args: readonly string[], env: NodeJS.ProcessEnv, expected: RegExp): Promise<number> {
  const started = performance.now();
  const child = spawn(command, [...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${command}: no line within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const line = await Promise.race([firstLine(child.stdout, command), timeout]);
    const elapsed = performance.now() - started;
    if (!expected.test(line)) throw new Error(`${command}: unexpected line: ${line}`);
    return elapsed;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr}`);
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
  }
}

/** Milliseconds from spawn to exit of `node -e 0`. */
function timeBareNode(env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node -e 0 failed (${result.signal ?? result.status})`);
  return performance.now() - started;
}

export interface StartTimes {
  /** Exec → handshake line of the provider, ms. */
  readonly provider: number[];
  /** Exec → exit of a bare `node -e 0`, ms, one after each provider start. */
  readonly bareNode: number[];
  /** Exec → listening of the TLS floor program, ms, one after each provider start. */
  readonly tlsFloor: number[];
  /** Whether the caller's environment names extra CA certificates for every Node start to read. */
  readonly extraCaCerts: boolean;
}

/** `runs` provider handshakes, one at a time, each followed by a bare node start and a TLS floor start. */
export async function timeHandshakes(runs: number): Promise<StartTimes> {
  const socketDir = mkdtempSync(join(tmpdir(), 'bench-plugin-'));
  const client = generateSelfSignedCertificate();
  const server = generateSelfSignedCertificate();
  const env = fakeTerraformEnv(client.certPem, socketDir);
  const floorEnv = {
    ...env,
    BENCH_CLIENT_CERT: client.certPem,
    BENCH_SERVER_CERT: server.certPem,
    BENCH_SERVER_KEY: server.keyPem,
  };
  try {
    const times: StartTimes = { provider: [], bareNode: [], tlsFloor: [], extraCaCerts: (env['NODE_EXTRA_CA_CERTS'] ?? '') !== '' };
    for (let run = 0; run < runs; run += 1) {
      times.provider.push(await timeToFirstLine(PROVIDER_EXECUTABLE, [], env, HANDSHAKE));
      times.bareNode.push(timeBareNode(env));
      const socket = join(socketDir, `floor-${run}.sock`);
      times.tlsFloor.push(await timeToFirstLine(process.execPath, ['-e', TLS_FLOOR_PROGRAM], { ...floorEnv, BENCH_SOCKET: socket }, /^ready$/));
    }
    return times;
  } finally {
    rmSync(socketDir, { recursive: true, force: true });
  }
}

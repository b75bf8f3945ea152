/**
 * The go-plugin handshake as terraform drives it (hashicorp/go-plugin's `client.go` and
 * `server.go`): terraform execs us with
 * a magic cookie, the protocol versions it accepts and (under AutoMTLS) its client cert,
 * then reads exactly one line from our stdout:
 *
 *   CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVERCERT     e.g. 1|6|unix|/tmp/plugin…|grpc|MIIB…
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handshakeCertField } from './tls.js';

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** The only app protocol we speak. */
export const PROTOCOL_VERSION = 6;
const CORE_PROTOCOL_VERSION = 1;

/**
 * The message go-plugin servers print when started by hand: the cookie is a UX guard, not
 * security. Returns undefined when the cookie is right.
 */
export function magicCookieProblem(env: NodeJS.ProcessEnv, executable: string): string | undefined {
  if (env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE) return undefined;
  return [
    `This binary is a plugin. These are not meant to be executed directly.`,
    `Please execute the program that consumes these plugins, which will`,
    `load any plugins automatically.`,
    ``,
    `(${executable} is a Terraform provider: run terraform with it installed,`,
    `for example through dev_overrides in a CLI configuration file.)`,
  ].join('\n');
}

export interface VersionNegotiation {
  readonly version: number;
  /** Set when the client offered versions but not ours; terraform will then refuse us clearly. */
  readonly warning: string | undefined;
}

/**
 * Picks the highest version in `PLUGIN_PROTOCOL_VERSIONS` that we support, like go-plugin.
 * When the list is absent, or lacks 6, go-plugin answers its own default version and lets
 * the client report "incompatible API version" — a clearer error than a silent exit.
 */
export function negotiateProtocolVersion(env: NodeJS.ProcessEnv): VersionNegotiation {
  const raw = env['PLUGIN_PROTOCOL_VERSIONS'];
  if (raw === undefined || raw.trim() === '') return { version: PROTOCOL_VERSION, warning: undefined };
  const offered = raw
    .split(',')
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((value) => Number.isInteger(value));
  if (offered.includes(PROTOCOL_VERSION)) return { version: PROTOCOL_VERSION, warning: undefined };
  return {
    version: PROTOCOL_VERSION,
    warning: `terraform offers plugin protocol versions ${raw}, this provider speaks only ${PROTOCOL_VERSION}`,
  };
}

/** A fresh socket path in `PLUGIN_UNIX_SOCKET_DIR`, else the temp dir. */
export function unixSocketPath(env: NodeJS.ProcessEnv): string {
  const dir = env['PLUGIN_UNIX_SOCKET_DIR'] || tmpdir();
  return join(dir, `plugin${randomBytes(6).toString('hex')}`);
}

export interface HandshakeFields {
  readonly version: number;
  readonly network: 'unix' | 'tcp';
  readonly address: string;
  /** DER of the server cert; undefined in plaintext mode (the field is then empty). */
  readonly certDer: Uint8Array | undefined;
}

/** The single stdout line, newline included. */
export function handshakeLine(fields: HandshakeFields): string {
  const cert = fields.certDer === undefined ? '' : handshakeCertField(fields.certDer);
  return `${CORE_PROTOCOL_VERSION}|${fields.version}|${fields.network}|${fields.address}|grpc|${cert}\n`;
}

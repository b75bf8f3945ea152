import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  handshakeLine,
  magicCookieProblem,
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  negotiateProtocolVersion,
  unixSocketPath,
} from '../../src/provider/plugin/handshake.js';

describe('magic cookie', () => {
  it('accepts terraform\'s value', () => {
    expect(MAGIC_COOKIE_VALUE).toBe('d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2');
    expect(magicCookieProblem({ [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE }, 'terraform-provider-x')).toBeUndefined();
  });

  it.each([{}, { [MAGIC_COOKIE_KEY]: 'wrong' }])('explains itself to a human when the cookie is %j', (env) => {
    const message = magicCookieProblem(env, 'terraform-provider-x');
    expect(message).toContain('This binary is a plugin');
    expect(message).toContain('terraform-provider-x');
  });
});

describe('protocol version negotiation', () => {
  it.each(['5,6', '6,5', ' 6 ', '6'])('picks 6 from %j', (offered) => {
    expect(negotiateProtocolVersion({ PLUGIN_PROTOCOL_VERSIONS: offered })).toEqual({ version: 6, warning: undefined });
  });

  it('answers 6 when the client states nothing, as go-plugin answers its default', () => {
    expect(negotiateProtocolVersion({}).version).toBe(6);
  });

  it('answers 6 with a warning when the client offers only other versions', () => {
    const negotiation = negotiateProtocolVersion({ PLUGIN_PROTOCOL_VERSIONS: '4,5' });
    expect(negotiation.version).toBe(6);
    expect(negotiation.warning).toContain('4,5');
  });
});

describe('socket path', () => {
  it('uses PLUGIN_UNIX_SOCKET_DIR when set, else the temp dir, with a unique name', () => {
    expect(dirname(unixSocketPath({ PLUGIN_UNIX_SOCKET_DIR: '/run/x' }))).toBe('/run/x');
    const first = unixSocketPath({});
    expect(dirname(first)).toBe(tmpdir());
    expect(first).toMatch(/\/plugin[0-9a-f]{12}$/);
    expect(unixSocketPath({})).not.toBe(first);
  });
});

describe('handshake line', () => {
  it('is CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT with unpadded base64 DER', () => {
    const der = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]); // base64 "MAMCAQU=" padded
    expect(handshakeLine({ version: 6, network: 'unix', address: '/tmp/plugin1', certDer: der })).toBe(
      '1|6|unix|/tmp/plugin1|grpc|MAMCAQU\n',
    );
  });

  it('leaves the cert field empty in plaintext mode', () => {
    expect(handshakeLine({ version: 6, network: 'unix', address: '/tmp/p', certDer: undefined })).toBe('1|6|unix|/tmp/p|grpc|\n');
  });
});

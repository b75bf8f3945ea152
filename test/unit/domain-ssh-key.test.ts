import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isKeyPairName, md5Fingerprint, parseSshPublicKey, rsaPublicBlob } from '../../src/domain/ssh-key.js';

/** An ed25519 public key in OpenSSH form. */
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGfBDo1ApJBWUjQwmM6hN1Mzf+HnS/8TLOITfAuvL4Jn me@host';

describe('OpenSSH public keys', () => {
  it('parses a key line, dropping the comment', () => {
    const key = parseSshPublicKey(`  ${ED25519}\n`);
    expect(key?.type).toBe('ssh-ed25519');
    expect(key?.text).toBe(ED25519.split(' ').slice(0, 2).join(' '));
    expect(md5Fingerprint(key!.blob)).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
  });

  it('refuses a blob of another type, a truncated blob, bad base64 and unknown types', () => {
    const body = ED25519.split(' ')[1]!;
    expect(parseSshPublicKey(`ssh-rsa ${body}`)).toBeUndefined();
    expect(parseSshPublicKey(`ssh-ed25519 ${Buffer.from(Buffer.from(body, 'base64').subarray(0, 40)).toString('base64')}`)).toBeUndefined();
    expect(parseSshPublicKey('ssh-ed25519 AAA*')).toBeUndefined();
    expect(parseSshPublicKey(`ssh-foo ${body}`)).toBeUndefined();
    expect(parseSshPublicKey('ssh-ed25519')).toBeUndefined();
  });

  it('encodes an RSA key as ssh-rsa with mpints, which then parses back', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk = publicKey.export({ format: 'jwk' });
    const blob = rsaPublicBlob(Buffer.from(jwk.e!, 'base64url'), Buffer.from(jwk.n!, 'base64url'));
    const parsed = parseSshPublicKey(`ssh-rsa ${blob.toString('base64')}`);
    expect(parsed?.blob.equals(blob)).toBe(true);
    // The modulus has its high bit set, so its mpint starts with a zero byte: 4 + 7 + 4 + 3 + 4 + 1 + 128.
    expect(blob.length).toBe(151);
  });
});

describe('key pair names', () => {
  it.each(['ab', 'packer_5fd7a3c2-1b2c', 'terraform-2026:a.b', '密钥对', 'k'.repeat(128)])('%s is a name', (name) => {
    expect(isKeyPairName(name)).toBe(true);
  });
  it.each(['a', '1abc', '_abc', 'http://abc', 'https-ok-but-space x', 'k'.repeat(129), 'semi;colon'])('%s is not', (name) => {
    expect(isKeyPairName(name)).toBe(false);
  });
});

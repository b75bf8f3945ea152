import { X509Certificate, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derLength, derOid, derTime, derUnsignedInteger } from '../../src/provider/plugin/der.js';
import { generateSelfSignedCertificate, handshakeCertField } from '../../src/provider/plugin/tls.js';

describe('DER primitives', () => {
  it.each([
    [5, '05'],
    [127, '7f'],
    [128, '8180'],
    [300, '82012c'],
  ])('length %i encodes as %s', (length, hex) => {
    expect(derLength(length).toString('hex')).toBe(hex);
  });

  it('encodes OIDs with multi-byte arcs', () => {
    expect(derOid('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
    expect(derOid('2.5.29.17').toString('hex')).toBe('0603551d11');
  });

  it('keeps integers positive and minimal', () => {
    expect(derUnsignedInteger(Buffer.from([0x00, 0x00, 0x7f])).toString('hex')).toBe('02017f');
    expect(derUnsignedInteger(Buffer.from([0x80])).toString('hex')).toBe('02020080');
  });

  it('switches from UTCTime to GeneralizedTime in 2050', () => {
    expect(derTime(new Date('2049-12-31T23:59:59Z')).toString('latin1')).toBe('\x17\x0d491231235959Z');
    expect(derTime(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe('\x18\x0f20500101000000Z');
  });
});

describe('self-signed server certificate', () => {
  const now = new Date('2030-06-01T12:00:00Z');
  const cert = generateSelfSignedCertificate({ now });
  const x509 = new X509Certificate(cert.der);

  it('is a self-signed CA for localhost with a DNS SAN, as go-plugin makes it', () => {
    expect(x509.subject).toBe('O=ecs-image\nCN=localhost');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.subjectAltName).toBe('DNS:localhost');
    expect(x509.ca).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkHost('localhost')).toBe('localhost');
  });

  it('allows both server and client auth', () => {
    expect([...(x509.keyUsage ?? [])].sort()).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  });

  it('is backdated 30 s and valid for 30 years', () => {
    expect(new Date(x509.validFrom).getTime()).toBe(now.getTime() - 30_000);
    expect(new Date(x509.validTo).getUTCFullYear()).toBe(2060);
  });

  it('uses ECDSA P-256 and a random positive 128-bit serial', () => {
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const other = new X509Certificate(generateSelfSignedCertificate({ now }).der);
    expect(x509.serialNumber).not.toBe(other.serialNumber);
    expect(x509.serialNumber.length).toBeLessThanOrEqual(32);
    expect(Number.parseInt(x509.serialNumber.slice(0, 2), 16) & 0x80).toBe(0);
  });

  it('has a PEM private key that matches the certificate', () => {
    expect(x509.checkPrivateKey(createPrivateKey(cert.keyPem))).toBe(true);
  });

  it('signs with the key it was given', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const given = new X509Certificate(generateSelfSignedCertificate({ privateKey }).der);
    expect(given.verify(publicKey)).toBe(true);
  });

  it('parses with openssl and shows the go-plugin key usages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plugin-tls-test-'));
    try {
      writeFileSync(join(dir, 'cert.pem'), cert.certPem);
      let text: string;
      try {
        text = execFileSync('openssl', ['x509', '-in', join(dir, 'cert.pem'), '-noout', '-text'], { encoding: 'utf8' });
      } catch {
        return; // openssl is not guaranteed on every machine; node's parser above still checked the cert
      }
      expect(text).toContain('Digital Signature, Key Encipherment, Key Agreement, Certificate Sign');
      expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
      expect(text).toContain('TLS Web Client Authentication, TLS Web Server Authentication');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('goes in the handshake as unpadded standard base64 of the DER', () => {
    const field = handshakeCertField(cert.der);
    expect(field).not.toMatch(/=/);
    expect(field).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(Buffer.from(field, 'base64').equals(cert.der)).toBe(true);
    expect(handshakeCertField(Buffer.from([1, 2, 3, 4]))).toBe('AQIDBA');
  });
});

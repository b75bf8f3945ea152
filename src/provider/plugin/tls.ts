/**
 * AutoMTLS as go-plugin does it. Terraform puts a fresh client certificate in
 * `PLUGIN_CLIENT_CERT`; the server generates its own self-signed certificate, returns it
 * in the handshake line and requires the client to present exactly terraform's cert (it is
 * the only trusted CA). Terraform in turn trusts only the handshake cert, as a root, with
 * ServerName "localhost".
 *
 * What Go's verifier needs from our cert (crypto/x509, as go-plugin's AutoMTLS client uses
 * it): a DNS SAN `localhost` (CN alone is refused), and if EKU is present it must include
 * serverAuth. We mirror go-plugin's cert:
 * CA:true, KeyUsage digitalSignature|keyEncipherment|keyAgreement|keyCertSign, EKU
 * clientAuth+serverAuth, random 128-bit serial, notBefore now − 30 s, 30-year validity —
 * but on P-256 rather than P-521, which is faster and equally accepted.
 */
import { createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { ServerCredentials } from '@grpc/grpc-js';
import {
  derBitString,
  derBoolean,
  derExplicit,
  derOctetString,
  derOid,
  derSequence,
  derSet,
  derSmallInteger,
  derTime,
  derTlv,
  derUnsignedInteger,
  derUtf8String,
} from './der.js';

export interface SelfSignedCertificate {
  /** The certificate in DER, as the handshake line carries it. */
  readonly der: Buffer;
  readonly certPem: string;
  readonly keyPem: string;
}

export interface CertificateOptions {
  /** Defaults to now. */
  now?: Date;
  /** Subject/issuer organisation. */
  organization?: string;
  /** An existing key pair (tests); a new P-256 key otherwise. */
  privateKey?: KeyObject;
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

const VALIDITY_MS = 30 * 365.25 * 24 * 3600 * 1000;
const BACKDATE_MS = 30 * 1000;

/** digitalSignature(0) | keyEncipherment(2) | keyAgreement(4) | keyCertSign(5): bits 1010 1100, 2 unused. */
const KEY_USAGE_BITS = derBitString(Buffer.from([0xac]), 2);

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? derSequence(derOid(oid), derBoolean(true), derOctetString(value))
    : derSequence(derOid(oid), derOctetString(value));
}

function localhostName(organization: string): Buffer {
  return derSequence(
    derSet(derSequence(derOid(OID.organization), derUtf8String(organization))),
    derSet(derSequence(derOid(OID.commonName), derUtf8String('localhost'))),
  );
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function generateSelfSignedCertificate(options: CertificateOptions = {}): SelfSignedCertificate {
  const privateKey = options.privateKey ?? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const now = options.now ?? new Date();
  const name = localhostName(options.organization ?? 'ecs-image');
  const signatureAlgorithm = derSequence(derOid(OID.ecdsaWithSha256));

  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive, as RFC 5280 requires

  const extensions = derSequence(
    extension(OID.keyUsage, true, KEY_USAGE_BITS),
    extension(OID.extKeyUsage, false, derSequence(derOid(OID.clientAuth), derOid(OID.serverAuth))),
    extension(OID.basicConstraints, true, derSequence(derBoolean(true))),
    extension(OID.subjectAltName, false, derSequence(derTlv(0x82, Buffer.from('localhost', 'ascii')))),
  );

  const tbs = derSequence(
    derExplicit(0, derSmallInteger(2)), // v3
    derUnsignedInteger(serial),
    signatureAlgorithm,
    name,
    derSequence(derTime(new Date(now.getTime() - BACKDATE_MS)), derTime(new Date(now.getTime() + VALIDITY_MS))),
    name,
    spki,
    derExplicit(3, extensions),
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const der = derSequence(tbs, signatureAlgorithm, derBitString(signature));

  return {
    der,
    certPem: toPem('CERTIFICATE', der),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The handshake's cert field: DER, standard base64 alphabet, padding removed (Go's RawStdEncoding). */
export function handshakeCertField(der: Uint8Array): string {
  return Buffer.from(der).toString('base64').replace(/=+$/, '');
}

export interface ServerTls {
  readonly credentials: ServerCredentials;
  /** Undefined in plaintext mode: the handshake's cert field is then empty. */
  readonly certificate: SelfSignedCertificate | undefined;
}

/**
 * TLS with terraform's client cert pinned as the only CA when `clientCertPem` is given,
 * plaintext otherwise (terraform omits `PLUGIN_CLIENT_CERT` under `TF_DISABLE_PLUGIN_TLS`).
 */
export function serverTls(clientCertPem: string | undefined): ServerTls {
  if (clientCertPem === undefined || clientCertPem.trim() === '') {
    return { credentials: ServerCredentials.createInsecure(), certificate: undefined };
  }
  const certificate = generateSelfSignedCertificate();
  const credentials = ServerCredentials.createSsl(
    Buffer.from(clientCertPem),
    [{ cert_chain: Buffer.from(certificate.certPem), private_key: Buffer.from(certificate.keyPem) }],
    true,
  );
  return { credentials, certificate };
}

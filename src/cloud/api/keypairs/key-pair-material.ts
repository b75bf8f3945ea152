/**
 * A new RSA 2048 key pair for CreateKeyPair: the private key as PKCS#1 PEM
 * (`-----BEGIN RSA PRIVATE KEY-----`, which the SDK's example shows and every
 * known caller parses) and the public half in OpenSSH form.
 */
import { generateKeyPair as generateKeyPairCallback } from 'node:crypto';
import { promisify } from 'node:util';
import { rsaPublicBlob } from '../../../domain/ssh-key.js';

const generateKeyPair = promisify(generateKeyPairCallback);

export interface GeneratedKeyPair {
  readonly privateKeyPem: string;
  /** `ssh-rsa base64` */
  readonly publicKey: string;
  readonly publicBlob: Buffer;
}

export async function generateRsaKeyPair(): Promise<GeneratedKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const publicBlob = rsaPublicBlob(Buffer.from(jwk.e ?? '', 'base64url'), Buffer.from(jwk.n ?? '', 'base64url'));
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: `ssh-rsa ${publicBlob.toString('base64')}`,
    publicBlob,
  };
}

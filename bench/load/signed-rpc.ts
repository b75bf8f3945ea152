/**
 * RPC v1 (HMAC-SHA1) signing for the load processes: every request gets a
 * fresh `SignatureNonce` and the current `Timestamp`, as the official SDKs
 * send them, so the cloud does its full work (signature check, nonce replay
 * guard) on each one. The canonicalisation is the cloud's own
 * (`src/cloud/http/signature-v1.ts`); a wrong signature would show up as
 * errors in the report, never as fast answers.
 */
import { randomUUID } from 'node:crypto';
import { percentEncode } from '../../src/cloud/http/percent-encode.js';
import { v1Signature, v1StringToSign } from '../../src/cloud/http/signature-v1.js';
import type { LoadCredentials } from './load-plan.js';

export class RpcSigner {
  readonly #credentials: LoadCredentials;
  #timestamp = '';
  #timestampUntil = 0;

  constructor(credentials: LoadCredentials) {
    this.#credentials = credentials;
  }

  /** `/?…&Signature=…` for a GET of these action parameters. */
  signedPath(params: Readonly<Record<string, string>>): string {
    const pairs: [string, string][] = [
      ['Format', 'JSON'],
      ['Timestamp', this.#now()],
      ['SignatureNonce', randomUUID()],
      ['SignatureMethod', 'HMAC-SHA1'],
      ['SignatureVersion', '1.0'],
      ['AccessKeyId', this.#credentials.accessKeyId],
      ...Object.entries(params),
    ];
    const signature = v1Signature(v1StringToSign('GET', pairs), this.#credentials.accessKeySecret);
    pairs.push(['Signature', signature]);
    return `/?${pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join('&')}`;
  }

  /** ISO-8601 to the second; formatted once a second, not per request. */
  #now(): string {
    const now = Date.now();
    if (now >= this.#timestampUntil) {
      this.#timestamp = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
      this.#timestampUntil = now - (now % 1000) + 1000;
    }
    return this.#timestamp;
  }
}

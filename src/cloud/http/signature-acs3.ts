/**
 * ACS3-HMAC-SHA256, ecs-wire.md §3.1: a canonical request of method, path,
 * sorted RFC 3986 query, the client's signed headers, their names and the
 * SHA-256 of the body bytes as received; signed with the bare secret.
 */
import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';
import type { Pair } from './parse-request.js';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface Acs3Authorization {
  readonly algorithm: string;
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`; undefined when malformed. */
export function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
  const match = /^(ACS3-[A-Z0-9-]+)\s+(.*)$/.exec(header.trim());
  if (match === null) return undefined;
  const fields = new Map<string, string>();
  for (const part of (match[2] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return {
    algorithm: match[1] ?? '',
    accessKeyId,
    signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()),
    signature: signature.toLowerCase(),
  };
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface Acs3CanonicalInput {
  readonly method: string;
  readonly path: string;
  readonly queryPairs: readonly Pair[];
  /** Signed header name → value (untrimmed). */
  readonly headerValue: (name: string) => string | undefined;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

/** The canonical request, or undefined when a signed header is missing from the request. */
export function acs3CanonicalRequest(input: Acs3CanonicalInput): string | undefined {
  const query = input.queryPairs
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  let headers = '';
  for (const name of input.signedHeaders) {
    const value = input.headerValue(name);
    if (value === undefined) return undefined;
    headers += `${name}:${value.trim()}\n`;
  }
  return [input.method, input.path === '' ? '/' : input.path, query, headers, input.signedHeaders.join(';'), input.payloadHash].join('\n');
}

export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function acs3Signature(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}

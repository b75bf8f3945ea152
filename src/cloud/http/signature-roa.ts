/**
 * ROA signature (HMAC-SHA1), the classic SDK's signing of ASCM calls (alibabacloudstack.md
 * §3.4): the method, the `Accept`, `Content-MD5`, `Content-Type` and `Date` header values,
 * every `x-acs-*` header sorted as `name:value`, then the path with its query (keys sorted,
 * values not encoded, an empty value written as the bare key), one per line; signed with the
 * secret alone (no `&`) and sent as `Authorization: acs <AccessKeyId>:<signature>`.
 */
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { headerValue } from './raw-request.js';
import type { Pair } from './parse-request.js';

export interface RoaSigned {
  readonly method: string;
  readonly path: string;
  readonly queryPairs: readonly Pair[];
  /** Lowercase names, as node:http delivers them. */
  readonly headers: IncomingHttpHeaders;
}

export interface RoaAuthorization {
  readonly accessKeyId: string;
  readonly signature: string;
}

const FIXED_HEADERS = ['accept', 'content-md5', 'content-type', 'date'] as const;

export function roaStringToSign(request: RoaSigned): string {
  const fixed = FIXED_HEADERS.map((name) => headerValue(request.headers, name) ?? '');
  const acs = Object.keys(request.headers)
    .filter((name) => name.startsWith('x-acs-'))
    .sort()
    .map((name) => `${name}:${headerValue(request.headers, name) ?? ''}`);
  return [request.method.toUpperCase(), ...fixed, ...acs, canonicalResource(request.path, request.queryPairs)].join('\n');
}

export function roaSignature(stringToSign: string, secret: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}

/** `acs <AccessKeyId>:<signature>`, or undefined when the header has another shape. */
export function parseRoaAuthorization(value: string | undefined): RoaAuthorization | undefined {
  const match = value === undefined ? null : /^acs ([^:\s]+):(\S+)$/.exec(value.trim());
  return match === null ? undefined : { accessKeyId: match[1]!, signature: match[2]! };
}

function canonicalResource(path: string, pairs: readonly Pair[]): string {
  if (pairs.length === 0) return path;
  // One value per key, as the SDK builds its query from a map; the last one sent wins.
  const byKey = new Map<string, string>();
  for (const [key, value] of pairs) byKey.set(key, value);
  const query = [...byKey.keys()]
    .sort()
    .map((key) => (byKey.get(key) === '' ? key : `${key}=${byKey.get(key)!}`))
    .join('&');
  return `${path}?${query}`;
}

/**
 * RPC signature v1 (HMAC-SHA1), ecs-wire.md §3.2: every query and form
 * parameter but `Signature`, sorted, RFC 3986-encoded, then
 * `METHOD&%2F&encode(canonical)` signed with `secret + "&"`.
 */
import { createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';
import type { Pair } from './parse-request.js';

export function v1StringToSign(method: string, pairs: readonly Pair[]): string {
  const canonical = pairs
    .filter(([key]) => key !== 'Signature')
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return `${method}&%2F&${percentEncode(canonical)}`;
}

export function v1Signature(stringToSign: string, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

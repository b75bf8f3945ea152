/**
 * RPC signature v1 (HMAC-SHA1), ecs-wire.md §3.2: every query and form
 * parameter but `Signature`, sorted by its decoded name, RFC 3986-encoded,
 * then `METHOD&%2F&encode(canonical)` signed with `secret + "&"`.
 *
 * The order is the raw names' order, as the SDKs sort (openapi-core sorts the
 * keys, then encodes): sorting the encoded names instead misorders a name with
 * a character that encodes as `%XX` next to one that stays literal (`a/` vs `a-`).
 * JavaScript compares UTF-16 code units as the TypeScript SDK does; Go's byte
 * order differs only for characters beyond U+FFFF against U+E000–U+FFFF.
 */
import { createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';
import type { Pair } from './parse-request.js';

export function v1StringToSign(method: string, pairs: readonly Pair[]): string {
  const canonical = pairs
    .filter(([key]) => key !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&');
  return `${method}&%2F&${percentEncode(canonical)}`;
}

export function v1Signature(stringToSign: string, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

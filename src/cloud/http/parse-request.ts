/**
 * Step 1: parse. Query string and (for form content types) the body, both
 * decoded as `application/x-www-form-urlencoded` (`+` is a space; Go clients
 * send it). The pairs are kept in order for signing; the merged map (body
 * after query, last value wins) is what handlers read.
 *
 * A NUL character is refused here, in any parameter: no ECS value holds one, and PostgreSQL
 * cannot store one in text, so it would otherwise reach the store as an internal error.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { EcsError } from '../api/errors.js';
import type { RawRequest } from './raw-request.js';

export type Pair = readonly [string, string];

export interface ParsedRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly queryPairs: readonly Pair[];
  readonly formPairs: readonly Pair[];
  readonly params: ReadonlyMap<string, string>;
}

export function parseRequest(raw: RawRequest): ParsedRequest {
  const method = raw.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new EcsError('UnsupportedHTTPMethod');
  const queryStart = raw.url.indexOf('?');
  const path = queryStart < 0 ? raw.url : raw.url.slice(0, queryStart);
  const queryPairs = decodePairs(queryStart < 0 ? '' : raw.url.slice(queryStart + 1));
  const formPairs = isForm(raw.headers['content-type']) ? decodePairs(raw.body.toString('utf8')) : [];
  const params = new Map<string, string>();
  for (const [key, value] of [...queryPairs, ...formPairs]) {
    if (key.includes('\u0000') || value.includes('\u0000')) throw EcsError.invalidParameter(key.replaceAll('\u0000', '\\0'));
    params.set(key, value);
  }
  return { method, path, headers: raw.headers, body: raw.body, queryPairs, formPairs, params };
}

function isForm(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function decodePairs(text: string): Pair[] {
  if (text === '') return [];
  return [...new URLSearchParams(text)].filter(([key]) => key !== '');
}

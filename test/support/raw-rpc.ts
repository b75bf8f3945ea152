/**
 * Hand-built RPC requests for tests that need what an SDK will not send:
 * stale timestamps, reused nonces, missing parameters, malformed bodies.
 * The signing code here is independent of the server's (written from
 * ecs-wire.md §3), so a test using it cross-checks the server.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';

export interface RawAnswer {
  readonly status: number;
  readonly text: string;
  /** The parsed JSON body (undefined if it was not JSON). */
  readonly json: Record<string, unknown> | undefined;
}

const rfc3986 = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface V1Options {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly method?: 'GET' | 'POST';
  /** Action parameters (and any system parameter to override, e.g. Timestamp). */
  readonly params: Record<string, string>;
  /** Parameters sent in a form body instead of the query. */
  readonly form?: Record<string, string>;
  /** Leave out these system parameters entirely. */
  readonly omit?: readonly string[];
}

/** The full parameter set of a signed RPC v1 request (query part and form part). */
export function signV1(options: V1Options): { query: Record<string, string>; form: Record<string, string> } {
  const system: Record<string, string> = {
    Format: 'JSON',
    Version: '2014-05-26',
    Timestamp: isoSeconds(Date.now()),
    SignatureNonce: randomUUID(),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    AccessKeyId: options.accessKeyId,
  };
  for (const key of options.omit ?? []) delete system[key];
  const query = { ...system, ...options.params };
  const form = options.form ?? {};
  const all = { ...query, ...form };
  const canonical = Object.keys(all)
    .sort()
    .map((key) => `${rfc3986(key)}=${rfc3986(all[key] ?? '')}`)
    .join('&');
  const stringToSign = `${options.method ?? 'POST'}&%2F&${rfc3986(canonical)}`;
  const signature = createHmac('sha1', `${options.accessKeySecret}&`).update(stringToSign).digest('base64');
  return { query: { ...query, Signature: signature }, form };
}

export async function sendV1(url: string, options: V1Options): Promise<RawAnswer> {
  const { query, form } = signV1(options);
  const hasForm = Object.keys(form).length > 0;
  return send(`${url}/?${new URLSearchParams(query).toString()}`, {
    method: options.method ?? 'POST',
    headers: hasForm ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    ...(hasForm ? { body: new URLSearchParams(form).toString() } : {}),
  });
}

export interface Acs3Options {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly action: string;
  readonly version?: string;
  readonly query?: Record<string, string>;
  readonly date?: string;
  readonly nonce?: string;
  readonly body?: string;
  readonly contentType?: string;
}

export async function sendAcs3(url: string, options: Acs3Options): Promise<RawAnswer> {
  const host = new URL(url).host;
  const body = options.body ?? '';
  const headers: Record<string, string> = {
    host,
    'x-acs-action': options.action,
    'x-acs-version': options.version ?? '2014-05-26',
    'x-acs-date': options.date ?? isoSeconds(Date.now()),
    'x-acs-signature-nonce': options.nonce ?? randomUUID().replace(/-/g, ''),
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
    ...(options.contentType !== undefined ? { 'content-type': options.contentType } : {}),
  };
  const signed = Object.keys(headers).sort();
  const query = options.query ?? {};
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((key) => `${rfc3986(key)}=${rfc3986(query[key] ?? '')}`)
    .join('&');
  const canonicalRequest = [
    'POST',
    '/',
    canonicalQuery,
    signed.map((name) => `${name}:${headers[name]}\n`).join(''),
    signed.join(';'),
    headers['x-acs-content-sha256'],
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const signature = createHmac('sha256', options.accessKeySecret).update(stringToSign).digest('hex');
  const { host: _host, ...sent } = headers;
  return send(`${url}/?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: {
      ...sent,
      authorization: `ACS3-HMAC-SHA256 Credential=${options.accessKeyId},SignedHeaders=${signed.join(';')},Signature=${signature}`,
    },
    ...(body !== '' ? { body } : {}),
  });
}

export async function send(url: string, init: RequestInit): Promise<RawAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

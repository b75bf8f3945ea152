/**
 * Proxy mode: tools with no endpoint option (Packer 1.6, older SDKs) reach the
 * cloud through `HTTP_PROXY=http://127.0.0.1:8787`, so their requests arrive
 * in absolute form (`POST http://ecs-cn-hangzhou.aliyuncs.com/?Action=…`). The
 * RPC signature covers the parameters, not the host, so a request for an
 * Alibaba Cloud API host is served exactly as if it had been sent here
 * directly. Any other host is refused with a 403 envelope: this is not a
 * general-purpose proxy. (CONNECT, the HTTPS tunnel, is answered in
 * http-server.ts with an immediate error, so SDKs fall back to their
 * built-in endpoints instead of waiting.)
 */
import { EcsError } from '../api/errors.js';
import type { RawRequest, RpcResponse } from './raw-request.js';

/** `scheme://…`: the request target of a request meant for a proxy (RFC 9112 §3.2.2). */
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;
const API_DOMAIN = 'aliyuncs.com';

export type ProxyRouting =
  /** Origin form, or an API host in absolute form rewritten to origin form with that host. */
  | { readonly kind: 'serve'; readonly request: RawRequest }
  | { readonly kind: 'refuse'; readonly error: EcsError; readonly host: string };

export function isApiHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === API_DOMAIN || host.endsWith(`.${API_DOMAIN}`);
}

export function routeProxyForm(raw: RawRequest): ProxyRouting {
  if (!ABSOLUTE_FORM.test(raw.url)) return { kind: 'serve', request: raw };
  let target: URL;
  try {
    target = new URL(raw.url);
  } catch {
    return { kind: 'refuse', error: EcsError.invalidParameter('request target'), host: 'ecs.aliyuncs.com' };
  }
  if ((target.protocol !== 'http:' && target.protocol !== 'https:') || !isApiHost(target.hostname)) {
    return { kind: 'refuse', error: new EcsError('Forbidden.ProxyHost', target.host || raw.url), host: 'ecs.aliyuncs.com' };
  }
  // The path and query exactly as sent (URL would re-encode them, and the signature is over the decoded pairs anyway).
  const rest = raw.url.slice(raw.url.indexOf('//') + 2);
  const pathStart = rest.search(/[/?]/);
  const originForm = pathStart < 0 ? '/' : rest[pathStart] === '?' ? `/${rest.slice(pathStart)}` : rest.slice(pathStart);
  return { kind: 'serve', request: { ...raw, url: originForm, headers: { ...raw.headers, host: target.host } } };
}

/** Wraps the cloud's handler: absolute-form requests are unwrapped or refused before it sees them. */
export function proxyAware(
  handle: (request: RawRequest) => Promise<RpcResponse>,
  refuse: (error: EcsError, host: string) => RpcResponse,
): (request: RawRequest) => Promise<RpcResponse> {
  return async (raw) => {
    const routed = routeProxyForm(raw);
    return routed.kind === 'serve' ? handle(routed.request) : refuse(routed.error, routed.host);
  };
}

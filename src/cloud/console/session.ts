/**
 * Console sessions without a table: the cookie carries who signed in, signed
 * with HMAC-SHA256 under a key derived from the admin token. The admin token
 * is one per data directory or database (or the operator's own), so every
 * replica sharing a PostgreSQL accepts the others' sessions, and changing the
 * token ends every session. A tenant session also carries a digest of its
 * AccessKey secret: a removed key or a changed secret ends it too
 * (`sign-in.ts` checks that on every request).
 *
 * Cross-site requests: the cookie is SameSite=Strict, every state-changing
 * form carries the session's CSRF token (an HMAC of the session's nonce), and
 * a POST whose Origin is another site is refused before anything else.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'ecs_image_console';
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type Principal = { readonly kind: 'admin' } | { readonly kind: 'tenant'; readonly accountId: string; readonly accessKeyId: string; readonly secretCheck: string };

export interface Session {
  readonly principal: Principal;
  readonly nonce: string;
  readonly expiresAt: number;
}

export class SessionKeys {
  readonly #key: Buffer;

  constructor(adminToken: string) {
    this.#key = createHmac('sha256', adminToken).update('ecs-image console session key v1').digest();
  }

  #mac(purpose: string, text: string): string {
    return createHmac('sha256', this.#key).update(`${purpose}\n${text}`).digest('base64url');
  }

  issue(principal: Principal, now: number): { readonly cookie: string; readonly session: Session } {
    const session: Session = { principal, nonce: randomBytes(16).toString('base64url'), expiresAt: now + SESSION_TTL_MS };
    const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
    return { cookie: `${payload}.${this.#mac('session', payload)}`, session };
  }

  /** The session a cookie value carries, or undefined when it is forged, malformed or expired. */
  open(cookie: string | undefined, now: number): Session | undefined {
    if (cookie === undefined) return undefined;
    const [payload, mac, extra] = cookie.split('.');
    if (payload === undefined || mac === undefined || extra !== undefined || !sameText(mac, this.#mac('session', payload))) return undefined;
    try {
      const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
      return typeof session.expiresAt === 'number' && session.expiresAt > now ? session : undefined;
    } catch {
      return undefined;
    }
  }

  csrfToken(session: Session): string {
    return this.#mac('csrf', session.nonce);
  }

  csrfMatches(session: Session, given: string | undefined): boolean {
    return given !== undefined && sameText(given, this.csrfToken(session));
  }

  /** What a tenant session remembers of its secret: enough to notice a change, useless to an attacker. */
  secretCheck(accessKeyId: string, secret: string): string {
    return this.#mac('secret', `${accessKeyId}\n${secret}`);
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function cookieHeader(value: string, maxAgeSeconds: number, path: string): string {
  return `${SESSION_COOKIE}=${value}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export function cookieOf(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return undefined;
}

export const SESSION_MAX_AGE_SECONDS = SESSION_TTL_MS / 1000;

import { describe, expect, it } from 'vitest';
import { cookieHeader, cookieOf, SessionKeys, SESSION_COOKIE } from '../../src/cloud/console/session.js';

const NOW = 1_800_000_000_000;

describe('console sessions', () => {
  const keys = new SessionKeys('an-admin-token-of-this-store');

  it('opens what it issued, on any replica with the same admin token', () => {
    const { cookie } = keys.issue({ kind: 'admin' }, NOW);
    expect(keys.open(cookie, NOW + 1000)?.principal).toEqual({ kind: 'admin' });
    expect(new SessionKeys('an-admin-token-of-this-store').open(cookie, NOW)?.principal).toEqual({ kind: 'admin' });
  });

  it('refuses a forged, altered, foreign or expired cookie', () => {
    const { cookie } = keys.issue({ kind: 'tenant', accountId: '1', accessKeyId: 'k', secretCheck: 'c' }, NOW);
    const [payload, mac] = cookie.split('.');
    const forged = Buffer.from(JSON.stringify({ principal: { kind: 'admin' }, nonce: 'n', expiresAt: NOW + 1e9 })).toString('base64url');
    expect(keys.open(`${forged}.${mac}`, NOW)).toBeUndefined();
    expect(keys.open(`${payload}.${mac}x`, NOW)).toBeUndefined();
    expect(keys.open(`${payload}`, NOW)).toBeUndefined();
    expect(keys.open(undefined, NOW)).toBeUndefined();
    expect(new SessionKeys('another-token').open(cookie, NOW)).toBeUndefined();
    expect(keys.open(cookie, NOW + 13 * 3600 * 1000)).toBeUndefined();
  });

  it("binds the CSRF token to one session", () => {
    const first = keys.issue({ kind: 'admin' }, NOW).session;
    const second = keys.issue({ kind: 'admin' }, NOW).session;
    expect(keys.csrfMatches(first, keys.csrfToken(first))).toBe(true);
    expect(keys.csrfMatches(first, keys.csrfToken(second))).toBe(false);
    expect(keys.csrfMatches(first, undefined)).toBe(false);
  });

  it('writes an HttpOnly, SameSite=Strict cookie and reads it back among others', () => {
    expect(cookieHeader('v', 60, '/_ecs-image/console/')).toBe(`${SESSION_COOKIE}=v; Path=/_ecs-image/console/; HttpOnly; SameSite=Strict; Max-Age=60`);
    expect(cookieOf(`a=b; ${SESSION_COOKIE}=x.y; c=d`)).toBe('x.y');
    expect(cookieOf(undefined)).toBeUndefined();
  });
});

/**
 * The web console at `/_ecs-image/console/`, on the cloud's own port. Order:
 * static assets (no session), then for a POST the same-origin check, the
 * sign-in form, the session (a signed cookie, `session.ts`) and for a POST
 * its CSRF token, then the page. Pages are server-rendered HTML in which
 * every value from the store is escaped (`html.ts`); the only script is
 * assets/console.js, and the Content-Security-Policy allows no other.
 */
import type { Logger } from 'pino';
import type { JobRunner } from '../jobs/runner.js';
import type { LiveSettings } from '../admin/live-settings.js';
import { EcsError } from '../api/errors.js';
import { findRegion } from '../api/catalog/catalog.js';
import type { ActionRegistry } from '../api/registry.js';
import type { AccessKeyDirectory } from '../http/access-keys.js';
import { headerValue, type RawRequest, type RpcResponse } from '../http/raw-request.js';
import type { Store } from '../store/store.js';
import { ApiReader } from './api-reader.js';
import { loadAssets } from './assets.js';
import { html, type Html } from './html.js';
import { CONSOLE_PATH, notice, page } from './layout.js';
import type { PageContext, PageHandler, PageView, RawAnswer } from './page-context.js';
import { imageDetailPage } from './pages/image-detail.js';
import { imageProgressApi, imagesPage } from './pages/images.js';
import { completeJobsAction, jobsPage } from './pages/jobs.js';
import { addFaultAction, deleteFaultAction, operationsPage, resetAction, settingsAction, stateDownload, stateUpload } from './pages/operations.js';
import { overviewPage } from './pages/overview.js';
import { resourcePage } from './pages/resources.js';
import { cookieHeader, cookieOf, SESSION_MAX_AGE_SECONDS, SessionKeys, type Session } from './session.js';
import { principalOf, viewerOf, type Viewer } from './viewer.js';

export { CONSOLE_PATH } from './layout.js';

export interface ConsoleDeps {
  readonly registry: ActionRegistry;
  readonly store: Store;
  readonly accessKeys: AccessKeyDirectory;
  readonly settings: LiveSettings;
  readonly jobs: JobRunner;
  readonly adminToken: string;
  readonly now: () => number;
  readonly logger: Logger;
}

interface Route {
  readonly handler: PageHandler;
  readonly adminOnly?: boolean;
}

/** `METHOD path` → route; `*` in a path stands for the rest of it (an image id). */
const ROUTES: Readonly<Record<string, Route>> = {
  'GET ': { handler: overviewPage },
  'GET images': { handler: imagesPage },
  'GET images/*': { handler: imageDetailPage },
  'GET api/images': { handler: imageProgressApi },
  'GET instances': { handler: resourcePage('instances') },
  'GET disks': { handler: resourcePage('disks') },
  'GET snapshots': { handler: resourcePage('snapshots') },
  'GET vpcs': { handler: resourcePage('vpcs') },
  'GET vswitches': { handler: resourcePage('vswitches') },
  'GET security-groups': { handler: resourcePage('security-groups') },
  'GET jobs': { handler: (ctx) => jobsPage(ctx) },
  'POST jobs/complete': { handler: completeJobsAction, adminOnly: true },
  'GET operations': { handler: (ctx) => operationsPage(ctx), adminOnly: true },
  'POST operations/reset': { handler: resetAction, adminOnly: true },
  'GET operations/state': { handler: stateDownload, adminOnly: true },
  'POST operations/state': { handler: stateUpload, adminOnly: true },
  'POST operations/settings': { handler: settingsAction, adminOnly: true },
  'POST operations/faults': { handler: addFaultAction, adminOnly: true },
  'POST operations/faults/delete': { handler: deleteFaultAction, adminOnly: true },
};

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export type ConsoleHandler = (raw: RawRequest) => Promise<RpcResponse>;

export function createConsole(deps: ConsoleDeps): ConsoleHandler {
  const assets = loadAssets();
  const keys = new SessionKeys(deps.adminToken);
  const reader = new ApiReader({ registry: deps.registry, db: deps.store.db, settings: deps.settings, now: deps.now });
  const viewerDeps = { db: deps.store.db, accessKeys: deps.accessKeys, adminToken: deps.adminToken, keys };

  const htmlAnswer = (status: number, body: Html, headers: Record<string, string> = {}): RpcResponse => ({
    status,
    body: body.text,
    headers: { 'content-type': 'text/html;charset=utf-8', ...SECURITY_HEADERS, ...headers },
  });
  const redirect = (to: string, headers: Record<string, string> = {}): RpcResponse => ({
    status: 303,
    body: '',
    headers: { location: to, 'content-type': 'text/plain;charset=utf-8', ...SECURITY_HEADERS, ...headers },
  });
  const messagePage = (status: number, title: string, message: string, viewer?: Viewer, csrf?: string): RpcResponse =>
    htmlAnswer(status, page({ title, section: '', ...(viewer !== undefined ? { viewer } : {}), ...(csrf !== undefined ? { csrf } : {}), body: notice(message, 'error') }));
  const signInPage = (status: number, message?: string): RpcResponse =>
    htmlAnswer(status, page({ title: 'Sign in', section: 'sign-in', body: signInForm(message) }));

  return async (raw) => {
    const url = new URL(raw.url, 'http://console.invalid');
    if (url.pathname === CONSOLE_PATH.slice(0, -1)) return redirect(CONSOLE_PATH);
    const path = decodeURIComponent(url.pathname.slice(CONSOLE_PATH.length)).replace(/\/+$/, '');
    const method = raw.method.toUpperCase() === 'HEAD' ? 'GET' : raw.method.toUpperCase();
    try {
      if (path.startsWith('assets/')) {
        const asset = method === 'GET' ? assets.get(path.slice('assets/'.length)) : undefined;
        if (asset === undefined) return messagePage(404, 'Not found', `No console file ${path}.`);
        return { status: 200, body: asset.body, headers: { 'content-type': asset.contentType, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } };
      }
      if (method !== 'GET' && method !== 'POST') return messagePage(405, 'Not allowed', 'The console answers GET and POST only.');
      if (method === 'POST' && !sameOrigin(raw)) {
        return messagePage(403, 'Refused', 'Refused: this request came from another site (cross-site request forgery protection).');
      }
      const form = method === 'POST' ? formOf(raw) : new URLSearchParams();
      const now = deps.now();
      if (path === 'sign-in') {
        if (method === 'GET') return signInPage(200);
        const principal = await principalOf(form, viewerDeps);
        if (typeof principal === 'string') return signInPage(401, principal);
        const { cookie } = keys.issue(principal, now);
        return redirect(CONSOLE_PATH, { 'set-cookie': cookieHeader(cookie, SESSION_MAX_AGE_SECONDS, CONSOLE_PATH) });
      }
      const session = keys.open(cookieOf(headerValue(raw.headers, 'cookie')), now);
      const viewer = session === undefined ? undefined : await viewerOf(session, viewerDeps);
      if (session === undefined || viewer === undefined) {
        const clear = { 'set-cookie': cookieHeader('', 0, CONSOLE_PATH) };
        if (path.startsWith('api/')) return { status: 401, body: JSON.stringify({ error: 'signed out' }), headers: { 'content-type': 'application/json;charset=utf-8', ...SECURITY_HEADERS } };
        if (method === 'GET') return redirect(`${CONSOLE_PATH}sign-in`, session === undefined ? {} : clear);
        return messagePage(403, 'Refused', 'Refused: sign in first.');
      }
      const csrf = keys.csrfToken(session);
      if (method === 'POST' && !keys.csrfMatches(session, form.get('csrf') ?? undefined)) {
        return messagePage(403, 'Refused', 'Refused: the form carried no valid CSRF token (cross-site request forgery protection).', viewer, csrf);
      }
      if (path === 'sign-out' && method === 'POST') return redirect(`${CONSOLE_PATH}sign-in`, { 'set-cookie': cookieHeader('', 0, CONSOLE_PATH) });
      const detail = /^images\/([^/]+)$/.exec(path);
      const route = ROUTES[`${method} ${detail !== null ? 'images/*' : path}`];
      if (route === undefined) return messagePage(404, 'Not found', `The console has no page ${url.pathname}.`, viewer, csrf);
      if (route.adminOnly === true && !viewer.isAdmin) {
        return messagePage(403, 'Admin only', 'This page needs the admin token: sign in with it to see it.', viewer, csrf);
      }
      const region = url.searchParams.get('region');
      if (region !== null && region !== '' && findRegion(region) === undefined) {
        return messagePage(400, 'Unknown region', `There is no region ${region}.`, viewer, csrf);
      }
      const ctx = contextOf(deps, { viewer, reader, query: url.searchParams, form, rest: detail?.[1] ?? '', csrf });
      let answer: PageView | RawAnswer;
      try {
        answer = await route.handler(ctx);
      } catch (error) {
        // What the API refuses (a malformed filter…) is said on the page, as the API says it.
        if (!(error instanceof EcsError)) throw error;
        return messagePage(error.status, 'Refused by the API', `${error.code}: ${error.message}`, viewer, csrf);
      }
      if (isRaw(answer)) return { status: answer.status, body: answer.body, headers: { ...SECURITY_HEADERS, ...answer.headers } };
      return htmlAnswer(answer.status ?? 200, page({ title: answer.title, section: path.split('/')[0] ?? '', viewer, csrf, body: answer.body }));
    } catch (error) {
      deps.logger.error({ err: error, url: raw.url }, 'console request failed');
      return messagePage(500, 'Console error', `The console failed: ${(error as Error).message}`);
    }
  };
}

function contextOf(deps: ConsoleDeps, parts: Pick<PageContext, 'viewer' | 'reader' | 'query' | 'form' | 'rest' | 'csrf'>): PageContext {
  return { ...parts, store: deps.store, settings: deps.settings, jobs: deps.jobs, now: deps.now, logger: deps.logger };
}

function isRaw(answer: PageView | RawAnswer): answer is RawAnswer {
  return 'headers' in answer;
}

/**
 * A POST must come from the console's own pages: a browser names the page's
 * origin in `Origin` (and `Sec-Fetch-Site`), which must be this host. A
 * client that sends neither (curl) is not a browser carrying someone's cookie.
 */
function sameOrigin(raw: RawRequest): boolean {
  const host = headerValue(raw.headers, 'host');
  const origin = headerValue(raw.headers, 'origin');
  const fetchSite = headerValue(raw.headers, 'sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  if (origin === undefined) return true;
  try {
    return origin !== 'null' && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function formOf(raw: RawRequest): URLSearchParams {
  const type = headerValue(raw.headers, 'content-type') ?? '';
  return type.toLowerCase().startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(raw.body.toString('utf8')) : new URLSearchParams();
}

function signInForm(message: string | undefined): Html {
  return html`${notice(message, 'error')}
<p>Sign in with the admin token that <code>ecs-image serve</code> printed (every account), or with an account's AccessKey (that account only).</p>
<div class="sign-in">
<form method="post" action="${CONSOLE_PATH}sign-in" aria-labelledby="admin-sign-in">
<h2 id="admin-sign-in">Admin</h2>
<label>Admin token <input type="password" name="token" autocomplete="current-password" required></label>
<button type="submit">Sign in as admin</button></form>
<form method="post" action="${CONSOLE_PATH}sign-in" aria-labelledby="tenant-sign-in">
<h2 id="tenant-sign-in">Account</h2>
<label>AccessKey ID <input name="accessKeyId" autocomplete="username" required></label>
<label>AccessKey secret <input type="password" name="accessKeySecret" autocomplete="current-password" required></label>
<button type="submit">Sign in to the account</button></form>
</div>`;
}

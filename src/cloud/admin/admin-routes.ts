/**
 * The operator API under `/_ecs-image/`, on the cloud's own port. The HTTP
 * server hands every request whose path starts with the prefix here instead
 * of to the RPC pipeline, so no admin route is ever a cloud action (and no
 * action name reaches one). Order: route by path (an unknown one is 404),
 * the admin token (all but `health`; 401 otherwise), the method (405), then
 * the handler. Every failure gets the ECS-style envelope.
 */
import type { Logger } from 'pino';
import type { JobRunner } from '../jobs/runner.js';
import type { RawRequest, RpcResponse } from '../http/raw-request.js';
import { isPostgresUnavailable } from '../store/postgres/connection-errors.js';
import type { Store } from '../store/store.js';
import { AdminError, errorResponse, jsonResponse } from './admin-error.js';
import { bearerToken, tokensMatch } from './admin-token.js';
import { completeJobs } from './complete-jobs.js';
import { addFaultRule, deleteFaultRules, listFaultRules, parseFaultRule } from './fault-rules.js';
import { health } from './health.js';
import type { LiveSettings } from './live-settings.js';
import { resetState } from './reset-state.js';
import { saveState } from './state-document.js';
import { loadState } from './state-load.js';

export const ADMIN_PREFIX = '/_ecs-image/';

/** Bodies of `PUT /_ecs-image/state` may be far larger than an RPC request. */
export const ADMIN_BODY_LIMIT = 256 * 1024 * 1024;

export interface AdminDeps {
  readonly store: Store;
  readonly settings: LiveSettings;
  readonly jobs: JobRunner;
  readonly adminToken: string;
  readonly now: () => number;
  readonly startedAt: number;
  readonly logger: Logger;
}

interface AdminRequest {
  readonly query: URLSearchParams;
  /** The path after `/_ecs-image/faults/`, for the routes that take an id. */
  readonly id: string;
  body(): unknown;
}

type Handler = (request: AdminRequest, deps: AdminDeps) => Promise<RpcResponse>;

/** Path (after the prefix) → method → handler. */
const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  'state/reset': {
    POST: async (request, deps) => {
      const accountId = request.query.get('accountId') ?? undefined;
      if (accountId === '') throw AdminError.invalid('accountId must not be empty');
      return jsonResponse(200, { reset: await resetState(deps.store.db, accountId) });
    },
  },
  state: {
    GET: async (_request, deps) => jsonResponse(200, await saveState(deps.store, deps.now())),
    PUT: async (request, deps) => jsonResponse(200, await loadState(deps.store.db, request.body(), deps.now())),
  },
  settings: {
    GET: async (_request, deps) => jsonResponse(200, deps.settings.view()),
    PATCH: async (request, deps) => jsonResponse(200, deps.settings.patch(request.body())),
  },
  'jobs/complete': {
    POST: async (_request, deps) => jsonResponse(200, { completed: await completeJobs(deps.store, deps.jobs, deps.now) }),
  },
  faults: {
    GET: async (_request, deps) => jsonResponse(200, { faults: await listFaultRules(deps.store.db) }),
    POST: async (request, deps) => jsonResponse(201, await addFaultRule(deps.store.db, parseFaultRule(request.body()), deps.now())),
    DELETE: async (_request, deps) => jsonResponse(200, { deleted: await deleteFaultRules(deps.store.db) }),
  },
  'faults/:id': {
    DELETE: async (request, deps) => {
      const deleted = await deleteFaultRules(deps.store.db, request.id);
      if (deleted === 0) throw new AdminError(404, 'InvalidFaultId.NotFound', `no fault rule ${request.id}`);
      return jsonResponse(200, { deleted });
    },
  },
};

export function isAdminRequest(raw: RawRequest): boolean {
  return raw.url.startsWith(ADMIN_PREFIX);
}

export async function handleAdmin(raw: RawRequest, deps: AdminDeps): Promise<RpcResponse> {
  try {
    const url = new URL(raw.url, 'http://local');
    const path = url.pathname.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
    const method = raw.method.toUpperCase();
    if (path === 'health') {
      if (method !== 'GET') throw methodNotAllowed(['GET']);
      return await health(deps);
    }
    const faultId = /^faults\/([^/]+)$/.exec(path)?.[1];
    const routes = ROUTES[faultId !== undefined ? 'faults/:id' : path];
    if (routes === undefined) throw new AdminError(404, 'InvalidApi.NotFound', `${url.pathname} is not a route of the operator API`);
    authorize(raw, deps.adminToken);
    const handler = routes[method];
    if (handler === undefined) throw methodNotAllowed(Object.keys(routes));
    return await handler({ query: url.searchParams, id: decodeURIComponent(faultId ?? ''), body: () => parseBody(raw) }, deps);
  } catch (error) {
    if (error instanceof AdminError) return errorResponse(error);
    if (isPostgresUnavailable(error)) return errorResponse(new AdminError(503, 'ServiceUnavailable', 'the store does not answer'));
    deps.logger.error({ err: error, url: raw.url }, 'operator API request failed');
    return errorResponse(new AdminError(500, 'InternalError', `the request failed: ${(error as Error).message}`));
  }
}

function authorize(raw: RawRequest, adminToken: string): void {
  const header = raw.headers.authorization;
  const given = bearerToken(typeof header === 'string' ? header : undefined);
  if (given === undefined) {
    throw new AdminError(401, 'InvalidAdminToken.Missing', 'the operator API needs the header "Authorization: Bearer <admin token>"');
  }
  if (!tokensMatch(given, adminToken)) throw new AdminError(401, 'InvalidAdminToken.Mismatch', 'the admin token is not valid');
}

function methodNotAllowed(allowed: readonly string[]): AdminError {
  return new AdminError(405, 'UnsupportedHTTPMethod', `use ${allowed.join(' or ')} on this route`);
}

function parseBody(raw: RawRequest): unknown {
  const text = raw.body.toString('utf8');
  if (text.trim() === '') throw AdminError.invalid('the request needs a JSON body');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw AdminError.invalid(`the body is not JSON: ${(error as Error).message}`);
  }
}

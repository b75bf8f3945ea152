/**
 * `GET /_ecs-image/health`, the one route without the admin token (a CI job
 * waits on it): status, version, store kind, uptime and the job queue. Nothing
 * secret. 503 with `"status":"unavailable"` while the store does not answer.
 */
import type { Logger } from 'pino';
import type { RpcResponse } from '../http/raw-request.js';
import type { Store } from '../store/store.js';
import { packageVersion } from '../../package-root.js';
import { jsonResponse } from './admin-error.js';

export interface HealthDeps {
  readonly store: Store;
  readonly now: () => number;
  readonly startedAt: number;
  readonly logger: Logger;
}

export async function health(deps: HealthDeps): Promise<RpcResponse> {
  const base = { version: PACKAGE_VERSION, store: deps.store.dialect, uptimeSeconds: Math.floor((Date.now() - deps.startedAt) / 1000) };
  try {
    return jsonResponse(200, { status: 'ok', ...base, jobs: await jobCounts(deps.store, deps.now()) });
  } catch (error) {
    deps.logger.warn({ err: error }, 'health: the store does not answer');
    return jsonResponse(503, { status: 'unavailable', ...base });
  }
}

/** Pending: waiting to run; running: leased by a runner right now. */
async function jobCounts(store: Store, now: number): Promise<{ pending: number; running: number }> {
  const rows = await store.db
    .selectFrom('jobs')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('id').filterWhere((w) => w.and([w('lease_owner', '!=', ''), w('lease_expires_at', '>=', now)])).as('running'),
    ])
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  const running = Number(rows.running);
  return { pending: Number(rows.total) - running, running };
}

const PACKAGE_VERSION = packageVersion();

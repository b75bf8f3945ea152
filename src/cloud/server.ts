/**
 * Builds one local cloud from a config: store (migrated and seeded), action
 * registry, RPC endpoint and job runner. No globals, so a test process can run
 * several clouds side by side; `close()` stops them in reverse order.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { CloudSettings } from './api/action.js';
import { ADMIN_BODY_LIMIT, ADMIN_PREFIX, handleAdmin, isAdminRequest, type AdminDeps } from './admin/admin-routes.js';
import { storedAdminToken } from './admin/admin-token.js';
import { StoreFaultInjector } from './admin/fault-injector.js';
import { isConsoleRequest } from './console/console-request.js';
import type { ConsoleHandler } from './console/console-routes.js';
import { CONSOLE_PATH } from './console/layout.js';
import { LiveSettings } from './admin/live-settings.js';
import { ActionRegistry } from './api/registry.js';
import { AccessKeyDirectory } from './http/access-keys.js';
import { AccountWriteQueue } from './http/account-queue.js';
import { createRpcServer } from './http/http-server.js';
import { handleRpc } from './http/pipeline.js';
import { proxyAware } from './http/proxy-request.js';
import type { RawRequest, RpcResponse } from './http/raw-request.js';
import { newRequestId, renderError } from './http/render.js';
import { ReplayGuard } from './http/replay-guard.js';
import { JOB_KINDS } from './jobs/registry.js';
import { JobRunner } from './jobs/runner.js';
import type { JobKind } from './jobs/types.js';
import type { AccountCredentials, Credentials } from './seed/accounts.js';
import { seedCloud } from './seed/seed.js';
import { openStore } from './store/open-store.js';
import type { Store, StoreConfig } from './store/store.js';

export interface CloudConfig {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Data directory for the default SQLite store (`<dataDir>/cloud.sqlite`). */
  readonly dataDir?: string;
  /** Overrides `dataDir`: any store configuration (PostgreSQL later). */
  readonly store?: StoreConfig;
  /** Credentials of the default account; random on first start when absent. */
  readonly credentials?: Credentials;
  readonly settings?: Partial<CloudSettings>;
  /** The cloud's clock (tests may shift it). */
  readonly now?: () => number;
  readonly jobPollIntervalMs?: number;
  readonly jobLeaseMs?: number;
  /** Extra job kinds beside the registered ones (tests). */
  readonly jobKinds?: readonly JobKind[];
  readonly logger?: Logger;
  readonly logLevel?: string;
  /** Token of the operator API; absent: the store's own (generated once per data directory or database). */
  readonly adminToken?: string;
}

export interface Cloud {
  /** `http://host:port` */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly regionId: string;
  readonly accountId: string;
  readonly credentials: Credentials;
  readonly store: Store;
  /** Live: the operator API may change them while the cloud runs. */
  readonly settings: LiveSettings;
  /** Bearer token of the operator API (`/_ecs-image/`). */
  readonly adminToken: string;
  readonly jobs: JobRunner;
  readonly logger: Logger;
  close(): Promise<void>;
}

export const DEFAULT_SETTINGS: CloudSettings = Object.freeze({
  defaultRegionId: 'cn-hangzhou',
  imageCreationMs: 2_000,
  snapshotCreationMs: 1_000,
  instanceTransitionMs: 500,
  imageQuota: 100,
});

export const DEFAULT_DATA_DIR = '.ecs-image';

export async function createCloud(config: CloudConfig = {}): Promise<Cloud> {
  const logger = config.logger ?? pino({ level: config.logLevel ?? 'info' }, pino.destination(2));
  const settings = new LiveSettings({ ...DEFAULT_SETTINGS, ...config.settings });
  const now = config.now ?? Date.now;
  let seeded: AccountCredentials | undefined;
  let adminToken = config.adminToken;
  // Seeding runs under the store's startup lock: replicas starting together seed once.
  const storeConfig: StoreConfig = config.store ?? { kind: 'sqlite', file: join(config.dataDir ?? DEFAULT_DATA_DIR, 'cloud.sqlite') };
  const store = await openStore(
    storeConfig.kind === 'sqlite'
      ? {
          ...storeConfig,
          onWideDirectory: ({ directory, mode }) =>
            logger.warn({ directory, mode: mode.toString(8) }, 'the data directory holds AccessKey secrets but others may read it: chmod 700 it'),
        }
      : storeConfig,
    async (opened) => {
      seeded = await seedCloud(opened.db, { credentials: config.credentials, now: now() });
      adminToken ??= await storedAdminToken(opened.db);
    },
  );
  try {
    const account = seeded as AccountCredentials;
    const jobs = new JobRunner({
      store,
      kinds: [...JOB_KINDS, ...(config.jobKinds ?? [])],
      settings,
      now,
      logger,
      pollIntervalMs: config.jobPollIntervalMs ?? 150,
      leaseMs: config.jobLeaseMs ?? 30_000,
    });
    const deps = {
      registry: new ActionRegistry(),
      store,
      accessKeys: new AccessKeyDirectory(store.db),
      replayGuard: new ReplayGuard(store.db),
      settings,
      now,
      logger,
      faults: new StoreFaultInjector(store.db),
      accountWrites: new AccountWriteQueue(),
    };
    const admin: AdminDeps = { store, settings, jobs, adminToken: adminToken as string, now, startedAt: Date.now(), logger };
    // Loaded on its first request: nothing else needs it, and a cold start answers the API sooner without it.
    let consoleLoaded: Promise<ConsoleHandler> | undefined;
    const webConsole = async (request: RawRequest): Promise<RpcResponse> => {
      consoleLoaded ??= import('./console/console-routes.js').then(({ createConsole }) =>
        createConsole({ ...admin, registry: deps.registry, accessKeys: deps.accessKeys }),
      );
      return (await consoleLoaded)(request);
    };
    const server = createRpcServer({
      // The operator API and the web console share the port but never the RPC pipeline
      // (admin/admin-routes.ts). Proxy mode (HTTP_PROXY pointing here) unwraps absolute-form
      // requests for API hosts first.
      handle: proxyAware(
        (request) =>
          isConsoleRequest(request) ? webConsole(request) : isAdminRequest(request) ? handleAdmin(request, admin) : handleRpc(request, deps),
        (error, hostId) => renderError(error, { requestId: newRequestId(), hostId, product: 'Ecs', logger }),
      ),
      bodyLimitFor: (url) => (url.startsWith(ADMIN_PREFIX) ? ADMIN_BODY_LIMIT : undefined),
      logger,
    });
    const host = config.host ?? '127.0.0.1';
    server.listen(config.port ?? 8787, host);
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    jobs.start();
    const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ endpoint, accountId: account.accountId }, 'cloud listening');
    logger.info({ console: `${endpoint}${CONSOLE_PATH}` }, 'web console (sign in with the admin token or an AccessKey)');
    let closing: Promise<void> | undefined;
    return {
      endpoint,
      host,
      port,
      regionId: settings.defaultRegionId,
      accountId: account.accountId,
      credentials: { accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret },
      store,
      settings,
      adminToken: adminToken as string,
      jobs,
      logger,
      close: () => {
        closing ??= (async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          await jobs.stop();
          setTimeout(() => server.closeAllConnections(), 1_000).unref();
          await closed;
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

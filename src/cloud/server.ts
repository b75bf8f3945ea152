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
import { ActionRegistry } from './api/registry.js';
import { AccessKeyDirectory } from './http/access-keys.js';
import { createRpcServer } from './http/http-server.js';
import { handleRpc } from './http/pipeline.js';
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
  readonly settings: CloudSettings;
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
  const settings: CloudSettings = Object.freeze({ ...DEFAULT_SETTINGS, ...config.settings });
  const now = config.now ?? Date.now;
  let seeded: AccountCredentials | undefined;
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
    },
  );
  try {
    const account = seeded as AccountCredentials;
    const deps = {
      registry: new ActionRegistry(),
      store,
      accessKeys: new AccessKeyDirectory(store.db),
      replayGuard: new ReplayGuard(store.db),
      settings,
      now,
      logger,
    };
    const server = createRpcServer({ handle: (request) => handleRpc(request, deps), logger });
    const host = config.host ?? '127.0.0.1';
    server.listen(config.port ?? 8787, host);
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const jobs = new JobRunner({
      store,
      kinds: [...JOB_KINDS, ...(config.jobKinds ?? [])],
      settings,
      now,
      logger,
      pollIntervalMs: config.jobPollIntervalMs ?? 150,
      leaseMs: config.jobLeaseMs ?? 30_000,
    });
    jobs.start();
    const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ endpoint, accountId: account.accountId }, 'cloud listening');
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

/**
 * A real local cloud for SDK tests: `startTestCloud()` starts the server on a
 * free port with a temporary data directory and hands out official SDK
 * clients (ECS, VPC, Resource Manager) signed with ACS3 (default) or RPC v1.
 *
 *   const cloud = await startTestCloud();
 *   const ecs = cloud.ecsClient();                  // ACS3-HMAC-SHA256
 *   const ecsV1 = cloud.ecsClient({ signature: 'v1' }); // HMAC-SHA1
 *   await ecs.describeRegions(new DescribeRegionsRequest({}));
 *   await cloud.close();
 *
 * A test file (or describe block) that needs one cloud throughout writes
 * `const cloud = useTestCloud(options)`: started in beforeAll, closed in afterAll.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import EcsModule from '@alicloud/ecs20140526';
import VpcModule from '@alicloud/vpc20160428';
import ResourceManagerModule from '@alicloud/resourcemanager20200331';
import type { CloudSettings } from '../../src/cloud/api/action.js';
import { createCloud, type Cloud } from '../../src/cloud/server.js';
import { createAccount, type AccountCredentials, type Credentials } from '../../src/cloud/seed/accounts.js';
import type { JobKind } from '../../src/cloud/jobs/types.js';
import { openTestStore } from './test-store.js';

// The packages are CommonJS with `exports.default = Client`: under Node's ESM
// loader the default import is the module object (client class at `.default`),
// while vitest's loader already unwraps it. `clientClass` accepts both.
export type EcsClient = InstanceType<typeof EcsModule.default>;
export type VpcClient = InstanceType<typeof VpcModule.default>;
export type ResourceManagerClient = InstanceType<typeof ResourceManagerModule.default>;

function clientClass<C>(module: { default: C }): C {
  return typeof module === 'function' ? (module as unknown as C) : module.default;
}

const EcsClientClass = clientClass(EcsModule);

/** An ECS client for a cloud this process did not start (e.g. a `serve` child), from its printed JSON line. */
export function ecsClientAt(target: { readonly endpoint: string; readonly regionId: string } & Credentials): EcsClient {
  return new EcsClientClass(
    new $OpenApiUtil.Config({
      accessKeyId: target.accessKeyId,
      accessKeySecret: target.accessKeySecret,
      regionId: target.regionId,
      endpoint: new URL(target.endpoint).host,
      protocol: 'http',
    }),
  );
}
const VpcClientClass = clientClass(VpcModule);
const ResourceManagerClientClass = clientClass(ResourceManagerModule);

export interface ClientOptions {
  /** `v3` = ACS3-HMAC-SHA256 (the SDK default); `v1` = RPC HMAC-SHA1 (`signatureAlgorithm: 'v2'` in the SDK). */
  readonly signature?: 'v3' | 'v1';
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly securityToken?: string;
  readonly regionId?: string;
}

export interface TestCloudOptions {
  readonly settings?: Partial<CloudSettings>;
  readonly credentials?: Credentials;
  readonly now?: () => number;
  readonly jobPollIntervalMs?: number;
  readonly jobKinds?: readonly JobKind[];
  /** pino level for the server's logs on stderr (default `warn`, or $ECS_IMAGE_TEST_LOG). */
  readonly logLevel?: string;
}

export interface TestCloud {
  /** `host:port`, as the SDKs want it in `endpoint`. */
  readonly endpoint: string;
  /** `http://host:port` */
  readonly url: string;
  readonly regionId: string;
  readonly dataDir: string;
  readonly accountId: string;
  readonly credentials: Credentials;
  /** The running cloud (store, settings, job runner); replaced by `restart()`. */
  readonly cloud: Cloud;
  ecsClient(options?: ClientOptions): EcsClient;
  vpcClient(options?: ClientOptions): VpcClient;
  resourceManagerClient(options?: ClientOptions): ResourceManagerClient;
  /** A new account in this cloud (for isolation tests). */
  createAccount(): Promise<AccountCredentials>;
  /** Stops the server (jobs in progress stay in the store) and starts it again on the same port and data. */
  restart(options?: { readonly settings?: Partial<CloudSettings> }): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCloud(options: TestCloudOptions = {}): Promise<TestCloud> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-image-test-'));
  const testStore = await openTestStore(); // SQLite in dataDir, or a fresh PostgreSQL database ($ECS_IMAGE_TEST_STORE)
  const logger = pino({ level: options.logLevel ?? process.env.ECS_IMAGE_TEST_LOG ?? 'warn' }, pino.destination(2));
  const start = (port: number, settings: Partial<CloudSettings> | undefined): Promise<Cloud> =>
    createCloud({
      host: '127.0.0.1',
      port,
      dataDir,
      ...(testStore.config !== undefined ? { store: testStore.config } : {}),
      logger,
      ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
      ...(settings !== undefined ? { settings } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
      jobPollIntervalMs: options.jobPollIntervalMs ?? 50,
      ...(options.jobKinds !== undefined ? { jobKinds: options.jobKinds } : {}),
    });
  let cloud: Cloud;
  try {
    cloud = await start(0, options.settings);
  } catch (error) {
    await testStore.dispose();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `127.0.0.1:${cloud.port}`;

  const config = (clientOptions: ClientOptions = {}): $OpenApiUtil.Config =>
    new $OpenApiUtil.Config({
      accessKeyId: clientOptions.accessKeyId ?? cloud.credentials.accessKeyId,
      accessKeySecret: clientOptions.accessKeySecret ?? cloud.credentials.accessKeySecret,
      ...(clientOptions.securityToken !== undefined ? { securityToken: clientOptions.securityToken } : {}),
      regionId: clientOptions.regionId ?? cloud.regionId,
      endpoint,
      protocol: 'http',
      ...(clientOptions.signature === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    });

  return {
    endpoint,
    url: cloud.endpoint,
    regionId: cloud.regionId,
    dataDir,
    accountId: cloud.accountId,
    credentials: cloud.credentials,
    get cloud() {
      return cloud;
    },
    ecsClient: (clientOptions) => new EcsClientClass(config(clientOptions)),
    vpcClient: (clientOptions) => new VpcClientClass(config(clientOptions)),
    resourceManagerClient: (clientOptions) => new ResourceManagerClientClass(config(clientOptions)),
    createAccount: () => createAccount(cloud.store.db),
    restart: async (restartOptions) => {
      await cloud.close();
      // Let this process's clients see their pooled sockets close: the restart
      // itself may run on microtasks alone (SQLite is synchronous), and a client
      // reusing a socket whose FIN it has not processed gets "socket hang up".
      await new Promise((resolve) => setTimeout(resolve, 20));
      cloud = await start(cloud.port, restartOptions?.settings ?? options.settings);
    },
    close: async () => {
      await cloud.close();
      await testStore.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers `beforeAll` (start) and `afterAll` (close) in the enclosing describe
 * block or file, and returns a handle that forwards to the cloud started there;
 * `start` replaces `startTestCloud(options)` for a cloud made otherwise. Using
 * the handle before its `beforeAll` has run throws (read it inside a hook or a test).
 */
export function useTestCloud(start: TestCloudOptions | (() => Promise<TestCloud>) = {}): TestCloud {
  let started: TestCloud | undefined;
  const current = (): TestCloud => {
    if (started === undefined) throw new Error('useTestCloud: the cloud was used before its beforeAll ran (read it inside a hook or a test)');
    return started;
  };
  beforeAll(async () => {
    started = await (typeof start === 'function' ? start() : startTestCloud(start));
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get endpoint() {
      return current().endpoint;
    },
    get url() {
      return current().url;
    },
    get regionId() {
      return current().regionId;
    },
    get dataDir() {
      return current().dataDir;
    },
    get accountId() {
      return current().accountId;
    },
    get credentials() {
      return current().credentials;
    },
    get cloud() {
      return current().cloud;
    },
    ecsClient: (options) => current().ecsClient(options),
    vpcClient: (options) => current().vpcClient(options),
    resourceManagerClient: (options) => current().resourceManagerClient(options),
    createAccount: () => current().createAccount(),
    restart: (options) => current().restart(options),
    close: () => current().close(),
  };
}

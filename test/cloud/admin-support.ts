/**
 * The operator API under test as users meet it: `ecs-image serve` as a child
 * process (the compiled CLI; `npm run build` first), on SQLite in a temporary
 * data directory or — in the `cloud-postgres` project — on a fresh PostgreSQL
 * database, with official SDK clients for the cloud side and plain HTTP for
 * `/_ecs-image/`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import VpcModule from '@alicloud/vpc20160428';
import type { EcsClient, VpcClient } from '../support/cloud.js';
import { openTestStore } from '../support/test-store.js';
import { ecsClientFor, startServe, type Replica } from './scale-out-support.js';

export { CLI_MISSING_REASON, cliBuilt, runCli } from './scale-out-support.js';

const VpcClientClass = (typeof VpcModule === 'function' ? VpcModule : (VpcModule as { default: typeof VpcModule.default }).default) as typeof VpcModule.default;

export interface Keys {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

export interface AdminAnswer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, asserted field by field
  readonly body: any;
  readonly text: string;
}

export interface ServedCloud {
  readonly replica: Replica;
  readonly endpoint: string;
  readonly dataDir: string;
  readonly storeKind: 'sqlite' | 'postgres';
  /** The serve arguments that name the store (`--data …` or `--database …`). */
  readonly storeArgs: readonly string[];
  readonly keys: Keys;
  readonly adminToken: string;
  ecs(keys?: Keys): EcsClient;
  vpc(keys?: Keys): VpcClient;
  /** One operator API call with the admin token (or the one given; `null` sends none). */
  admin(method: string, route: string, body?: unknown, token?: string | null): Promise<AdminAnswer>;
  stop(): Promise<void>;
}

export async function adminCall(endpoint: string, token: string | null, method: string, route: string, body?: unknown): Promise<AdminAnswer> {
  const response = await fetch(`${endpoint}/_ecs-image/${route}`, {
    method,
    headers: {
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

export function vpcClientFor(hostPort: string, keys: Keys): VpcClient {
  return new VpcClientClass(
    new $OpenApiUtil.Config({ ...keys, regionId: 'cn-hangzhou', endpoint: hostPort, protocol: 'http', readTimeout: 30_000 }),
  );
}

/** `serve` on the test store kind, with `args` added (e.g. `--image-creation-seconds 600`). */
export async function serveCloud(args: readonly string[] = []): Promise<ServedCloud> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-image-admin-'));
  const store = await openTestStore();
  const storeArgs = store.config?.kind === 'postgres' ? ['--database', store.config.connectionString] : ['--data', dataDir];
  let replica: Replica;
  try {
    replica = await startServe([...storeArgs, ...args]);
  } catch (error) {
    await store.dispose();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const keys = { accessKeyId: replica.line.accessKeyId, accessKeySecret: replica.line.accessKeySecret };
  return {
    replica,
    endpoint: replica.line.endpoint,
    dataDir,
    storeKind: store.kind,
    storeArgs,
    keys,
    adminToken: replica.line.adminToken,
    ecs: (other) => ecsClientFor(replica.hostPort, other ?? keys),
    vpc: (other) => vpcClientFor(replica.hostPort, other ?? keys),
    admin: (method, route, body, token) => adminCall(replica.line.endpoint, token === undefined ? replica.line.adminToken : token, method, route, body),
    stop: async () => {
      await replica.kill('SIGTERM');
      await store.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

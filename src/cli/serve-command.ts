/**
 * `ecs-image serve`: start the local cloud, print one JSON line on stdout once
 * listening (endpoint, region, credentials, admin token), log on stderr, stop cleanly on
 * SIGINT/SIGTERM.
 */
import { Command, Option } from 'commander';
import { createCloud } from '../cloud/server.js';
import { DEFAULT_DATA_DIR } from '../cloud/server.js';
import { removeServerFile, writeServerFile } from './server-file.js';
import { databaseOption, storeConfigOf } from './store-options.js';

interface ServeOptions {
  readonly host: string;
  readonly port: string;
  readonly data: string;
  readonly database?: string;
  readonly jobLeaseSeconds?: string;
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly imageCreationSeconds?: string;
  readonly imageQuota?: string;
  readonly adminToken?: string;
  readonly logLevel: string;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('start the local Alibaba Cloud (ECS, VPC, Resource Manager) API server')
    .addOption(new Option('--host <host>', 'address to listen on').default('127.0.0.1').env('ECS_IMAGE_HOST'))
    .addOption(new Option('--port <port>', 'port to listen on (0 = any free port)').default('8787').env('ECS_IMAGE_PORT'))
    .addOption(new Option('--data <dir>', 'data directory (SQLite store)').default(DEFAULT_DATA_DIR).env('ECS_IMAGE_DATA'))
    .addOption(databaseOption())
    .addOption(
      new Option('--job-lease-seconds <seconds>', "how long a replica's claim on a job lasts before another may take it over")
        .default('30')
        .env('ECS_IMAGE_JOB_LEASE_SECONDS'),
    )
    .addOption(new Option('--access-key-id <id>', 'AccessKey id of the default account').env('ECS_IMAGE_ACCESS_KEY_ID'))
    .addOption(new Option('--access-key-secret <secret>', 'its secret').env('ECS_IMAGE_ACCESS_KEY_SECRET'))
    .addOption(
      new Option('--image-creation-seconds <seconds>', 'how long CreateImage takes to reach Available').env(
        'ECS_IMAGE_IMAGE_CREATION_SECONDS',
      ),
    )
    .addOption(
      new Option('--image-quota <count>', 'custom images an account may own per region (ECS: 100)').env('ECS_IMAGE_IMAGE_QUOTA'),
    )
    .addOption(
      new Option('--admin-token <token>', 'token of the operator API /_ecs-image/ (default: one generated per data directory)').env(
        'ECS_IMAGE_ADMIN_TOKEN',
      ),
    )
    .addOption(new Option('--log-level <level>', 'pino log level (stderr)').default('info').env('ECS_IMAGE_LOG_LEVEL'))
    .action(async (options: ServeOptions) => {
      await serve(options);
    });
}

async function serve(options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${options.port}`);
  if ((options.accessKeyId === undefined) !== (options.accessKeySecret === undefined)) {
    throw new Error('--access-key-id and --access-key-secret go together');
  }
  const seconds = options.imageCreationSeconds === undefined ? undefined : Number(options.imageCreationSeconds);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds >= 0)) {
    throw new Error(`invalid --image-creation-seconds ${options.imageCreationSeconds}`);
  }
  const imageQuota = options.imageQuota === undefined ? undefined : Number(options.imageQuota);
  if (imageQuota !== undefined && !(Number.isInteger(imageQuota) && imageQuota >= 0)) {
    throw new Error(`invalid --image-quota ${options.imageQuota}`);
  }
  if (options.adminToken !== undefined && !/^\S{16,}$/.test(options.adminToken)) {
    throw new Error('--admin-token needs at least 16 characters and no spaces');
  }
  const leaseSeconds = Number(options.jobLeaseSeconds ?? '30');
  if (!(Number.isFinite(leaseSeconds) && leaseSeconds > 0)) throw new Error(`invalid --job-lease-seconds ${options.jobLeaseSeconds}`);
  const store = storeConfigOf(options);
  const cloud = await createCloud({
    host: options.host,
    port,
    dataDir: options.data,
    store,
    jobLeaseMs: Math.round(leaseSeconds * 1000),
    logLevel: options.logLevel,
    ...(options.accessKeyId !== undefined && options.accessKeySecret !== undefined
      ? { credentials: { accessKeyId: options.accessKeyId, accessKeySecret: options.accessKeySecret } }
      : {}),
    settings: {
      ...(seconds !== undefined ? { imageCreationMs: Math.round(seconds * 1000) } : {}),
      ...(imageQuota !== undefined ? { imageQuota } : {}),
    },
    ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}),
  });
  // Handlers first: a supervisor may signal as soon as it reads the line.
  const stop = (signal: NodeJS.Signals): void => {
    cloud.logger.info({ signal }, 'stopping');
    if (store.kind === 'sqlite') removeServerFile(options.data, process.pid);
    cloud.close().then(
      () => process.exit(0),
      (error: unknown) => {
        cloud.logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  // A bug in some handler must not take the whole cloud down: log it and keep serving.
  process.on('unhandledRejection', (reason) => cloud.logger.error({ err: reason }, 'unhandled rejection'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // `ecs-image env` finds this server through the file (removed again on a clean stop).
  // (Only for the SQLite store: PostgreSQL replicas have no data directory of their own.)
  if (store.kind === 'sqlite') writeServerFile(options.data, {
    endpoint: cloud.endpoint,
    regionId: cloud.regionId,
    accessKeyId: cloud.credentials.accessKeyId,
    accessKeySecret: cloud.credentials.accessKeySecret,
    pid: process.pid,
    adminToken: cloud.adminToken,
  });
  process.stdout.write(
    `${JSON.stringify({
      endpoint: cloud.endpoint,
      regionId: cloud.regionId,
      accessKeyId: cloud.credentials.accessKeyId,
      accessKeySecret: cloud.credentials.accessKeySecret,
      adminToken: cloud.adminToken,
    })}\n`,
  );
}

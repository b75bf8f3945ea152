/**
 * A real, throw-away PostgreSQL for tests and benches: `initdb` a cluster in a temporary
 * directory, start it with `pg_ctl` on a free port (TCP on 127.0.0.1 only,
 * trust authentication, durability off for speed), remove it after. No Docker.
 *
 *   if (POSTGRES_BINARIES === undefined) …skip with POSTGRES_MISSING_REASON
 *   const pg = await startPostgres();
 *   const url = await pg.createDatabase();   // a fresh, empty database
 *   await pg.stop(); await pg.start();       // an outage, then recovery
 *   await pg.destroy();
 *
 * PostgreSQL refuses to run as root; under root the server runs as the
 * `postgres` (or `nobody`) user, which then owns the temporary directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The directory holding initdb/pg_ctl/postgres, or undefined when PostgreSQL is not installed. */
export const POSTGRES_BINARIES: string | undefined = findBinaries();

export const POSTGRES_MISSING_REASON =
  'PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found in $ECS_IMAGE_POSTGRES_BIN, /usr/lib/postgresql/*/bin or $PATH; the PostgreSQL tests are skipped';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, the maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  /** Creates an empty database and returns its connection URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** Drops a database made by `createDatabase`, closing its sessions. */
  dropDatabase(url: string): Promise<void>;
  /** Stops the server (fast shutdown: sessions are cut), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

function findBinaries(): string | undefined {
  const has = (dir: string): boolean => ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(dir, name)));
  const candidates: string[] = [];
  if (process.env.ECS_IMAGE_POSTGRES_BIN) candidates.push(process.env.ECS_IMAGE_POSTGRES_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(root, version, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(':').filter((dir) => dir !== ''));
  return candidates.find(has);
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** Under root: the unprivileged user the server runs as. */
function unprivilegedUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
  const entry = passwd.find((fields) => fields[0] === 'postgres') ?? passwd.find((fields) => fields[0] === 'nobody');
  if (entry === undefined) throw new Error('running as root, and there is no postgres or nobody user to run PostgreSQL as');
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

function run(binaries: string, command: string, args: readonly string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(binaries, command), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs !== undefined ? { uid: runAs.uid, gid: runAs.gid } : {}),
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Creates an empty database on the server of `adminUrl` and returns its connection URL. */
export async function createDatabase(adminUrl: string, prefix = 'ecs_image'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by `createDatabase`, closing its sessions. */
export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function startPostgres(): Promise<PostgresServer> {
  const binaries = POSTGRES_BINARIES;
  if (binaries === undefined) throw new Error(POSTGRES_MISSING_REASON);
  const runAs = unprivilegedUser();
  const root = await mkdtemp(join(tmpdir(), 'ecs-image-pg-'));
  if (runAs !== undefined) await chown(root, runAs.uid, runAs.gid);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const port = await freePort();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pgCtl = (...args: string[]): Promise<void> => run(binaries, 'pg_ctl', ['-D', dataDir, ...args], runAs);
  // If the test process dies, do not leave a server running.
  const onExit = (): void => {
    spawnSync(join(binaries, 'pg_ctl'), ['-D', dataDir, 'stop', '-m', 'immediate'], {
      stdio: 'ignore',
      ...(runAs !== undefined ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
  };
  try {
    await run(binaries, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], runAs);
    await appendFile(
      join(dataDir, 'postgresql.conf'),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        'max_connections = 300',
        'shared_buffers = 32MB',
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        "log_min_messages = 'warning'",
        '',
      ].join('\n'),
    );
    await pgCtl('start', '-w', '-t', '60', '-l', logFile);
    process.on('exit', onExit);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }

  let running = true;
  return {
    adminUrl,
    port,
    createDatabase: (prefix) => createDatabase(adminUrl, prefix),
    dropDatabase: async (url) => {
      if (running) await dropDatabase(adminUrl, url);
    },
    stop: async () => {
      await pgCtl('stop', '-w', '-m', 'fast');
      running = false;
    },
    start: async () => {
      await pgCtl('start', '-w', '-t', '60', '-l', logFile);
      running = true;
    },
    destroy: async () => {
      process.off('exit', onExit);
      if (running) await pgCtl('stop', '-w', '-m', 'immediate').catch(() => undefined);
      running = false;
      await rm(root, { recursive: true, force: true });
    },
  };
}

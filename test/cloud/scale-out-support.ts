/**
 * Cloud replicas as real child processes: `node dist/src/cli/main.js serve
 * --database …` (built by `npm run build`, which `npm test` runs first), each
 * on its own port, all on one PostgreSQL — as a team runs them behind a load
 * balancer. Plus official ECS SDK clients aimed at one replica.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import EcsModule from '@alicloud/ecs20140526';
import type { EcsClient } from '../support/cloud.js';

export const CLI_MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

export const CLI_MISSING_REASON = `${CLI_MAIN} is missing: run \`npm run build\` (npm test does it first)`;

export function cliBuilt(): boolean {
  return existsSync(CLI_MAIN);
}

// CommonJS `exports.default = Client`: the default import is the module object under Node, the class under vitest.
const EcsClientClass = (typeof EcsModule === 'function' ? EcsModule : (EcsModule as { default: typeof EcsModule.default }).default) as typeof EcsModule.default;

export interface ServeLine {
  readonly endpoint: string;
  readonly regionId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly adminToken: string;
}

export interface Replica {
  readonly line: ServeLine;
  /** `host:port`, as the SDK wants it. */
  readonly hostPort: string;
  readonly process: ChildProcess;
  /** What it logged on stderr so far (for failure messages). */
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Runs the CLI to completion: its exit code, stdout and stderr. */
export async function runCli(args: readonly string[], timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI_MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Starts `ecs-image serve --database <url> --port 0 …` and waits for its JSON line. */
export function startReplica(databaseUrl: string, extraArgs: readonly string[] = []): Promise<Replica> {
  return startServe(['--database', databaseUrl, ...extraArgs]);
}

/** Starts `ecs-image serve --port 0 --log-level warn <args>` and waits for its JSON line. */
export async function startServe(args: readonly string[]): Promise<Replica> {
  const child = spawn(process.execPath, [CLI_MAIN, 'serve', '--port', '0', '--log-level', 'warn', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<ServeLine>((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer): void => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      child.stdout?.off('data', onData);
      try {
        resolve(JSON.parse(stdout.slice(0, newline)) as ServeLine);
      } catch (error) {
        reject(error);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`replica exited with ${code} before listening:\n${stderr}`)));
  });
  return {
    line,
    hostPort: line.endpoint.replace(/^http:\/\//, ''),
    process: child,
    stderr: () => stderr,
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

export function ecsClientFor(hostPort: string, keys: { readonly accessKeyId: string; readonly accessKeySecret: string }): EcsClient {
  return new EcsClientClass(
    new $OpenApiUtil.Config({
      accessKeyId: keys.accessKeyId,
      accessKeySecret: keys.accessKeySecret,
      regionId: 'cn-hangzhou',
      endpoint: hostPort,
      protocol: 'http',
      readTimeout: 30_000,
      connectTimeout: 5_000,
    }),
  );
}

/** An SDK failure that never reached an answer (connection refused or cut), as opposed to an ECS error. */
export function isTransportFailure(error: unknown): boolean {
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode === 'number') return false;
  return typeof code !== 'string' || /^E[A-Z]+$/.test(code) || /socket hang up|ECONN|EPIPE/i.test(String((error as Error).message));
}

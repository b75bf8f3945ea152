/**
 * How the operator commands (`state`, `jobs`, `settings`, `faults`) reach a
 * running cloud's `/_ecs-image/` API: like `env`, through `<data>/server.json`
 * (endpoint and admin token), or named with --endpoint and --admin-token (a
 * PostgreSQL replica has no data directory). Each command prints one line —
 * a summary, or the answer as JSON with --json — and a failure becomes one
 * readable error (main.ts prints it and exits 1).
 */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_DATA_DIR } from '../cloud/server.js';
import { findRunningServer } from './server-file.js';

export interface AdminTargetOptions {
  readonly data: string;
  readonly endpoint?: string | undefined;
  readonly adminToken?: string | undefined;
  readonly json?: boolean | undefined;
}

export interface AdminTarget {
  /** `http://host:port` */
  readonly endpoint: string;
  readonly token: string;
}

/** Adds the options every operator command takes. */
export function withAdminTarget(command: Command): Command {
  return command
    .addOption(new Option('--data <dir>', 'data directory of the running `ecs-image serve`').default(DEFAULT_DATA_DIR).env('ECS_IMAGE_DATA'))
    .addOption(new Option('--endpoint <url>', "cloud endpoint, http://host:port (instead of the running server's)").env('ECS_IMAGE_ENDPOINT'))
    .addOption(new Option('--admin-token <token>', "the operator API's token (instead of the running server's)").env('ECS_IMAGE_ADMIN_TOKEN'))
    .addOption(new Option('--json', 'print the answer as one line of JSON'));
}

export function resolveAdminTarget(options: AdminTargetOptions): AdminTarget {
  if (options.endpoint !== undefined && options.adminToken !== undefined) {
    return { endpoint: options.endpoint.replace(/\/+$/, ''), token: options.adminToken };
  }
  const dataDir = resolve(options.data);
  const lookup = findRunningServer(dataDir);
  if (!lookup.found) {
    throw new Error(
      `no local cloud is running on the data directory ${dataDir} (${lookup.reason}); ` +
        'start one with `npx ecs-image serve`, or name one with --endpoint and --admin-token',
    );
  }
  const token = options.adminToken ?? lookup.info.adminToken;
  if (token === undefined) throw new Error(`${dataDir}/server.json names no admin token (an older server): pass --admin-token`);
  return { endpoint: (options.endpoint ?? lookup.info.endpoint).replace(/\/+$/, ''), token };
}

/** Calls one route; the parsed JSON answer, or an Error with the cloud's code and message. */
export async function callAdmin(target: AdminTarget, method: string, route: string, body?: unknown): Promise<unknown> {
  const url = `${target.endpoint}/_ecs-image/${route}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`cannot reach the local cloud at ${target.endpoint}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${method} ${url} answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const { Code, Message } = answer as { Code?: unknown; Message?: unknown };
    throw new Error(`${String(Code ?? response.status)}: ${String(Message ?? text)}`);
  }
  return answer;
}

/** Prints the command's one line: the answer as JSON with --json, the summary otherwise. */
export function printResult(options: AdminTargetOptions, answer: unknown, summary: string): void {
  process.stdout.write(`${options.json === true ? JSON.stringify(answer) : summary}\n`);
}

/** `images 2, snapshots 1` from a count map (zeros left out), or the fallback when all are zero. */
export function countsText(counts: Readonly<Record<string, number>>, none: string): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`);
  return parts.length === 0 ? none : parts.join(', ');
}

/**
 * `<data>/server.json`: how a running `ecs-image serve` is found by `ecs-image env`. serve
 * writes it once listening and removes it on a clean stop; the pid lets a reader tell a
 * file left by a killed server from a live one. It holds the default account's secret, so
 * it is written owner-only (0600), like the SQLite file next to it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_FILE_NAME = 'server.json';

export interface ServerInfo {
  /** `http://host:port` */
  readonly endpoint: string;
  readonly regionId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly pid: number;
  /** Bearer token of the operator API (`ecs-image state|jobs|settings|faults`); absent in files of older servers. */
  readonly adminToken?: string;
}

export function serverFilePath(dataDir: string): string {
  return join(dataDir, SERVER_FILE_NAME);
}

export function writeServerFile(dataDir: string, info: ServerInfo): void {
  writeFileSync(serverFilePath(dataDir), `${JSON.stringify(info)}\n`, { mode: 0o600 });
}

/** Removes the file only if it still describes this process (another server may have taken over the directory). */
export function removeServerFile(dataDir: string, pid: number): void {
  const path = serverFilePath(dataDir);
  try {
    const current = parseServerInfo(readFileSync(path, 'utf8'));
    if (current?.pid === pid) rmSync(path, { force: true });
  } catch {
    // Already gone or unreadable: nothing of ours to remove.
  }
}

function parseServerInfo(text: string): ServerInfo | undefined {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const { endpoint, regionId, accessKeyId, accessKeySecret, pid, adminToken } = raw;
  if (
    typeof endpoint !== 'string' ||
    typeof regionId !== 'string' ||
    typeof accessKeyId !== 'string' ||
    typeof accessKeySecret !== 'string' ||
    typeof pid !== 'number' ||
    (adminToken !== undefined && typeof adminToken !== 'string')
  ) {
    return undefined;
  }
  return Object.freeze({ endpoint, regionId, accessKeyId, accessKeySecret, pid, ...(adminToken !== undefined ? { adminToken } : {}) });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type ServerLookup =
  | { readonly found: true; readonly info: ServerInfo }
  | { readonly found: false; readonly reason: string };

/** The running server of a data directory, or why there is none. */
export function findRunningServer(dataDir: string): ServerLookup {
  const path = serverFilePath(dataDir);
  if (!existsSync(path)) return { found: false, reason: `${path} does not exist` };
  let info: ServerInfo | undefined;
  try {
    info = parseServerInfo(readFileSync(path, 'utf8'));
  } catch (error) {
    return { found: false, reason: `${path} is unreadable: ${(error as Error).message}` };
  }
  if (info === undefined) return { found: false, reason: `${path} is not a server description` };
  if (!isAlive(info.pid)) return { found: false, reason: `the server that wrote ${path} (pid ${info.pid}) is no longer running` };
  return { found: true, info };
}

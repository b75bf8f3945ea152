/**
 * Issue 14 item 7: the SQLite store holds every account's AccessKey secret. The data
 * directory is created 0700 and the store files (cloud.sqlite, -wal, -shm) are 0600; a
 * directory that already exists keeps its mode but a wider one is warned about, and store
 * files left wider by an earlier version are narrowed.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCloud, type Cloud } from '../../src/cloud/server.js';
import { sendV1 } from '../support/raw-rpc.js';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('data directory and store file permissions', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function start(dataDir: string): Promise<{ cloud: Cloud; logs: string[] }> {
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    const cloud = await createCloud({ host: '127.0.0.1', port: 0, dataDir, logger: pino({ level: 'warn' }, sink) });
    cleanup.push(() => cloud.close());
    // The store serves a signed call (and SQLite has made its -wal and -shm files).
    const answer = await sendV1(cloud.endpoint, { ...cloud.credentials, params: { Action: 'DescribeRegions' } });
    expect(answer.status).toBe(200);
    return { cloud, logs };
  }

  function scratch(): string {
    const root = mkdtempSync(join(tmpdir(), 'ecs-image-perm-'));
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    return root;
  }

  it('a new data directory is 0700 and the store files 0600, without a warning', async () => {
    const dataDir = join(scratch(), 'nested', 'data');
    const { logs } = await start(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const name of ['cloud.sqlite', 'cloud.sqlite-wal', 'cloud.sqlite-shm']) expect(modeOf(join(dataDir, name)), name).toBe(0o600);
    expect(logs.join('')).not.toContain('data directory');
  });

  it('an existing wider directory is warned about and kept; wider store files are narrowed', async () => {
    const dataDir = join(scratch(), 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'cloud.sqlite'), '');
    chmodSync(join(dataDir, 'cloud.sqlite'), 0o644);
    const { logs } = await start(dataDir);
    expect(modeOf(dataDir)).toBe(0o755);
    expect(modeOf(join(dataDir, 'cloud.sqlite'))).toBe(0o600);
    const warning = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => String(line.msg).includes('data directory'));
    expect(warning).toMatchObject({ level: 40, directory: dataDir, mode: '755' });
  });
});

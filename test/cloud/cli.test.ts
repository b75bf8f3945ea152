/**
 * `ecs-image serve` and `ecs-image accounts create` as child processes (the
 * compiled CLI: `npm test` builds first; run `npm run build` before running
 * this file alone).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import EcsModule, { DescribeRegionsRequest } from '@alicloud/ecs20140526';

const BIN = join(import.meta.dirname, '../../bin/ecs-image');
const COMPILED = join(import.meta.dirname, '../../dist/src/cli/main.js');

interface Printed {
  endpoint: string;
  regionId: string;
  accessKeyId: string;
  accessKeySecret: string;
}

interface Served {
  readonly child: ChildProcess;
  readonly printed: Printed;
  readonly stdoutLines: string[];
  readonly exited: Promise<number | null>;
}

async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log-level', 'warn', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stdoutLines: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      stdoutLines.push(line);
      if (stdoutLines.length === 1) resolve(line);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code} before printing`)));
  });
  return { child, printed: JSON.parse(first) as Printed, stdoutLines, exited };
}

function ecsClient(printed: Printed, keys?: { accessKeyId: string; accessKeySecret: string }): InstanceType<typeof EcsModule.default> {
  const module: unknown = EcsModule;
  const Client = typeof module === 'function' ? (module as typeof EcsModule.default) : EcsModule.default;
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId: keys?.accessKeyId ?? printed.accessKeyId,
      accessKeySecret: keys?.accessKeySecret ?? printed.accessKeySecret,
      regionId: printed.regionId,
      endpoint: printed.endpoint.replace(/^http:\/\//, ''),
      protocol: 'http',
    }),
  );
}

describe('ecs-image CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(COMPILED)) throw new Error('the CLI is not compiled: run `npm run build` first');
    dataDir = await mkdtemp(join(tmpdir(), 'ecs-image-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serve prints exactly one JSON line, answers SDK calls and stops on SIGTERM', async () => {
    const served = await serve(['--data', dataDir]);
    expect(Object.keys(served.printed)).toEqual(['endpoint', 'regionId', 'accessKeyId', 'accessKeySecret', 'adminToken']);
    expect(served.printed.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(served.printed.regionId).toBe('cn-hangzhou');
    const regions = await ecsClient(served.printed).describeRegions(new DescribeRegionsRequest({}));
    expect(regions.statusCode).toBe(200);

    // A second account created beside the running server works at once.
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'accounts', 'create', '--data', dataDir]);
    const second = JSON.parse(stdout) as { accountId: string; accessKeyId: string; accessKeySecret: string };
    expect(second.accessKeyId).not.toBe(served.printed.accessKeyId);
    const asSecond = await ecsClient(served.printed, second).describeRegions(new DescribeRegionsRequest({}));
    expect(asSecond.statusCode).toBe(200);

    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.stdoutLines).toHaveLength(1);

    // Restarting on the same data keeps the same default credentials.
    const again = await serve(['--data', dataDir]);
    expect(again.printed.accessKeyId).toBe(served.printed.accessKeyId);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('serve uses the given AccessKey pair', async () => {
    const dir = join(dataDir, 'given');
    const served = await serve(['--data', dir, '--access-key-id', 'testid', '--access-key-secret', 'testsecret']);
    expect(served.printed).toMatchObject({ accessKeyId: 'testid', accessKeySecret: 'testsecret' });
    const regions = await ecsClient(served.printed).describeRegions(new DescribeRegionsRequest({}));
    expect(regions.statusCode).toBe(200);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });

  it('serve refuses bad options with status 1 and nothing on stdout', async () => {
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, [BIN, 'serve', '--port', 'lots', '--data', dataDir], (error, stdout) =>
        resolve({ code: error === null ? 0 : (error.code as number), stdout }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });
});

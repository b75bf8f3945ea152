/**
 * `examples/terraform-test` as a CI job runs it: its `ci.sh` (the README's recipe) starts the
 * checkout's `ecs-image serve` in the background, waits on the health route, wires terraform
 * with `ecs-image env` and runs `terraform test`, whose runs apply for real against the local
 * cloud and assert on what it answered.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVIDER_DIR, REPO_ROOT, ensureProviderBuilt } from '../support/terraform.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('examples/terraform-test', () => {
  const data = mkdtempSync(join(tmpdir(), 'ecs-image-tftest-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('ci.sh serves the cloud, waits for health, and terraform test passes every run', async () => {
    ensureProviderBuilt();
    const port = await freePort();
    const env = { ...process.env, PATH: `${PROVIDER_DIR}:${process.env.PATH ?? ''}`, ECS_IMAGE_PORT: String(port), ECS_IMAGE_DATA: data, CHECKPOINT_DISABLE: '1' };
    const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn('bash', ['ci.sh'], { cwd: join(REPO_ROOT, 'examples', 'terraform-test'), env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(result.output).toContain('"status":"ok"');
    expect(result.output).toContain('run "image_from_snapshot"... pass');
    expect(result.output).toContain('run "rename_in_place"... pass');
    expect(result.output).toContain('Success! 2 passed, 0 failed.');
    expect(result.code).toBe(0);
  }, 600_000);
});

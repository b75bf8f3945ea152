/**
 * A real `ecs-image serve` child process (the built dist/, as a user runs it)
 * on a free port with a temporary data directory, for tests that must see
 * the product from outside: what it prints, what it logs, what it serves.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { once } from 'node:events';

export const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');

export interface ServeInfo {
  readonly endpoint: string;
  readonly regionId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly adminToken: string;
}

export interface ServeProcess extends ServeInfo {
  readonly dataDir: string;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  /** `ecs-image accounts create` on the same data directory. */
  createAccount(): Promise<{ accountId: string; accessKeyId: string; accessKeySecret: string }>;
  stop(): Promise<void>;
}

export async function startServe(args: readonly string[] = []): Promise<ServeProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-image-serve-'));
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const info = await new Promise<ServeInfo>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`serve printed nothing in 30 s; stderr: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line !== undefined) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as ServeInfo);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}; stderr: ${stderr}`));
    });
  });
  return {
    ...info,
    dataDir,
    stderr: () => stderr,
    createAccount: async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'accounts', 'create', '--data', dataDir]);
      return JSON.parse(stdout) as { accountId: string; accessKeyId: string; accessKeySecret: string };
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

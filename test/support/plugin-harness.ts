/**
 * Shared set-up for the plugin runtime's process-level tests: the compiled runtime in
 * dist/ (terraform can only exec JS), a launcher for the fixture provider, and helpers to
 * run terraform against it in a throwaway directory (asynchronously, with terraform.ts's runner).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startTerraform, type RunningTerraform, type TerraformRun } from './terraform.js';

export { REPO_ROOT };
export const FIXTURE = join(REPO_ROOT, 'test', 'support', 'fixtures', 'plugin-test-provider.mjs');
export const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

function newestMtime(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(0, ...readdirSync(dir).filter((name) => name.endsWith(suffix)).map((name) => statSync(join(dir, name)).mtimeMs));
}

/**
 * `npm test` builds first (pretest); a direct `npx vitest run` may not have. Rebuild when
 * the compiled runtime is missing or older than its sources. tsc still emits when other
 * areas have type errors, so only the output is checked.
 */
export function ensureBuilt(): void {
  const src = join(REPO_ROOT, 'src', 'provider', 'plugin');
  const out = join(REPO_ROOT, 'dist', 'src', 'provider', 'plugin');
  if (existsSync(join(out, 'index.js')) && newestMtime(out, '.js') >= newestMtime(src, '.ts')) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (!existsSync(join(out, 'index.js'))) throw new Error('npm run build did not produce dist/src/provider/plugin/index.js');
}

export function terraformAvailable(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
    return true;
  } catch {
    return false;
  }
}

export interface Sandbox {
  readonly root: string;
  /** Directory holding `terraform-provider-test` (the dev_overrides target). */
  readonly pluginDir: string;
  /** Where every provider process writes its pid. */
  readonly pidDir: string;
  /** PLUGIN_UNIX_SOCKET_DIR, inherited by the provider through terraform. */
  readonly socketDir: string;
  readonly workDir: string;
  readonly logPath: string;
  readonly env: NodeJS.ProcessEnv;
  remove(): void;
}

/** A launcher that terraform execs; it imports the fixture by absolute path. */
export function makeSandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'plugin-e2e-'));
  const dirs = ['plugins', 'pids', 'sockets', 'work'].map((name) => join(root, name));
  for (const dir of dirs) mkdirSync(dir);
  const [pluginDir = '', pidDir = '', socketDir = '', workDir = ''] = dirs;
  const launcher = join(pluginDir, 'terraform-provider-test');
  writeFileSync(launcher, `#!/usr/bin/env node\nimport ${JSON.stringify(FIXTURE)};\n`);
  chmodSync(launcher, 0o755);
  const cliConfig = join(root, 'cli.tfrc');
  writeFileSync(
    cliConfig,
    `provider_installation {\n  dev_overrides {\n    "example/test" = ${JSON.stringify(pluginDir)}\n  }\n  direct {}\n}\n`,
  );
  const logPath = join(root, 'terraform.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_LOG: 'trace',
    TF_LOG_PATH: logPath,
    PLUGIN_TEST_PID_DIR: pidDir,
    PLUGIN_UNIX_SOCKET_DIR: socketDir,
  };
  delete env['TF_DISABLE_PLUGIN_TLS'];
  return {
    root,
    pluginDir,
    pidDir,
    socketDir,
    workDir,
    logPath,
    env,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export const CONFIG_HEADER = `terraform {\n  required_providers {\n    test = { source = "example/test" }\n  }\n}\n`;

/** `terraform <args> -no-color` in the sandbox's working directory; killed after 60 s. */
export function terraform(sandbox: Sandbox, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<TerraformRun> {
  return spawnTerraform(sandbox, args, extraEnv).done;
}

/** The same, still running (for Ctrl-C tests). */
export function spawnTerraform(sandbox: Sandbox, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): RunningTerraform {
  return startTerraform([...args, '-no-color'], { cwd: sandbox.workDir, env: { ...sandbox.env, ...extraEnv }, timeoutMs: 60_000 });
}

/** The terraform log so far ('' before terraform has created it). */
export function readLog(sandbox: Sandbox): string {
  return existsSync(sandbox.logPath) ? readFileSync(sandbox.logPath, 'utf8') : '';
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function providerPids(sandbox: Sandbox): number[] {
  return readdirSync(sandbox.pidDir).map(Number);
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The package as a user gets it: `npm pack`, then installed the two ways the README shows —
 * globally (`npm i -g`, into a throw-away prefix) and into a project (`npm i`, then `npx`) —
 * with only the production dependencies, no TypeScript and no checkout around it. From the
 * global install the README's quick start runs unchanged: `ecs-image serve`, then
 * `eval "$(ecs-image env)"`, then terraform applies the installed `image-from-instance`
 * example, plans no changes and destroys it, through the installed provider executables.
 *
 * npm installs from its cache when it can (`--prefer-offline`); better-sqlite3 compiles on
 * each install, so the two installs run side by side and this file still takes minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeImagesRequest } from '@alicloud/ecs20140526';
import { ecsClientAt } from '../support/cloud.js';
import { REPO_ROOT, ensureProviderBuilt } from '../support/terraform.js';

const INSTALL_TIMEOUT_MS = 420_000;
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; never throws for a non-zero exit (the test asserts on it). */
function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? INSTALL_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectSuccess(result: Finished, what: string): Finished {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n${result.stderr}\n${result.stdout}`);
  return result;
}

interface Served {
  readonly process: ChildProcess;
  readonly endpoint: string;
  readonly regionId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** `ecs-image serve` from the install, on a free port; resolves with its JSON line. */
function serve(bin: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(bin, ['serve', '--port', '0', '--data', dataDir, '--image-creation-seconds', '1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`ecs-image serve exited ${code} before listening\n${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const printed = JSON.parse(line) as Omit<Served, 'process'>;
      resolve({ process: child, ...printed });
    });
  });
}

describe('the packed package, installed', { timeout: 900_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'ecs-image-package-'));
  const prefix = join(work, 'prefix');
  const project = join(work, 'project');
  // No checkout on the PATH: the installed bin first, then what the machine has (node, npm, terraform).
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`, CHECKPOINT_DISABLE: '1' };
  let tarball: string;
  let served: Served | undefined;
  /** The project install runs while the global one is tested: each compiles better-sqlite3. */
  let projectInstall: Promise<Finished>;

  beforeAll(async () => {
    ensureProviderBuilt();
    // dist/ is fresh (npm test builds first): pack without running `prepare` again.
    const packed = expectSuccess(await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: REPO_ROOT }), 'npm pack');
    const [{ filename }] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
    tarball = join(work, filename);
    mkdirSync(project, { recursive: true });
    projectInstall = run('npm', ['init', '--yes'], { cwd: project }).then((init) =>
      init.code === 0 ? run('npm', ['install', ...NPM_FLAGS, tarball], { cwd: project }) : init,
    );
  }, INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    served?.process.kill('SIGTERM');
    await projectInstall;
    rmSync(work, { recursive: true, force: true });
  }, INSTALL_TIMEOUT_MS);

  it('holds the compiled code, bin/, the protocol descriptors, docs and examples — no sources, tests or benches', async () => {
    const listed = expectSuccess(await run('tar', ['-tzf', tarball], { cwd: work }), 'tar');
    const files = listed.stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    for (const expected of [
      'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md',
      'bin/ecs-image', 'bin/terraform-provider-alicloud', 'bin/terraform-provider-alibabacloudstack',
      'dist/src/cli/main.js', 'dist/providers/terraform-provider-alicloud.js', 'dist/providers/terraform-provider-alibabacloudstack.js',
      'proto/plugin-descriptor.json', 'proto/tfplugin6.proto',
      'docs/resources/image.md', 'examples/image-from-instance/main.tf', 'src/cloud/console/assets/console.js',
    ]) {
      expect(files).toContain(expected);
    }
    const unwanted = files.filter((path) => (/^(src|test|bench|dev)\//.test(path) && !path.startsWith('src/cloud/console/assets/')) || path.startsWith('dist/bench/') || path.startsWith('dist/dev/') || path.endsWith('.map') || path.endsWith('.ts'));
    expect(unwanted).toEqual([]);
  });

  it('installs globally and runs the quick start: serve, env, terraform apply, plan, destroy', async () => {
    expectSuccess(await run('npm', ['install', '--global', '--prefix', prefix, ...NPM_FLAGS, tarball], { cwd: work }), 'npm install --global');
    const bin = join(prefix, 'bin', 'ecs-image');
    const installed = join(prefix, 'lib', 'node_modules', 'ecs-image');
    const version = expectSuccess(await run(bin, ['--version'], { cwd: work, env }), 'ecs-image --version');
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    // Production dependencies only: the tools of the checkout are not there.
    const dependencies = readdirSync(join(installed, 'node_modules'));
    expect(dependencies).toContain('better-sqlite3');
    expect(dependencies).not.toContain('typescript');
    expect(dependencies).not.toContain('vitest');

    const dataDir = join(work, 'data');
    served = await serve(bin, dataDir, env);
    const example = join(work, 'example');
    cpSync(join(installed, 'examples', 'image-from-instance'), example, { recursive: true });
    const quickStart = [
      'set -euo pipefail',
      `eval "$(ecs-image env --data '${dataDir}')"`,
      'terraform apply -auto-approve -input=false -no-color',
      'terraform plan -detailed-exitcode -input=false -no-color',
      'terraform destroy -auto-approve -input=false -no-color',
    ].join('\n');
    writeFileSync(join(work, 'quick-start.sh'), quickStart);
    const result = await run('bash', [join(work, 'quick-start.sh')], { cwd: example, env, timeoutMs: 600_000 });
    expectSuccess(result, 'the quick start');
    expect(result.stdout).toContain('Apply complete!');
    expect(result.stdout).toContain('No changes.');
    expect(result.stdout).toContain('Destroy complete!');
    // The providers terraform ran are the installed ones, not the checkout's.
    expect(readFileSync(join(dataDir, 'terraform.tfrc'), 'utf8')).toContain(join(installed, 'bin'));

    const ecs = ecsClientAt(served);
    const left = await ecs.describeImages(new DescribeImagesRequest({ regionId: served.regionId, imageOwnerAlias: 'self', status: 'ALL' }));
    expect(left.body?.images?.image ?? []).toEqual([]);
  }, 900_000);

  it('installs into a project, where npx runs it', async () => {
    expectSuccess(await projectInstall, 'npm init && npm install');
    const version = expectSuccess(await run('npx', ['--no-install', 'ecs-image', '--version'], { cwd: project }), 'npx ecs-image --version');
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = expectSuccess(await run('npx', ['--no-install', 'ecs-image', 'accounts', '--help'], { cwd: project }), 'npx ecs-image accounts --help');
    expect(help.stdout).toContain('create');
    // The provider executables answer as terraform expects when started outside terraform.
    const provider = await run(join(project, 'node_modules', '.bin', 'terraform-provider-alicloud'), [], { cwd: project, timeoutMs: 30_000 });
    expect(provider.code).not.toBe(0);
    expect(provider.stderr).toContain('plugin');
  }, INSTALL_TIMEOUT_MS);
});


/**
 * Real `terraform` against our compiled providers and a cloud endpoint, for provider tests.
 *
 *   const cloud = await startTestCloud();           // or useTerraformScenario() below
 *   const tf = createTerraformWorkspace({ cloud });
 *   tf.write(`resource "alicloud_image" "x" { snapshot_id = "${id}" }`);
 *   const applied = await tf.apply();              // { code, stdout, stderr }
 *   const image = (await tf.state()).resource('alicloud_image.x');   // values from `show -json`
 *   expect((await tf.plan()).changes).toEqual([]); // resource changes other than no-op
 *   tf.remove();
 *
 * Everything runs asynchronously (child processes, never spawnSync): the test cloud usually
 * lives in the test's own process and must keep answering while terraform runs. The plugin
 * tests' sandbox (plugin-harness.ts) runs terraform through the same `startTerraform`.
 *
 * The provider is the repo's `bin/terraform-provider-alicloud`, which loads `dist/`: run
 * `npm run build` first (`npm test` does it in `pretest`; `ensureProviderBuilt()` checks).
 * Wiring (CLI config with dev_overrides, credentials and endpoints in the environment) comes
 * from `src/cli/terraform-wiring.ts`, so the tests exercise what `ecs-image env` will print.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { cliConfigText, terraformEnv, type CloudTarget } from '../../src/cli/terraform-wiring.js';
import { useTestCloud, type TestCloud, type TestCloudOptions } from './cloud.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROVIDER_DIR = join(REPO_ROOT, 'bin');

/**
 * Throws a clear error unless `npm run build` has produced the provider: its compiled main
 * and the bundle `bin/` runs (dev/bundle-providers.ts).
 */
export function ensureProviderBuilt(flavour: 'alicloud' | 'alibabacloudstack' = 'alicloud'): void {
  const built = [join(REPO_ROOT, 'dist', 'src', 'provider', flavour, 'main.js'), join(REPO_ROOT, 'dist', 'providers', `terraform-provider-${flavour}.js`)];
  for (const file of built) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the provider tests`);
  }
}

/** Either a `TestCloud` (from test/support/cloud.ts) or an explicit target. */
export type CloudLike =
  | CloudTarget
  | {
      readonly url: string;
      readonly regionId: string;
      readonly credentials: { readonly accessKeyId: string; readonly accessKeySecret: string };
    };

export interface WorkspaceOptions {
  readonly cloud: CloudLike;
  /** Defaults to the repo's `bin/`. */
  readonly providerDir?: string;
  /** Added last (overrides the wiring); a value of `undefined` removes the variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Writes terraform's log (TF_LOG=trace) to `<dir>/terraform.log`; read it with `log()`. */
  readonly log?: boolean;
  /** Default per-command timeout (ms); the child is killed after it. Default 180 s. */
  readonly timeoutMs?: number;
}

export interface TerraformRun {
  /** Exit code (`null` when killed by a signal). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

/** A command still running (for Ctrl-C tests). */
export interface RunningTerraform {
  readonly child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Sends SIGINT to terraform's whole process group, as a terminal's Ctrl-C does. */
  interrupt(): void;
  readonly done: Promise<TerraformRun>;
}

/** One resource change of a saved plan (`terraform show -json planfile`). */
export interface PlannedChange {
  readonly address: string;
  /** `['create']`, `['update']`, `['delete','create']`, `['create','delete']`, `['delete']`, `['read']`. */
  readonly actions: readonly string[];
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly afterUnknown: Record<string, unknown>;
  /** Paths terraform reports as forcing replacement (`[["architecture"]]`). */
  readonly replacePaths: readonly (readonly (string | number)[])[];
}

export interface PlanResult extends TerraformRun {
  /** Resource changes other than no-op (empty when the plan is clean). */
  readonly changes: readonly PlannedChange[];
  /** The full `show -json` document (undefined when planning failed). */
  readonly json: Record<string, unknown> | undefined;
}

export interface StateResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly values: Record<string, unknown>;
  readonly sensitiveValues: Record<string, unknown>;
  readonly tainted: boolean;
}

export interface StateView {
  readonly json: Record<string, unknown>;
  readonly resources: readonly StateResource[];
  /** The resource at `address`; throws when absent. */
  resource(address: string): StateResource;
  has(address: string): boolean;
}

export interface TerraformWorkspace {
  readonly dir: string;
  /** The environment every command runs with. */
  readonly env: Readonly<Record<string, string>>;
  /** Replaces `main.tf` (other `.tf` files can be written with `writeFile`). */
  write(mainTf: string): void;
  writeFile(name: string, text: string): void;
  /** `terraform <command> -no-color [-input=false] <rest>` (`-input=false` where terraform accepts it). */
  run(args: readonly string[], options?: RunOptions): Promise<TerraformRun>;
  start(args: readonly string[], options?: RunOptions): RunningTerraform;
  /** `plan -out` then `show -json` of that plan. */
  plan(extraArgs?: readonly string[], options?: RunOptions): Promise<PlanResult>;
  apply(extraArgs?: readonly string[], options?: RunOptions): Promise<TerraformRun>;
  destroy(extraArgs?: readonly string[], options?: RunOptions): Promise<TerraformRun>;
  import(address: string, id: string, options?: RunOptions): Promise<TerraformRun>;
  /** `show -json` of the current state. */
  state(options?: RunOptions): Promise<StateView>;
  /** The trace log so far ('' without `log: true`). */
  log(): string;
  remove(): void;
}

/** Commands that accept `-input=false`. */
const INPUT_COMMANDS = new Set(['plan', 'apply', 'destroy', 'import', 'refresh', 'init']);

/** Commands whose second word is a subcommand (`state rm`, `workspace new`). */
const SUBCOMMAND_GROUPS = new Set(['state', 'workspace', 'providers']);

/** Variables of the developer's shell that would change what the provider or terraform does. */
const SCRUBBED_PREFIXES = ['ALICLOUD_', 'ALIBABA_CLOUD_', 'ALIBABACLOUDSTACK_', 'APSARASTACK_', 'TF_'];
const SCRUBBED_NAMES = ['ECS_ENDPOINT', 'VPC_ENDPOINT', 'RESOURCEMANAGER_ENDPOINT', 'SECURITY_TOKEN'];

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (SCRUBBED_PREFIXES.some((prefix) => name.startsWith(prefix)) || SCRUBBED_NAMES.includes(name)) continue;
    env[name] = value;
  }
  return env;
}

function applyOverrides(env: Record<string, string>, overrides: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  const out = { ...env };
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

function targetOf(cloud: CloudLike): CloudTarget {
  if ('credentials' in cloud) {
    return {
      url: cloud.url,
      regionId: cloud.regionId,
      accessKeyId: cloud.credentials.accessKeyId,
      accessKeySecret: cloud.credentials.accessKeySecret,
    };
  }
  return cloud;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function parseChanges(json: Record<string, unknown>): PlannedChange[] {
  const changes = Array.isArray(json['resource_changes']) ? (json['resource_changes'] as unknown[]) : [];
  return changes
    .map((raw) => {
      const entry = asRecord(raw);
      const change = asRecord(entry['change']);
      return {
        address: String(entry['address']),
        actions: (change['actions'] as string[] | undefined) ?? [],
        before: (change['before'] as Record<string, unknown> | null | undefined) ?? null,
        after: (change['after'] as Record<string, unknown> | null | undefined) ?? null,
        afterUnknown: asRecord(change['after_unknown']),
        replacePaths: (change['replace_paths'] as (string | number)[][] | undefined) ?? [],
      };
    })
    .filter((change) => !(change.actions.length === 1 && change.actions[0] === 'no-op'));
}

function collectResources(module: Record<string, unknown>, into: StateResource[]): void {
  for (const raw of (module['resources'] as unknown[] | undefined) ?? []) {
    const entry = asRecord(raw);
    into.push({
      address: String(entry['address']),
      type: String(entry['type']),
      name: String(entry['name']),
      values: asRecord(entry['values']),
      sensitiveValues: asRecord(entry['sensitive_values']),
      tainted: entry['tainted'] === true,
    });
  }
  for (const child of (module['child_modules'] as unknown[] | undefined) ?? []) collectResources(asRecord(child), into);
}

export function stateView(json: Record<string, unknown>): StateView {
  const resources: StateResource[] = [];
  collectResources(asRecord(asRecord(json['values'])['root_module']), resources);
  return {
    json,
    resources,
    has: (address) => resources.some((resource) => resource.address === address),
    resource: (address) => {
      const found = resources.find((resource) => resource.address === address);
      if (!found) throw new Error(`${address} is not in the state (have: ${resources.map((r) => r.address).join(', ') || 'nothing'})`);
      return found;
    },
  };
}

/**
 * `terraform` with exactly `args` in `cwd`, asynchronously (a cloud or provider in this
 * process keeps answering meanwhile). Its own process group, like a terminal's foreground
 * job: `interrupt()` reaches terraform and the providers it started, exactly as Ctrl-C does;
 * the group is killed after `timeoutMs`.
 */
export function startTerraform(
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number },
): RunningTerraform {
  const child = spawn('terraform', args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<TerraformRun>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run terraform (is it on the PATH?): ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    done,
    stdout: () => stdout,
    stderr: () => stderr,
    interrupt: () => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
    },
  };
}

export function createTerraformWorkspace(options: WorkspaceOptions): TerraformWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'tf-ws-'));
  const cliConfigPath = join(dir, '.terraform-cli.tfrc');
  const logPath = join(dir, 'terraform.log');
  const providerDir = options.providerDir ?? PROVIDER_DIR;
  writeFileSync(cliConfigPath, cliConfigText(providerDir));
  const wired = terraformEnv({ providerDir, cliConfigPath, cloud: targetOf(options.cloud) });
  const env = Object.freeze(
    applyOverrides(
      {
        ...baseEnv(),
        ...wired,
        TF_IN_AUTOMATION: '1',
        ...(options.log ? { TF_LOG: 'trace', TF_LOG_PATH: logPath } : {}),
      },
      options.env,
    ),
  );
  const defaultTimeout = options.timeoutMs ?? 180_000;

  const start = (args: readonly string[], runOptions: RunOptions = {}): RunningTerraform => {
    // Options go right after the command words: terraform's flag parsing stops at the first
    // positional argument (`import ADDRESS ID`, `show PLANFILE`).
    const [command = ''] = args;
    const words = SUBCOMMAND_GROUPS.has(command) ? 2 : 1;
    const flags = ['-no-color', ...(INPUT_COMMANDS.has(command) ? ['-input=false'] : [])];
    const fullArgs = [...args.slice(0, words), ...flags, ...args.slice(words)];
    return startTerraform(fullArgs, { cwd: dir, env: applyOverrides(env, runOptions.env), timeoutMs: runOptions.timeoutMs ?? defaultTimeout });
  };
  const run = (args: readonly string[], runOptions?: RunOptions): Promise<TerraformRun> => start(args, runOptions).done;

  const showJson = async (args: readonly string[], runOptions?: RunOptions): Promise<Record<string, unknown>> => {
    const shown = await run(['show', '-json', ...args], runOptions);
    if (shown.code !== 0) throw new Error(`terraform show -json failed (${shown.code}):\n${shown.stderr}${shown.stdout}`);
    return JSON.parse(shown.stdout) as Record<string, unknown>;
  };

  return {
    dir,
    env,
    write: (mainTf) => writeFileSync(join(dir, 'main.tf'), mainTf),
    writeFile: (name, text) => writeFileSync(join(dir, name), text),
    run,
    start,
    plan: async (extraArgs = [], runOptions) => {
      const planFile = join(dir, 'tfplan');
      rmSync(planFile, { force: true });
      const planned = await run(['plan', `-out=${planFile}`, ...extraArgs], runOptions);
      if (planned.code !== 0) return { ...planned, changes: [], json: undefined };
      const json = await showJson([planFile], runOptions);
      return { ...planned, changes: parseChanges(json), json };
    },
    apply: (extraArgs = [], runOptions) => run(['apply', '-auto-approve', ...extraArgs], runOptions),
    destroy: (extraArgs = [], runOptions) => run(['destroy', '-auto-approve', ...extraArgs], runOptions),
    import: (address, id, runOptions) => run(['import', address, id], runOptions),
    state: async (runOptions) => stateView(await showJson([], runOptions)),
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The text of a failed command's diagnostics (terraform prints errors on stderr). */
export function diagnostics(run: TerraformRun): string {
  return `${run.stderr}\n${run.stdout}`;
}

export interface TerraformScenarioOptions {
  /** Which compiled provider must exist (default `alicloud`). */
  readonly provider?: 'alicloud' | 'alibabacloudstack';
  /** Workspaces made in `beforeAll` (default 1); `tf` is the first. */
  readonly workspaces?: number;
  /** Passed to `startTestCloud` (ignored with `start`). */
  readonly cloud?: TestCloudOptions;
  /** Starts the cloud another way (e.g. `startImageCloud`). */
  readonly start?: () => Promise<TestCloud>;
  /** The workspaces' extra environment; may read the started cloud. */
  readonly env?: (cloud: TestCloud) => Promise<Readonly<Record<string, string | undefined>>> | Readonly<Record<string, string | undefined>>;
}

/** A test cloud and terraform workspaces shared by a `describe`, filled by its `beforeAll`. */
export interface TerraformScenario {
  readonly cloud: TestCloud;
  /** The first workspace. */
  readonly tf: TerraformWorkspace;
  readonly workspaces: readonly TerraformWorkspace[];
  /** One more workspace on the same cloud, removed in `afterAll` with the others. */
  workspace(env?: Readonly<Record<string, string | undefined>>): TerraformWorkspace;
}

/**
 * Registers the `beforeAll` that builds-checks the provider, starts the cloud and makes the
 * workspaces, and the `afterAll` that removes them and closes the cloud. Call it inside a
 * `describe`; its own `beforeAll`s registered afterwards run after this one.
 */
export function useTerraformScenario(options: TerraformScenarioOptions = {}): TerraformScenario {
  beforeAll(() => ensureProviderBuilt(options.provider));
  const cloud = useTestCloud(options.start ?? options.cloud);
  let baseEnvOverrides: Readonly<Record<string, string | undefined>> = {};
  let ready = false;
  const workspaces: TerraformWorkspace[] = [];
  const made = (what: string): readonly TerraformWorkspace[] => {
    if (!ready) throw new Error(`useTerraformScenario: ${what} used before its beforeAll ran (read it inside a hook or a test)`);
    return workspaces;
  };
  const workspace = (env?: Readonly<Record<string, string | undefined>>): TerraformWorkspace => {
    const merged = { ...baseEnvOverrides, ...env };
    const tf = createTerraformWorkspace({ cloud, ...(Object.keys(merged).length > 0 ? { env: merged } : {}) });
    workspaces.push(tf);
    return tf;
  };

  beforeAll(async () => {
    baseEnvOverrides = options.env ? await options.env(cloud) : {};
    for (let i = 0; i < (options.workspaces ?? 1); i++) workspace();
    ready = true;
  });
  afterAll(() => {
    for (const tf of workspaces) tf.remove();
  });

  return {
    cloud,
    get tf(): TerraformWorkspace {
      const first = made('tf')[0];
      if (first === undefined) throw new Error('useTerraformScenario: no workspace was made (workspaces: 0)');
      return first;
    },
    get workspaces(): readonly TerraformWorkspace[] {
      return made('workspaces');
    },
    workspace,
  };
}

/**
 * One terraform working directory wired to the local cloud the way
 * `ecs-image env` wires a user's shell (`src/cli/terraform-wiring.ts`:
 * dev_overrides to the repo's `bin/`, credentials and endpoints in the
 * environment), and timed terraform commands in it with the provider's peak memory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliConfigText, terraformEnv, type CloudTarget } from '../../src/cli/terraform-wiring.js';
import { BIN_DIR } from './paths.js';
import { sampleProviderMemory } from './process-memory.js';

export interface TimedRun {
  readonly code: number | null;
  readonly wallMs: number;
  /** Peak resident memory of any provider process during the command, MiB. */
  readonly providerPeakMiB: number | undefined;
  /** Provider processes terraform started during the command. */
  readonly providerStarts: number;
  readonly output: string;
}

/** Variables of the caller's shell that would change what terraform or the provider does. */
const SCRUBBED = /^(ALICLOUD_|ALIBABA_CLOUD_|ALIBABACLOUDSTACK_|TF_)/;

/**
 * The caller's environment without `SCRUBBED`: what terraform passes on to the providers it
 * starts. It matters to start times: e.g. `NODE_EXTRA_CA_CERTS` makes every Node start read
 * that file (about 40 ms for the Debian bundle).
 */
export function callerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !SCRUBBED.test(name)));
}

export class TerraformDir {
  readonly dir: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #sampleMs: number;

  constructor(cloud: CloudTarget, sampleMs: number) {
    this.dir = mkdtempSync(join(tmpdir(), 'bench-tf-'));
    this.#sampleMs = sampleMs;
    const cliConfigPath = join(this.dir, 'cli.tfrc');
    writeFileSync(cliConfigPath, cliConfigText(BIN_DIR));
    this.#env = { ...callerEnv(), ...terraformEnv({ providerDir: BIN_DIR, cliConfigPath, cloud }), TF_IN_AUTOMATION: '1' };
  }

  write(mainTf: string): void {
    writeFileSync(join(this.dir, 'main.tf'), mainTf);
  }

  /** `terraform <args>`, timed from spawn to exit. */
  run(args: readonly string[]): Promise<TimedRun> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn('terraform', [...args], { cwd: this.dir, env: this.#env, stdio: ['ignore', 'pipe', 'pipe'] });
      const sampler = child.pid === undefined ? undefined : sampleProviderMemory(child.pid, this.#sampleMs);
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.on('error', (error) => {
        sampler?.stop();
        reject(new Error(`cannot run terraform (is it on the PATH?): ${error.message}`));
      });
      child.on('close', (code) => {
        const wallMs = performance.now() - started;
        const sample = sampler?.stop();
        resolve({ code, wallMs, providerPeakMiB: sample?.peakMiB, providerStarts: sample?.processes ?? 0, output });
      });
    });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Throws with terraform's output unless the command exited with one of `codes`. */
export function expectExit(run: TimedRun, what: string, codes: readonly number[] = [0]): TimedRun {
  if (run.code === null || !codes.includes(run.code)) throw new Error(`${what} exited with ${String(run.code)}:\n${run.output.slice(-4000)}`);
  return run;
}

/**
 * Peak memory of the provider processes a terraform run starts: every few
 * milliseconds, the descendants of terraform's pid whose command line names
 * the provider are read from /proc, and their `VmHWM` (the kernel's own
 * high-water mark of resident memory) is kept. A provider that lives shorter
 * than one sampling interval may be missed; terraform keeps each one for a
 * whole plan or apply phase, far longer. Linux only: elsewhere the figure is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const PROVIDER_NAME = 'terraform-provider-alicloud';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process has just exited
  }
}

/** pid → parent pid, for every process visible now. */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    if (stat === undefined) continue;
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split after the last ')'
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(Number(entry), ppid);
  }
  return parents;
}

function isDescendant(pid: number, root: number, parents: Map<number, number>): boolean {
  let current: number | undefined = pid;
  for (let depth = 0; current !== undefined && current > 1 && depth < 64; depth += 1) {
    if (current === root) return true;
    current = parents.get(current);
  }
  return false;
}

function highWaterMarkKiB(pid: number): number | undefined {
  const status = readText(`/proc/${pid}/status`);
  const match = status === undefined ? null : /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match === null ? undefined : Number(match[1]);
}

export interface ProviderSample {
  /** The peak VmHWM of any provider process seen, in MiB (undefined if none was seen). */
  readonly peakMiB: number | undefined;
  /** How many provider processes terraform started (those that lived at least one interval). */
  readonly processes: number;
}

export interface MemorySampler {
  /** Stops sampling. */
  stop(): ProviderSample;
}

export function sampleProviderMemory(rootPid: number, intervalMs: number): MemorySampler {
  if (!existsSync('/proc/self/status')) return { stop: () => ({ peakMiB: undefined, processes: 0 }) };
  let peakKiB: number | undefined;
  const seen = new Set<number>();
  const sample = (): void => {
    const parents = parentsByPid();
    for (const pid of parents.keys()) {
      if (!isDescendant(pid, rootPid, parents)) continue;
      if (!(readText(`/proc/${pid}/cmdline`) ?? '').includes(PROVIDER_NAME)) continue;
      seen.add(pid);
      const kib = highWaterMarkKiB(pid);
      if (kib !== undefined) peakKiB = Math.max(peakKiB ?? 0, kib);
    }
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakMiB: peakKiB === undefined ? undefined : peakKiB / 1024, processes: seen.size };
    },
  };
}

/**
 * How busy the whole machine's CPUs were over a window, from /proc/stat
 * (Linux; undefined elsewhere): every process counts, the bench's load
 * processes, the cloud's replicas, PostgreSQL, and anything else running.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTimes {
  readonly idle: number;
  readonly total: number;
}

export function machineCpuTimes(): CpuTimes | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are the idle time
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { idle, total: ticks.slice(0, 8).reduce((sum, value) => sum + value, 0) };
  } catch {
    return undefined;
  }
}

/** The busy share of the machine's CPU time between two readings (0–1). */
export function busyShare(before: CpuTimes | undefined, after: CpuTimes | undefined): number | undefined {
  if (before === undefined || after === undefined || after.total <= before.total) return undefined;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

/** CPU time (user + system) of one process so far, in microseconds, from /proc; 0 when it cannot be read. */
export function processCpuUs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux)
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return 0;
  }
}

/** The ids of the running processes whose command line starts with `prefix` (e.g. every PostgreSQL process). */
export function processesNamed(prefix: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          return readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith(prefix);
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

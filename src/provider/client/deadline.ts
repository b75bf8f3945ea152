/** A point in time (epoch milliseconds) by which an operation must be over. */
export type Deadline = number;

export interface TimeBound {
  /** Absolute deadline, epoch milliseconds. Wins over `timeoutMs` when both are given. */
  readonly deadline?: Deadline | undefined;
  /** Relative timeout from now, milliseconds. */
  readonly timeoutMs?: number | undefined;
}

/** The deadline a `TimeBound` describes, or `fallbackMs` from now when it gives none. */
export function deadlineOf(bound: TimeBound, fallbackMs: number, now: number = Date.now()): Deadline {
  if (bound.deadline !== undefined) return bound.deadline;
  return now + (bound.timeoutMs ?? fallbackMs);
}

/** Go-style duration text (`10m0s`, `1m30s`, `500ms`), as terraform users write timeouts. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

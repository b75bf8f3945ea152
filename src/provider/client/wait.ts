/**
 * Polling until a cloud object reaches a state, in the shape of terraform-plugin-sdk's
 * `StateChangeConf` (which both reference providers use): pending and target states, a
 * refresh function that returns the object and its state or `undefined` when it does not
 * exist, an initial delay, a poll interval that starts at `minTimeoutMs` and doubles up to
 * `maxIntervalMs`, a bounded number of consecutive not-found answers, a deadline and an
 * AbortSignal. Unlike the SDK it fails at once on a failure state with the cloud's reason,
 * and it logs progress (`waiting for ECS Image (m-…) to become Available: Creating 45%`).
 *
 * Where the object reports how far along it is (an image's `Progress`), the next poll is due
 * when it should be done at the pace seen so far (`pacedDelay`), rather than on the doubling
 * schedule, which can wait up to twice as long as needed: the wait ends close to when the
 * object is ready, with no more polls than the doubling schedule makes.
 */
import type { Logger } from '../plugin/logger.js';
import { deadlineOf, formatDuration, type TimeBound } from './deadline.js';
import { CancelledError } from './errors.js';
import { raceAbort, sleep } from './sleep.js';

export interface Observation<T> {
  readonly value: T;
  readonly state: string;
}

export interface WaitOptions<T> extends TimeBound {
  /** Display name and id, as diagnostics show it: `ECS Image (m-123)`. */
  readonly subject: string;
  /** One poll. `undefined` means the object does not exist (now). */
  readonly refresh: () => Promise<Observation<T> | undefined>;
  /** States that mean "keep waiting". Empty: any state outside target and failure keeps waiting. */
  readonly pending: readonly string[];
  /** States that end the wait successfully. Empty: the wait ends when the object is gone. */
  readonly target: readonly string[];
  /** States that end the wait with an error at once. */
  readonly failure?: readonly string[] | undefined;
  /** The cloud's explanation of a failure state, attached to the error. */
  readonly failureReason?: ((value: T) => string | undefined) | undefined;
  /** Progress text for logs and the timeout error (`Creating 45%`); defaults to the state. */
  readonly describe?: ((observation: Observation<T>) => string) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly logger?: Logger | undefined;
  /** Before the first poll. Default 0. */
  readonly delayMs?: number | undefined;
  /** The first interval between polls, and the smallest. Default 3 s. */
  readonly minTimeoutMs?: number | undefined;
  /** The interval doubles after each poll up to this. Default 10 s. */
  readonly maxIntervalMs?: number | undefined;
  /** Consecutive not-found polls tolerated while waiting for a target state. Default 20. */
  readonly notFoundChecks?: number | undefined;
  /** How far along the object says it is, 0–100, when it says so; paces the polls (see above). */
  readonly percentDone?: ((value: T) => number | undefined) | undefined;
}

/** What `pacedDelay` needs to know about the wait so far. */
export interface Pace {
  /** Since the wait began (the object started changing just before). */
  readonly elapsedMs: number;
  readonly percent: number | undefined;
  /** At the poll before, undefined for the first. */
  readonly previousPercent: number | undefined;
  readonly maxIntervalMs: number;
}

/**
 * The delay until the object should be done, when its progress moved since the last poll:
 * what is left at the pace seen so far. Never below a tenth of the time already waited (an
 * object that reports 99% for a while is not polled in a tight loop), never above
 * `maxIntervalMs`. Undefined when the progress says nothing new: the doubling schedule applies.
 */
export function pacedDelay(pace: Pace): number | undefined {
  const { elapsedMs, percent, previousPercent } = pace;
  if (percent === undefined || percent <= 0 || percent >= 100) return undefined;
  if (previousPercent !== undefined && percent <= previousPercent) return undefined;
  const remaining = (elapsedMs * (100 - percent)) / percent;
  return Math.min(Math.max(remaining, elapsedMs / 10), pace.maxIntervalMs);
}

/**
 * The usual `refresh`: the object `find` looks up (undefined when it does not exist), its
 * state the object's `status` ("" when the answer has none).
 */
export function byStatus<T extends { readonly status?: string | undefined }>(find: () => Promise<T | undefined>): () => Promise<Observation<T> | undefined> {
  return async () => {
    const value = await find();
    return value && { value, state: value.status ?? '' };
  };
}

/** What a wait for an object to be gone takes: everything but the states and the refresh. */
export type GoneWaitOptions = Omit<WaitOptions<never>, 'refresh' | 'pending' | 'target' | 'failure' | 'failureReason' | 'describe' | 'percentDone'>;

/**
 * Polls until `find` no longer finds the object (the wait after a delete); progress is
 * logged with the object's `status`.
 */
export async function waitGone<T extends { readonly status?: string | undefined }>(find: () => Promise<T | undefined>, options: GoneWaitOptions): Promise<void> {
  await waitFor<T>({ ...options, refresh: byStatus(find), pending: [], target: [] });
}

export type WaitErrorKind = 'timeout' | 'failed' | 'unexpected-state' | 'not-found';

export class WaitError extends Error {
  override readonly name = 'WaitError';
  readonly kind: WaitErrorKind;
  readonly subject: string;
  /** The last state seen, `undefined` when the object was never found. */
  readonly lastState: string | undefined;

  constructor(kind: WaitErrorKind, subject: string, lastState: string | undefined, message: string) {
    super(message);
    this.kind = kind;
    this.subject = subject;
    this.lastState = lastState;
  }
}

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;

/**
 * Polling for instances, disks, snapshots, VPCs and vSwitches: suits both the local cloud (sub-second
 * transitions) and ECS (tens of seconds): 0.25 s doubling to 5 s makes two more polls in a
 * minute than starting at 1 s would, and sees a quick transition a second sooner.
 */
export const RESOURCE_POLL = Object.freeze({ minTimeoutMs: 250, maxIntervalMs: 5000 });

/** A `Progress` field as a number: ECS sends `45%`, some answers `45`. */
export function parsePercent(progress: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(progress ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Polls until a target state (returns the object) or, with an empty `target`, until the
 * object is gone (returns `undefined`). Errors from `refresh` propagate unchanged; the
 * refresh should do its own retrying (`callWithRetry` with the same deadline).
 */
export async function waitFor<T>(options: WaitOptions<T>): Promise<T | undefined> {
  const deadline = deadlineOf(options, DEFAULT_WAIT_TIMEOUT_MS);
  const timeoutText = formatDuration(deadline - Date.now());
  const wanted = options.target.length === 0 ? 'be deleted' : `become ${options.target.join(' or ')}`;
  const maxInterval = options.maxIntervalMs ?? 10_000;
  const notFoundLimit = options.notFoundChecks ?? 20;
  let interval = Math.min(options.minTimeoutMs ?? 3000, maxInterval);
  let notFound = 0;
  let lastProgress: string | undefined;
  let lastState: string | undefined;
  let lastPercent: number | undefined;
  let paced: number | undefined;
  const started = Date.now();

  // A cancel (the operation's timeout, Ctrl-C) says what the object was doing.
  try {
    await sleep(Math.min(options.delayMs ?? 0, Math.max(0, deadline - Date.now())), options.signal);
    for (;;) {
      if (options.signal?.aborted) throw new CancelledError(options.signal.reason);
      const observation = await raceAbort(options.refresh(), options.signal);

      if (observation === undefined) {
        if (options.target.length === 0) return undefined;
        notFound++;
        if (notFound > notFoundLimit) {
          throw new WaitError('not-found', options.subject, lastState, `${options.subject} not found after ${notFound} checks while waiting for it to ${wanted}`);
        }
        lastProgress = 'not found';
      } else {
        notFound = 0;
        lastState = observation.state;
        const progress = options.describe?.(observation) ?? observation.state;
        if (progress !== lastProgress) {
          options.logger?.info(`waiting for ${options.subject} to ${wanted}: ${progress}`, { state: observation.state });
          lastProgress = progress;
        }
        if (options.target.includes(observation.state)) return observation.value;
        if (options.failure?.includes(observation.state)) {
          const reason = options.failureReason?.(observation.value);
          throw new WaitError('failed', options.subject, observation.state, `${options.subject} reached state ${observation.state}${reason ? `: ${reason}` : ''}`);
        }
        if (options.pending.length > 0 && !options.pending.includes(observation.state)) {
          throw new WaitError(
            'unexpected-state',
            options.subject,
            observation.state,
            `unexpected state '${observation.state}' of ${options.subject} while waiting for it to ${wanted}`,
          );
        }
        const percent = options.percentDone?.(observation.value);
        paced = pacedDelay({ elapsedMs: Date.now() - started, percent, previousPercent: lastPercent, maxIntervalMs: maxInterval });
        lastPercent = percent ?? lastPercent;
      }

      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new WaitError(
          'timeout',
          options.subject,
          lastState,
          `timeout after ${timeoutText} while waiting for ${options.subject} to ${wanted} (last state: ${lastProgress ?? 'none'})`,
        );
      }
      if (paced !== undefined) {
        await sleep(Math.min(paced, remaining), options.signal);
        paced = undefined;
        continue;
      }
      await sleep(Math.min(interval, remaining), options.signal);
      interval = Math.min(interval * 2, maxInterval);
    }
  } catch (err) {
    if (err instanceof CancelledError && err.lastAnswer === undefined && lastProgress !== undefined) {
      throw new CancelledError(err.cause, new Error(`${options.subject} was ${lastProgress}`));
    }
    throw err;
  }
}

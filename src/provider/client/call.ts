/**
 * Every cloud call a resource makes goes through `callWithRetry`: the provider-level retry
 * loop that the official TS SDK (openapi-core 7.x) does not have. It retries what the
 * reference provider's `NeedRetry` retries (throttling, `ServiceUnavailable`, 5xx, transport
 * failures) plus codes the caller names for its action (`IncorrectInstanceStatus` for
 * CreateImage), with exponential backoff and jitter, never past the deadline, and stops at
 * once when the AbortSignal fires.
 */
import type { Logger } from '../plugin/logger.js';
import { deadlineOf, formatDuration, type TimeBound } from './deadline.js';
import { CancelledError, CloudError, isTransient, toCloudError } from './errors.js';
import { raceAbort, sleep } from './sleep.js';

export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  readonly initialDelayMs: number;
  /** Upper bound of one delay, before jitter. */
  readonly maxDelayMs: number;
  readonly multiplier: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ initialDelayMs: 1000, maxDelayMs: 10_000, multiplier: 2 });

/** When no deadline is given: long enough to ride out throttling, short enough to notice an outage. */
export const DEFAULT_CALL_TIMEOUT_MS = 2 * 60_000;

export interface CallOptions extends TimeBound {
  /** StopProvider / Ctrl-C: aborting rejects with `CancelledError` at once. */
  readonly signal?: AbortSignal | undefined;
  readonly logger?: Logger | undefined;
  /** The action name, for log lines (`CreateImage`). */
  readonly action?: string | undefined;
  /** Cloud codes that are worth retrying for this action, on top of the transient ones. */
  readonly retryCodes?: readonly string[] | undefined;
  /** Replaces the whole classification (transient + `retryCodes`) when given. */
  readonly retryable?: ((err: CloudError) => boolean) | undefined;
  readonly backoff?: Partial<BackoffPolicy> | undefined;
}

/**
 * Runs `fn` until it succeeds, fails with an error that is not retryable, the deadline leaves
 * no room for another attempt (the last error is thrown), or the signal aborts.
 * `fn` receives the 1-based attempt number. Errors thrown are always `CloudError` or
 * `CancelledError`.
 */
export async function callWithRetry<T>(fn: (attempt: number) => Promise<T>, options: CallOptions = {}): Promise<T> {
  const deadline = deadlineOf(options, DEFAULT_CALL_TIMEOUT_MS);
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const shouldRetry = options.retryable ?? ((err: CloudError) => isTransient(err) || (options.retryCodes ?? []).includes(err.code));
  // A cancel (the operation's timeout, Ctrl-C) says what the call was retrying.
  let lastFailure: CloudError | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      if (options.signal?.aborted) throw new CancelledError(options.signal.reason);
      let failure: CloudError;
      try {
        return await raceAbort(fn(attempt), options.signal);
      } catch (err) {
        if (err instanceof CancelledError) throw err;
        if (options.signal?.aborted) throw new CancelledError(options.signal.reason);
        failure = toCloudError(err);
      }
      if (!shouldRetry(failure)) throw failure;
      lastFailure = failure;
      const delay = failure.retryAfterMs ?? backoffDelay(policy, attempt);
      const remaining = deadline - Date.now();
      if (delay >= remaining) {
        options.logger?.debug(`giving up on ${options.action ?? 'cloud call'} after ${attempt} attempts: ${failure.code}`, {
          attempts: attempt,
          deadline_in: formatDuration(Math.max(0, remaining)),
        });
        throw failure;
      }
      options.logger?.debug(`retrying ${options.action ?? 'cloud call'} after ${failure.code} (attempt ${attempt}, next in ${formatDuration(delay)})`, {
        code: failure.code,
        status: failure.status,
        request_id: failure.requestId,
        attempt,
        delay_ms: delay,
      });
      await sleep(delay, options.signal);
    }
  } catch (err) {
    if (err instanceof CancelledError && err.lastAnswer === undefined && lastFailure !== undefined) throw new CancelledError(err.cause, lastFailure);
    throw err;
  }
}

/** Exponential delay before retry number `attempt`, with "equal jitter": between half and all of it. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

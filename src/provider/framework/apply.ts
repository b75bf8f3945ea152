/**
 * Apply-side helpers: operation deadlines as AbortSignals, and fitting a handler's result
 * to the plan terraform approved.
 *
 * Why the fitting: terraform rejects an apply result that differs from any *known* planned
 * value ("Provider produced inconsistent result after apply"). Known planned values are
 * configuration the user wrote, defaults, values kept from prior state, and the `timeouts`
 * block; the apply result repeats them exactly and only fills in what the plan left
 * unknown. When the remote side disagrees with a known planned value we log it (a warning
 * under TF_LOG) and the next refresh shows the real value as drift, instead of failing the
 * apply after the remote change happened.
 *
 * The one exception (besides the plan of such a block, `plan.ts` step 7): a configured
 * Optional+Computed block (`disk_device_mapping { … }`) whose nested Computed fields a plan
 * kept as null (an in-place update; create and replace plan them unknown) and the remote
 * side filled. Keeping the plan's nulls would leave them null in state until the next
 * refresh, which then reports "changed outside of Terraform". So when the result differs
 * from the plan *only* by such fills, the result is kept and the response sets
 * `legacy_type_system`; terraform 1.11 then logs "[WARN] Provider … produced an unexpected
 * new value …, but we are tolerating it because it is using the legacy plugin SDK" instead
 * of failing the apply. Any other difference in the block keeps the strict behaviour.
 */
import type { Logger } from '../plugin/logger.js';
import type { Path } from './diagnostics.js';
import { pathToKey } from './diagnostics.js';
import { equalTyped } from './compare.js';
import { compareComputedBlockFill } from './computed-block-fill.js';
import { formatDuration } from './timeouts.js';
import type { CompiledBlock, TypeJson } from './schema.js';
import type { Value, ValueObject } from './value.js';
import { isObject, isUnknown, isWhollyKnown } from './value.js';

/** The reason an operation signal carries when its timeout elapses. */
export class OperationTimeoutError extends Error {
  readonly timeoutMs: number;
  readonly key: string;

  constructor(key: string, timeoutMs: number, lastAnswer?: Error) {
    const last = lastAnswer === undefined ? '' : `; the last answer: ${lastAnswer.message}`;
    super(`timed out after ${formatDuration(timeoutMs)} (raise timeouts.${key} to wait longer)${last}`);
    this.name = 'OperationTimeoutError';
    this.timeoutMs = timeoutMs;
    this.key = key;
  }
}

/** The reason when StopProvider (Ctrl-C) interrupts an operation. */
export class StoppedError extends Error {
  constructor() {
    super('interrupted: terraform asked the provider to stop');
    this.name = 'StoppedError';
  }
}

export interface OperationSignal {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * A signal that aborts when any parent aborts or after `timeoutMs` (reason:
 * OperationTimeoutError). `dispose` clears the timer once the operation is over.
 */
export function operationSignal(parents: readonly AbortSignal[], timeoutMs: number, key: string): OperationSignal {
  const controller = new AbortController();
  const onParentAbort = (event: Event): void => controller.abort((event.target as AbortSignal).reason);
  for (const parent of parents) {
    if (parent.aborted) controller.abort(parent.reason);
    else parent.addEventListener('abort', onParentAbort, { once: true });
  }
  const timer = setTimeout(() => controller.abort(new OperationTimeoutError(key, timeoutMs)), Math.max(0, Math.min(timeoutMs, 2 ** 31 - 1)));
  timer.unref();
  return {
    signal: controller.signal,
    dispose(): void {
      clearTimeout(timer);
      for (const parent of parents) parent.removeEventListener('abort', onParentAbort);
    },
  };
}

/**
 * Describes why an operation failed: the timeout or stop reason when the signal fired
 * (waiters typically throw a generic AbortError, or an error caused by the reason),
 * otherwise the thrown error. A timeout also gives what the handler last heard, when the
 * error it threw carries that as `lastAnswer` (a retrying call, a wait).
 */
export function failureOf(thrown: unknown, signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  if (signal.aborted && (reason instanceof OperationTimeoutError || reason instanceof StoppedError)) {
    if (thrown === reason || isAbortError(thrown) || (thrown instanceof Error && thrown.cause === reason)) {
      const lastAnswer = lastAnswerOf(thrown);
      return reason instanceof OperationTimeoutError && lastAnswer !== undefined ? new OperationTimeoutError(reason.key, reason.timeoutMs, lastAnswer) : reason;
    }
  }
  return thrown;
}

function isAbortError(thrown: unknown): boolean {
  return thrown instanceof Error && (thrown.name === 'AbortError' || thrown.name === 'TimeoutError');
}

function lastAnswerOf(thrown: unknown): Error | undefined {
  const answer = thrown instanceof Error ? (thrown as Error & { lastAnswer?: unknown }).lastAnswer : undefined;
  return answer instanceof Error ? answer : undefined;
}

/** The state to return after apply, and whether it needs `legacy_type_system` (see the header). */
export interface FittedState {
  readonly state: ValueObject;
  /** Top-level Optional+Computed block attributes whose remote-filled values were kept. */
  readonly filledBlocks: readonly string[];
}

/**
 * Known planned values win; unknown planned values take the handler's result; a configured
 * Optional+Computed block takes the result when it only fills the plan's computed nulls
 * (`filledBlocks`). Only top-level blocks get that treatment: SDK v1 resources (the only
 * ones with such blocks) declare them there.
 */
export function fitToPlan(block: CompiledBlock, planned: ValueObject, actual: ValueObject, logger: Logger): FittedState {
  const attributeTypes = (block.type as readonly ['object', Readonly<Record<string, TypeJson>>])[1];
  const filledBlocks = block.attributes
    .filter((a) => a.computedBlock !== undefined && compareComputedBlockFill(a, planned[a.name] ?? null, actual[a.name] ?? null) === 'filled')
    .map((a) => a.name);
  const state: ValueObject = Object.fromEntries(
    Object.entries(attributeTypes).map(([name, t]): [string, Value] => [
      name,
      filledBlocks.includes(name) ? (actual[name] ?? null) : fit(t, planned[name] ?? null, actual[name] ?? null, [name], logger),
    ]),
  );
  if (filledBlocks.length > 0) {
    logger.debug('apply result fills computed values the plan had as null inside configured blocks; keeping them (legacy_type_system)', {
      tf_attribute_path: filledBlocks.join(','),
    });
  }
  return { state, filledBlocks };
}

function fit(type: TypeJson, planned: Value, actual: Value, path: Path, logger: Logger): Value {
  if (isUnknown(planned)) return actual;
  if (isWhollyKnown(planned)) {
    if (!equalTyped(type, planned, actual)) {
      logger.warn('apply result differs from a known planned value; keeping the planned value until the next refresh', {
        tf_attribute_path: pathToKey(path),
      });
    }
    return planned;
  }
  if (typeof type === 'string') return actual;
  const [kind, inner] = type;
  if (kind === 'object' && isObject(planned) && isObject(actual)) {
    const attributes = inner as Readonly<Record<string, TypeJson>>;
    return Object.fromEntries(
      Object.entries(attributes).map(([name, t]) => [name, fit(t, planned[name] ?? null, actual[name] ?? null, [...path, name], logger)]),
    );
  }
  if (kind === 'list' && Array.isArray(planned) && Array.isArray(actual) && planned.length === actual.length) {
    return planned.map((item, i) => fit(inner as TypeJson, item as Value, actual[i] as Value, [...path, i], logger));
  }
  return actual;
}

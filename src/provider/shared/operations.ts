/**
 * The skeletons every resource's handlers run, written once:
 * - create: send the create call, check the answer has an id, record the id at once
 *   (`created()`), wait and apply what the create call cannot take, then Read;
 * - update: apply the changes, then Read;
 * - "modify if changed": one Modify… request carrying only the arguments whose configured
 *   value differs from the prior state, sent only when there is one;
 * - resource group and tags of an ECS resource, each changed only when it differs.
 *
 * No orphans: the create call is sent without the operation's AbortSignal, so a request
 * already on the wire completes and its id is recorded even when Ctrl-C or the create
 * timeout lands meanwhile — only further retries stop. Terraform then stores the object as
 * tainted (and `terraform destroy` removes it) instead of forgetting an object that exists.
 * One deadline, set when the operation starts, bounds every call and wait it makes.
 *
 * Loaded with the handlers (it imports the client layer, and the SDK behind it).
 */
import { CancelledError, isTransient, joinResourceGroup, updateTags, type CallOptions, type CloudClients, type TagTarget } from '../client/index.js';
import type { CreateRequest, KnownObject, KnownValue, OperationContext, StateInput, UpdateRequest } from '../framework/index.js';
import type { Logger } from '../plugin/logger.js';
import { mapOf, textOf } from './values.js';

/** The options every call and wait of one operation takes: its signal, logger and deadline. */
export interface OperationOptions extends CallOptions {
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Epoch milliseconds, fixed when the operation starts. */
  readonly deadline: number;
}

/** A read or import has no declared timeout: its retries get a minute, as the reference Read's do. */
const READ_TIMEOUT_MS = 60_000;

export function operationOptions(request: OperationContext<CloudClients>, key: 'create' | 'update' | 'delete'): OperationOptions {
  return { signal: request.signal, logger: request.logger, deadline: Date.now() + request.timeouts[key] };
}

export function readOptions(request: { readonly signal: AbortSignal; readonly logger: Logger }): OperationOptions {
  return { signal: request.signal, logger: request.logger, deadline: Date.now() + READ_TIMEOUT_MS };
}

/**
 * Once the signal fired (the timeout, Ctrl-C), the failure is the signal's reason, carrying
 * the error the handler was left with as its last answer; before, it is the error itself.
 */
function abortReason(signal: AbortSignal, error: unknown): unknown {
  if (!signal.aborted || error instanceof CancelledError) return error;
  return new CancelledError(signal.reason, error instanceof Error && error !== signal.reason ? error : undefined);
}

/** Read's answer at the end of a create or an update, where the object must still exist. */
export function mustExist<T>(state: T | null, subject: string, during: 'create' | 'update'): T {
  if (state === null) throw new Error(`${subject} disappeared ${during === 'create' ? 'right after creation' : 'during the update'}`);
  return state;
}

export interface CreateSteps {
  /** Display name and id, as messages show it: `ECS Instance (i-…)`. */
  readonly subject: (id: string) => string;
  /** The create call's action, for the error when its answer carries no id. */
  readonly action: string;
  /** Codes worth retrying on the create call, on top of the transient ones. */
  readonly retryCodes?: readonly string[];
  /**
   * Sends the create call with `options` (which carry no signal) and returns the id its
   * answer names. Build the request, with its ClientToken, before: every retry must be the
   * same create.
   */
  send(options: CallOptions): Promise<string | undefined>;
  /** The state recorded as soon as the id is known (default `{ id }`). */
  recorded?(id: string): StateInput;
  /**
   * After the id is recorded: the waits, and what the create call cannot set. It may return
   * the state of the object its wait last saw, when nothing changed it since: that answer is
   * as fresh as the final Read's would be, so the Read is not sent.
   */
  settle?(id: string, options: OperationOptions): Promise<StateInput | void>;
  /** The final Read, unless `settle` returned the state; null means the object is gone. */
  read(id: string, options: OperationOptions): Promise<StateInput | null>;
}

export async function createResource(request: CreateRequest<CloudClients>, steps: CreateSteps): Promise<StateInput> {
  const options = operationOptions(request, 'create');
  const { signal, logger } = options;
  const retryCodes = steps.retryCodes ?? [];
  // Stopped before anything was sent: nothing to record, so send nothing.
  if (signal.aborted) throw signal.reason;
  let id: string | undefined;
  try {
    id = await steps.send({
      logger,
      deadline: options.deadline,
      action: steps.action,
      retryable: (error) => !signal.aborted && (isTransient(error) || retryCodes.includes(error.code)),
    });
  } catch (error) {
    if (signal.aborted) logger.debug(`${steps.action} failed after the operation was stopped: ${String(error)}`);
    throw abortReason(signal, error);
  }
  if (!id) throw new Error(`${steps.action} answered without an id`);
  request.created(steps.recorded?.(id) ?? { id });
  logger.info(`created ${steps.subject(id)}`, { id });
  try {
    if (signal.aborted) throw signal.reason;
    const settled = await steps.settle?.(id, options);
    return settled ?? mustExist(await steps.read(id, options), steps.subject(id), 'create');
  } catch (error) {
    throw abortReason(signal, error);
  }
}

export interface UpdateSteps {
  readonly subject: (id: string) => string;
  /** The in-place changes from `request.prior` to `request.config`. */
  apply(id: string, options: OperationOptions): Promise<void>;
  read(id: string, options: OperationOptions): Promise<StateInput | null>;
}

export async function updateResource(request: UpdateRequest<CloudClients>, steps: UpdateSteps): Promise<StateInput> {
  const id = request.prior['id'] as string;
  const options = operationOptions(request, 'update');
  try {
    await steps.apply(id, options);
    return mustExist(await steps.read(id, options), steps.subject(id), 'update');
  } catch (error) {
    throw abortReason(options.signal, error);
  }
}

/** A request field's configured value (undefined: not set) and the state attribute it is compared with. */
export type FieldChange<V> = readonly [next: V | undefined, attribute: string];

function sameValue(next: unknown, prior: KnownValue | undefined): boolean {
  if (Array.isArray(next)) {
    // Set-typed arguments (security groups): order does not matter.
    const before = Array.isArray(prior) ? prior : [];
    return next.length === before.length && next.every((item: unknown) => before.includes(item as KnownValue));
  }
  return next === prior;
}

/**
 * Collects the fields whose configured value is set and differs from `prior[attribute]`,
 * and, when there is at least one, calls `send` with them (the fields of one Modify…
 * request). Returns whether it sent.
 */
export async function modifyIfChanged<R extends object>(
  prior: KnownObject,
  fields: { readonly [K in keyof R]?: FieldChange<R[K]> },
  send: (changes: Partial<R>) => Promise<unknown>,
): Promise<boolean> {
  const changes: Partial<Record<keyof R, unknown>> = {};
  let changed = false;
  for (const key of Object.keys(fields) as (keyof R)[]) {
    const [next, attribute] = fields[key] as FieldChange<unknown>;
    if (next === undefined || sameValue(next, prior[attribute])) continue;
    changes[key] = next;
    changed = true;
  }
  if (changed) await send(changes as Partial<R>);
  return changed;
}

/**
 * An ECS resource's `resource_group_id` (JoinResourceGroup) and `tags` (by diff), each
 * changed only when the configuration differs from the prior state.
 */
export async function updateGroupAndTags(client: CloudClients, target: TagTarget, config: KnownObject, prior: KnownObject, options: CallOptions): Promise<void> {
  const resourceGroupId = textOf(config, 'resource_group_id');
  if (resourceGroupId !== undefined && resourceGroupId !== prior['resource_group_id']) {
    await joinResourceGroup(client, { resourceId: target.resourceId, resourceGroupId, resourceType: target.resourceType }, options);
  }
  await updateTags(client, target, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
}

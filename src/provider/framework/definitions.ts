/**
 * What a provider built on the framework declares: one `ProviderDefinition` holding the
 * provider schema, `configure`, and plain arrays of resources and data sources (the same
 * arrays docs and `terraform providers schema -json` come from).
 *
 * Handlers see plain JS values (`value.ts`): objects keyed by attribute and block name,
 * explicit nulls, `UNKNOWN` only where a plan has unknowns. An attribute left out of a state
 * a handler returns becomes, depending on the operation (`managed-resource.ts`):
 * - create and update: null (an empty list for a list/set block) — but every known planned
 *   value wins over what the handler returns (`apply.ts`), so only values the plan left
 *   unknown come from the handler;
 * - read: the attribute keeps its current state value, so arguments the remote side never
 *   reports (`force`, `password`) survive a refresh without the handler copying them;
 * - a data source read: null, and every argument the user set is echoed as configured.
 *
 * Errors: throw an Error whose message is the cause (`waiting for Available: status
 * CreateFailed`); the framework prefixes the operation and the object, giving the
 * diagnostic grammar "<verb>ing <display name> (<id>): <cause>", lower case, no "Error:"
 * prefix: `creating ECS Image (m-123): waiting for Available: status CreateFailed`. A
 * timeout or Ctrl-C that aborts `signal` is reported as such even when the waiter throws a
 * generic AbortError.
 */
import type { Logger } from '../plugin/logger.js';
import type { BlockSchema } from './schema.js';
import type { TimeoutDefaults, ResolvedTimeouts } from './timeouts.js';
import type { PrivateState } from './private-state.js';
import type { Path } from './diagnostics.js';
import type { KnownObject, KnownValue, ValueObject } from './value.js';

/** A state or partial state as handlers return it: missing attributes mean null. */
export type StateInput = Readonly<Record<string, KnownValue>>;

export interface OperationContext<Client> {
  /** What `ProviderDefinition.configure` returned. */
  readonly client: Client;
  readonly logger: Logger;
  /** Aborted by StopProvider (Ctrl-C), by terraform cancelling the call, or at the operation's timeout. */
  readonly signal: AbortSignal;
  /** Resolved `timeouts` (milliseconds), defaults applied. */
  readonly timeouts: ResolvedTimeouts;
  /** Private state of the instance; edits are stored with the new state. */
  readonly private: PrivateState;
}

export interface CreateRequest<Client> extends OperationContext<Client> {
  /** Wholly known at apply time; unset arguments with a `default` read as the default. */
  readonly config: KnownObject;
  /** The planned state: UNKNOWN marks what the create decides (`id`, computed values). */
  readonly plan: ValueObject;
  /**
   * Call as soon as the remote object exists (typically right after the create call with
   * `{ id }`): if the create later fails or times out, terraform stores this state as
   * tainted instead of forgetting an object that exists.
   */
  created(state: StateInput): void;
}

export interface ReadRequest<Client> extends OperationContext<Client> {
  /** The current state (after UpgradeResourceState). */
  readonly state: KnownObject;
}

export interface UpdateRequest<Client> extends OperationContext<Client> {
  /** As in CreateRequest: defaults applied. */
  readonly config: KnownObject;
  readonly plan: ValueObject;
  readonly prior: KnownObject;
}

export interface DeleteRequest<Client> extends OperationContext<Client> {
  readonly state: KnownObject;
}

export interface ImportRequest<Client> {
  readonly id: string;
  readonly client: Client;
  readonly logger: Logger;
  readonly signal: AbortSignal;
}

export interface ModifyPlanRequest<Client> {
  readonly client: Client | undefined;
  readonly logger: Logger;
  /** Null on destroy. */
  readonly config: ValueObject | null;
  /** Null on create. */
  readonly prior: KnownObject | null;
  /** The framework's plan (null on destroy). */
  readonly plan: ValueObject | null;
  readonly requiresReplace: readonly Path[];
  readonly private: PrivateState;
}

export interface ModifyPlanResult {
  readonly plan?: ValueObject | null;
  /**
   * Replaces the framework's list. Adding paths to an update makes it a replacement; dropping
   * every path of a replacement (all but `id`) makes it an in-place update, planned as the
   * framework plans updates (then `plan` is not used).
   */
  readonly requiresReplace?: readonly Path[];
  /** Warnings to show with the plan: a summary, or a summary with a detail and the path it concerns. */
  readonly warnings?: readonly (string | PlanWarning)[];
}

export interface PlanWarning {
  readonly summary: string;
  readonly detail?: string;
  readonly path?: Path;
}

/** Turns a raw state of one schema version into the next version's raw state. */
export type StateUpgrader = (raw: Record<string, unknown>) => Record<string, unknown>;

export interface ResourceDefinition<Client = unknown> {
  /** e.g. `alicloud_image`. */
  readonly typeName: string;
  /** For messages: `creating ECS Image (m-…): …`. */
  readonly displayName: string;
  readonly schema: BlockSchema;
  /** The schema version stored in state (`schema_version`). Defaults to 0. */
  readonly version?: number;
  /** Declared operation timeouts; adds the SDK's `timeouts` block. */
  readonly timeouts?: TimeoutDefaults;
  /**
   * Returns the new state. Throwing reports an error; if `created()` was called first, that
   * state is returned with the error (terraform taints it).
   */
  create(request: CreateRequest<Client>): Promise<StateInput>;
  /** Returns the refreshed state (attributes left out keep their state value), or null when the remote object is gone. */
  read(request: ReadRequest<Client>): Promise<StateInput | null>;
  /** Omit when every argument is ForceNew (or state-only). */
  update?(request: UpdateRequest<Client>): Promise<StateInput>;
  delete(request: DeleteRequest<Client>): Promise<void>;
  /**
   * `terraform import`: returns the stub state (default: `{ id }`, passthrough). Terraform
   * then calls ReadResource on it. Omit `importState` and set `importable: false` to refuse.
   */
  importState?(request: ImportRequest<Client>): Promise<StateInput>;
  readonly importable?: boolean;
  /** Custom plan logic, after the framework's plan (also called on destroy). */
  modifyPlan?(request: ModifyPlanRequest<Client>): Promise<ModifyPlanResult | void>;
  /** Upgraders keyed by the stored version they read (0 → 1 is `upgradeState[0]`). */
  readonly upgradeState?: Readonly<Record<number, StateUpgrader>>;
}

export interface DataSourceReadRequest<Client> {
  readonly config: KnownObject;
  readonly client: Client;
  readonly logger: Logger;
  readonly signal: AbortSignal;
}

export interface DataSourceDefinition<Client = unknown> {
  readonly typeName: string;
  readonly schema: BlockSchema;
  /** Returns the computed values; arguments the user set are echoed by the framework as configured. */
  read(request: DataSourceReadRequest<Client>): Promise<StateInput>;
}

export interface ConfigureRequest {
  /** Wholly known unless terraform could not resolve it (then configure may be deferred). */
  readonly config: KnownObject;
  readonly terraformVersion: string;
  readonly logger: Logger;
}

export interface ProviderDefinition<Client = unknown> {
  /** e.g. `alicloud`. */
  readonly typeName: string;
  readonly schema: BlockSchema;
  /** Builds the client every resource handler receives. Throw to report a configuration error. */
  configure(request: ConfigureRequest): Promise<Client>;
  readonly resources: readonly ResourceDefinition<Client>[];
  readonly dataSources?: readonly DataSourceDefinition<Client>[];
}

/**
 * One managed resource type at runtime: its compiled schema plus the operations the
 * provider server routes to it (validate, plan, apply, read, import, upgrade). Works on
 * framework values; `provider.ts` does the protobuf and msgpack edges.
 */
import type { Logger } from '../plugin/logger.js';
import type { ResourceDefinition, StateInput } from './definitions.js';
import type { Diagnostic, Path } from './diagnostics.js';
import { Diagnostics } from './diagnostics.js';
import { blockValueType, compileSchema, type CompiledBlock } from './schema.js';
import { validateConfig } from './validate-config.js';
import { planChange, type PlanOutput } from './plan.js';
import { fitToPlan, failureOf, operationSignal } from './apply.js';
import { equalTyped } from './compare.js';
import { importStub } from './import.js';
import { upgradeState } from './upgrade.js';
import { PrivateState } from './private-state.js';
import { resolveTimeouts, type ResolvedTimeouts } from './timeouts.js';
import { shapeObject } from './shape.js';
import type { KnownObject, Value, ValueObject } from './value.js';
import { isObject, unknownsToNull } from './value.js';

export interface RuntimeContext<Client> {
  /** Undefined before ConfigureProvider. */
  readonly client: Client | undefined;
  readonly logger: Logger;
  /** Aborts on StopProvider or when terraform cancels the call. */
  readonly signals: readonly AbortSignal[];
}

export interface PlanResult {
  readonly planned: ValueObject | null;
  readonly requiresReplace: readonly Path[];
  readonly private: PrivateState;
  readonly diagnostics: readonly Diagnostic[];
}

export interface StateResult {
  readonly state: ValueObject | null;
  readonly private: PrivateState;
  readonly diagnostics: readonly Diagnostic[];
  /** Apply only: the state keeps remote-filled values of a configured Optional+Computed block (`apply.ts`). */
  readonly legacyTypeSystem?: boolean;
}

export class ManagedResource<Client> {
  readonly definition: ResourceDefinition<Client>;
  readonly schema: CompiledBlock;

  constructor(definition: ResourceDefinition<Client>) {
    this.definition = definition;
    this.schema = compileSchema(definition.schema, {
      kind: 'resource',
      ...(definition.timeouts === undefined ? {} : { timeouts: definition.timeouts }),
    });
  }

  get typeName(): string {
    return this.definition.typeName;
  }

  validate(config: Value): Diagnostics {
    return validateConfig(this.schema, config);
  }

  async plan(
    input: { prior: ValueObject | null; proposed: ValueObject | null; config: ValueObject | null; priorPrivate: Uint8Array | undefined },
    context: RuntimeContext<Client>,
  ): Promise<PlanResult> {
    const diagnostics = new Diagnostics();
    const privateState = PrivateState.decode(input.priorPrivate);
    const hook = this.definition.modifyPlan?.bind(this.definition);
    const result = await planChange(
      { schema: this.schema, prior: input.prior, proposed: input.proposed, config: input.config },
      hook === undefined
        ? undefined
        : async (plan: PlanOutput) => {
            const modified = await hook({
              client: context.client,
              logger: context.logger,
              config: input.config,
              prior: input.prior as KnownObject | null,
              plan: plan.planned,
              requiresReplace: plan.requiresReplace,
              private: privateState,
            });
            for (const warning of modified?.warnings ?? []) {
              if (typeof warning === 'string') diagnostics.warning(warning);
              else diagnostics.warning(warning.summary, warning.detail, warning.path);
            }
            return {
              planned: modified?.plan === undefined ? plan.planned : modified.plan,
              requiresReplace: modified?.requiresReplace ?? plan.requiresReplace,
            };
          },
    );
    if (context.logger.enabled('debug') && result.changed.length > 0) {
      context.logger.debug('planned changes', {
        tf_resource_type: this.typeName,
        changed: result.changed.join(','),
        requires_replace: result.requiresReplace.map((p) => p.join('.')).join(','),
      });
    }
    return { planned: result.planned, requiresReplace: result.requiresReplace, private: privateState, diagnostics: diagnostics.items };
  }

  async apply(
    input: { prior: ValueObject | null; planned: ValueObject | null; config: ValueObject | null; plannedPrivate: Uint8Array | undefined },
    context: RuntimeContext<Client>,
  ): Promise<StateResult> {
    const privateState = PrivateState.decode(input.plannedPrivate);
    const diagnostics = new Diagnostics();
    const { prior, planned } = input;
    if (planned === null) return this.#delete(prior, privateState, context);
    const timeouts = this.#timeouts(input.config ?? planned, diagnostics);
    if (timeouts === undefined) return { state: prior, private: privateState, diagnostics: diagnostics.items };
    const client = this.#client(context);
    const config = withDefaults(this.schema, (input.config ?? planned) as KnownObject);

    if (prior === null) {
      let partial: StateInput | undefined;
      const { signal, dispose } = operationSignal(context.signals, timeouts.create, 'create');
      try {
        const created = await this.definition.create({
          client,
          logger: context.logger,
          signal,
          timeouts,
          private: privateState,
          config,
          plan: planned,
          created: (state) => {
            partial = state;
          },
        });
        return { ...this.#fit(planned, created, context.logger), private: privateState, diagnostics: diagnostics.items };
      } catch (thrown) {
        diagnostics.fromThrown(failureOf(thrown, signal), this.#failurePrefix('creating', partial));
        // The remote object exists: hand it back with the error so terraform taints it.
        const fitted = partial === undefined ? { state: null } : this.#fit(planned, partial, context.logger);
        return { ...fitted, private: privateState, diagnostics: diagnostics.items };
      } finally {
        dispose();
      }
    }

    // Only the timeouts block changed, or nothing reaches the remote side: no API call.
    const unchanged =
      this.schema.attributes.every((a) => equalTyped(a.type, planned[a.name] ?? null, prior[a.name] ?? null)) &&
      this.schema.blocks.every((b) => b.isTimeouts || equalTyped(blockValueType(b), planned[b.name] ?? null, prior[b.name] ?? null));
    if (unchanged || this.definition.update === undefined) {
      return { ...this.#fit(planned, prior as StateInput, context.logger), private: privateState, diagnostics: diagnostics.items };
    }
    const { signal, dispose } = operationSignal(context.signals, timeouts.update, 'update');
    try {
      const updated = await this.definition.update({
        client,
        logger: context.logger,
        signal,
        timeouts,
        private: privateState,
        config,
        plan: planned,
        prior: prior as KnownObject,
      });
      return { ...this.#fit(planned, updated, context.logger), private: privateState, diagnostics: diagnostics.items };
    } catch (thrown) {
      diagnostics.fromThrown(failureOf(thrown, signal), this.#failurePrefix('updating', prior));
      return { state: prior, private: privateState, diagnostics: diagnostics.items };
    } finally {
      dispose();
    }
  }

  async #delete(prior: ValueObject | null, privateState: PrivateState, context: RuntimeContext<Client>): Promise<StateResult> {
    const diagnostics = new Diagnostics();
    if (prior === null) return { state: null, private: privateState, diagnostics: [] };
    const timeouts = this.#timeouts(prior, diagnostics);
    if (timeouts === undefined) return { state: prior, private: privateState, diagnostics: diagnostics.items };
    const { signal, dispose } = operationSignal(context.signals, timeouts.delete, 'delete');
    try {
      await this.definition.delete({
        client: this.#client(context),
        logger: context.logger,
        signal,
        timeouts,
        private: privateState,
        state: prior as KnownObject,
      });
      return { state: null, private: PrivateState.empty(), diagnostics: [] };
    } catch (thrown) {
      diagnostics.fromThrown(failureOf(thrown, signal), this.#failurePrefix('deleting', prior));
      // The object may still exist: keep it in state.
      return { state: prior, private: privateState, diagnostics: diagnostics.items };
    } finally {
      dispose();
    }
  }

  /**
   * Refresh. Attributes the handler does not return keep their state value (arguments the
   * remote side never reports, e.g. `force`), and `timeouts` is always copied from state.
   */
  async read(input: { state: ValueObject | null; private: Uint8Array | undefined }, context: RuntimeContext<Client>): Promise<StateResult> {
    const privateState = PrivateState.decode(input.private);
    const diagnostics = new Diagnostics();
    const state = input.state;
    if (state === null) return { state: null, private: privateState, diagnostics: [] };
    const timeouts = this.#timeouts(state, diagnostics);
    if (timeouts === undefined) return { state, private: privateState, diagnostics: diagnostics.items };
    const { signal, dispose } = operationSignal(context.signals, timeouts.read, 'read');
    try {
      const read = await this.definition.read({
        client: this.#client(context),
        logger: context.logger,
        signal,
        timeouts,
        private: privateState,
        state: state as KnownObject,
      });
      if (read === null) {
        context.logger.warn(`${this.definition.displayName} (${String(state['id'])}) not found, removing from state`);
        return { state: null, private: privateState, diagnostics: [] };
      }
      const merged = shapeObject(this.schema, { ...state, ...read }, { strict: true });
      const timeoutsBlock = this.schema.blocks.find((b) => b.isTimeouts);
      const refreshed: ValueObject =
        timeoutsBlock === undefined ? merged : { ...merged, [timeoutsBlock.name]: state[timeoutsBlock.name] ?? null };
      return { state: unknownsToNull(refreshed) as ValueObject, private: privateState, diagnostics: [] };
    } catch (thrown) {
      diagnostics.fromThrown(failureOf(thrown, signal), this.#failurePrefix('reading', state));
      return { state, private: privateState, diagnostics: diagnostics.items };
    } finally {
      dispose();
    }
  }

  async import(id: string, context: RuntimeContext<Client>): Promise<ValueObject> {
    const { signal, dispose } = operationSignal(context.signals, 20 * 60_000, 'read');
    try {
      return await importStub(this.definition, this.schema, { id, client: this.#client(context), logger: context.logger, signal });
    } finally {
      dispose();
    }
  }

  upgrade(version: number, rawJson: Uint8Array | undefined, flatmap: Readonly<Record<string, string>> | undefined): ValueObject | null {
    return upgradeState(this.definition as ResourceDefinition<unknown>, this.schema, version, rawJson, flatmap);
  }

  #fit(planned: ValueObject, result: StateInput, logger: Logger): { state: ValueObject; legacyTypeSystem: boolean } {
    const shaped = shapeObject(this.schema, result, { strict: true });
    const fitted = fitToPlan(this.schema, planned, shaped, logger);
    return { state: unknownsToNull(fitted.state) as ValueObject, legacyTypeSystem: fitted.filledBlocks.length > 0 };
  }

  #timeouts(source: ValueObject, diagnostics: Diagnostics): ResolvedTimeouts | undefined {
    const block = this.schema.blocks.find((b) => b.isTimeouts);
    const value = block === undefined ? null : (source[block.name] ?? null);
    try {
      return resolveTimeouts(this.definition.timeouts ?? {}, isObject(value) ? value : null);
    } catch (error) {
      diagnostics.error('Invalid timeout', (error as Error).message, ['timeouts']);
      return undefined;
    }
  }

  #client(context: RuntimeContext<Client>): Client {
    if (context.client === undefined) {
      throw new Error(`provider bug: ${this.typeName} operation before ConfigureProvider`);
    }
    return context.client;
  }

  #failurePrefix(verb: string, state: StateInput | ValueObject | undefined): string {
    const id = state?.['id'];
    return `${verb} ${this.definition.displayName}${typeof id === 'string' && id !== '' ? ` (${id})` : ''}`;
  }
}

/**
 * The apply-time config handlers see: arguments left unset but carrying a `default` read as
 * the default (SDK `d.Get` semantics), so a handler never sends null where the plan said
 * `x86_64`.
 */
function withDefaults(schema: CompiledBlock, config: KnownObject): KnownObject {
  const defaults = schema.attributes.filter((a) => a.default !== undefined && (config[a.name] ?? null) === null);
  return defaults.length === 0 ? config : { ...config, ...Object.fromEntries(defaults.map((a) => [a.name, a.default as string | number | boolean])) };
}

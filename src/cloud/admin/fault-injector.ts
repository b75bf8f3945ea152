/**
 * Applies the fault rules to one RPC request. The pipeline asks right after
 * it knows the product, action, account and region, before the handler reads
 * or writes anything: a matching rule delays the request by its `latencyMs`,
 * then either lets it proceed (latency only) or names the error to answer.
 * The first matching rule that fires wins. A rule with `times` is claimed with
 * one conditional UPDATE, so across replicas it fires exactly `times` times.
 *
 * The rules are kept in memory and read again only when the store's change
 * marker for them moved (migration 009): a rule added or removed through any
 * replica applies to every request that arrives after the change, without a
 * read of the whole table per request. The kept rules' hit counts go stale,
 * which does not matter: the claim's UPDATE decides whether a limited rule
 * still fires.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../store/schema.js';
import { ChangeMarker } from '../store/change-marker.js';
import { FAULT_RULES_MARKER } from '../store/migrations/009-fault-rules-marker.js';
import { listFaultRules, type FaultError, type FaultRule } from './fault-rules.js';

export interface FaultTarget {
  readonly product: string;
  readonly action: string;
  readonly regionId: string;
  readonly accountId: string;
}

/** The answer a fault imposes: ECS envelope fields. */
export interface InjectedError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

export interface FaultInjector {
  /** Waits out any injected latency; returns the error to answer with, or undefined to proceed. */
  check(target: FaultTarget): Promise<InjectedError | undefined>;
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  return (
    (rule.product === undefined || rule.product === target.product) &&
    (rule.action === undefined || rule.action === target.action) &&
    (rule.regionId === undefined || rule.regionId === target.regionId) &&
    (rule.accountId === undefined || rule.accountId === target.accountId)
  );
}

interface KeptRules {
  readonly version: number;
  readonly rules: readonly FaultRule[];
}

export class StoreFaultInjector implements FaultInjector {
  readonly #db: Kysely<Database>;
  readonly #random: () => number;
  readonly #marker: ChangeMarker;
  #kept: KeptRules | undefined;

  constructor(db: Kysely<Database>, random: () => number = Math.random) {
    this.#db = db;
    this.#random = random;
    this.#marker = new ChangeMarker(db, FAULT_RULES_MARKER);
  }

  async check(target: FaultTarget): Promise<InjectedError | undefined> {
    for (const rule of await this.#rules()) {
      if (!matches(rule, target)) continue;
      if (rule.probability < 1 && this.#random() >= rule.probability) continue;
      if (!(await this.#claim(rule))) continue;
      if (rule.latencyMs !== undefined && rule.latencyMs > 0) await sleep(rule.latencyMs);
      return rule.error === undefined ? undefined : injected(rule.error);
    }
    return undefined;
  }

  /** The rules as the store has them after this call began. */
  async #rules(): Promise<readonly FaultRule[]> {
    // The marker is read before the rules: a change in between is read now and seen again as a new version next time.
    const version = await this.#marker.version();
    if (this.#kept?.version === version) return this.#kept.rules;
    const rules = await listFaultRules(this.#db);
    this.#kept = { version, rules };
    return rules;
  }

  /** Counts the hit; false when a limited rule was used up meanwhile (by this or another replica). */
  async #claim(rule: FaultRule): Promise<boolean> {
    const limited = rule.remaining !== undefined;
    const update = this.#db
      .updateTable('fault_rules')
      .set(
        limited
          ? { hits: sql<number>`hits + 1`, remaining: sql<number>`remaining - 1` }
          : { hits: sql<number>`hits + 1` },
      )
      .where('id', '=', rule.id);
    const result = await (limited ? update.where('remaining', '>', 0) : update).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    // A rule used up retires at once.
    if (limited) await this.#db.deleteFrom('fault_rules').where('id', '=', rule.id).where('remaining', '<=', 0).execute();
    return true;
  }
}

function injected(error: FaultError): InjectedError {
  return { code: error.code, status: error.httpStatus, message: error.message };
}

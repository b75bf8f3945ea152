/**
 * Fault rules: what `POST /_ecs-image/faults` accepts, and where they live.
 * They are rows of the store (not process memory), so every replica sharing a
 * PostgreSQL applies the same rules, and a rule with `times` retires after
 * exactly that many hits however the requests are spread.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { EcsError, isKnownErrorCode } from '../api/errors.js';
import type { Database } from '../store/schema.js';
import { AdminError } from './admin-error.js';

export const FAULT_PRODUCTS = ['Ecs', 'Vpc', 'ResourceManager'] as const;

export interface FaultError {
  readonly code: string;
  readonly httpStatus: number;
  readonly message: string;
}

/** A validated rule as stored; absent filters match everything. */
export interface FaultRuleSpec {
  readonly product?: string;
  readonly action?: string;
  readonly regionId?: string;
  readonly accountId?: string;
  readonly probability: number;
  readonly times?: number;
  readonly latencyMs?: number;
  readonly error?: FaultError;
}

export interface FaultRule extends FaultRuleSpec {
  readonly id: string;
  /** How often it has fired. */
  readonly hits: number;
  /** Hits left before it retires (rules with `times` only). */
  readonly remaining?: number;
}

const MAX_LATENCY_MS = 5 * 60_000;
const RULE_FIELDS = ['product', 'action', 'regionId', 'accountId', 'probability', 'times', 'latencyMs', 'error'];
const ERROR_FIELDS = ['code', 'httpStatus', 'message'];

function objectOf(value: unknown, what: string, fields: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw AdminError.invalid(`${what} must be a JSON object`);
  const unknown = Object.keys(value).find((field) => !fields.includes(field));
  if (unknown !== undefined) throw AdminError.invalid(`${unknown} is not a field of ${what} (${fields.join(', ')})`);
  return value as Record<string, unknown>;
}

function optionalText(body: Record<string, unknown>, field: string, pattern: RegExp): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) throw AdminError.invalid(`${field} must be a string matching ${pattern.source}`);
  return value;
}

function optionalInteger(body: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw AdminError.invalid(`${field} must be an integer from ${min} to ${max}`);
  }
  return value as number;
}

function parseError(value: unknown): FaultError {
  const body = objectOf(value, 'error', ERROR_FIELDS);
  const code = optionalText(body, 'code', /^[A-Za-z][A-Za-z0-9._-]{0,127}$/);
  if (code === undefined) throw AdminError.invalid('error.code is required (e.g. "Throttling.User")');
  // A code of the cloud's catalogue brings its own status and message; others default to 400.
  const known = isKnownErrorCode(code) ? new EcsError(code) : undefined;
  const status = optionalInteger(body, 'httpStatus', 400, 599);
  const message = body['message'];
  if (message !== undefined && typeof message !== 'string') throw AdminError.invalid('error.message must be a string');
  return {
    code,
    httpStatus: status ?? known?.status ?? 400,
    message: message ?? known?.message ?? `The request failed with ${code} (a fault injected into the local cloud).`,
  };
}

/** Validates a rule from the API; a 400 names the first bad field. */
export function parseFaultRule(value: unknown): FaultRuleSpec {
  const body = objectOf(value, 'a fault rule', RULE_FIELDS);
  const product = body['product'];
  if (product !== undefined && !FAULT_PRODUCTS.includes(product as (typeof FAULT_PRODUCTS)[number])) {
    throw AdminError.invalid(`product must be one of ${FAULT_PRODUCTS.join(', ')}`);
  }
  const probability = body['probability'] ?? 1;
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
    throw AdminError.invalid('probability must be a number from 0 to 1');
  }
  const rule: FaultRuleSpec = {
    ...(product !== undefined ? { product: product as string } : {}),
    ...defined('action', optionalText(body, 'action', /^[A-Za-z][A-Za-z0-9]{0,127}$/)),
    ...defined('regionId', optionalText(body, 'regionId', /^[a-z0-9-]{1,64}$/)),
    ...defined('accountId', optionalText(body, 'accountId', /^[0-9A-Za-z_-]{1,64}$/)),
    probability,
    ...defined('times', optionalInteger(body, 'times', 1, 1_000_000)),
    ...defined('latencyMs', optionalInteger(body, 'latencyMs', 0, MAX_LATENCY_MS)),
    ...(body['error'] !== undefined ? { error: parseError(body['error']) } : {}),
  };
  if (rule.error === undefined && rule.latencyMs === undefined) throw AdminError.invalid('a fault rule needs error, latencyMs or both');
  return rule;
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

type FaultRuleRow = Database['fault_rules'];

export function ruleOf(row: FaultRuleRow): FaultRule {
  const spec = JSON.parse(row.rule) as FaultRuleSpec;
  const remaining = Number(row.remaining);
  return { id: row.id, ...spec, hits: Number(row.hits), ...(remaining >= 0 ? { remaining } : {}) };
}

export async function addFaultRule(db: Kysely<Database>, spec: FaultRuleSpec, now: number): Promise<FaultRule> {
  const row: FaultRuleRow = {
    id: `fault-${randomBytes(6).toString('hex')}`,
    rule: JSON.stringify(spec),
    remaining: spec.times ?? -1,
    hits: 0,
    created_at: now,
  };
  await db.insertInto('fault_rules').values(row).execute();
  return ruleOf(row);
}

/** Every rule, in the order they are tried (oldest first). */
export async function listFaultRules(db: Kysely<Database>): Promise<FaultRule[]> {
  const rows = await db.selectFrom('fault_rules').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(ruleOf);
}

/** Removes one rule (by id) or all; returns how many went. */
export async function deleteFaultRules(db: Kysely<Database>, id?: string): Promise<number> {
  const query = db.deleteFrom('fault_rules');
  const result = await (id === undefined ? query : query.where('id', '=', id)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The contract between the RPC endpoint (`cloud/http`) and the API areas
 * (`cloud/api/*`). Each area exports an `ActionTable` per product version;
 * the endpoint resolves the account, opens a transaction (unless the action is
 * read-only), calls the handler and renders what it returns as the JSON body
 * (adding `RequestId`). Handlers throw `EcsError` for every failure.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Params } from './params.js';

export interface Account {
  readonly id: string;
  readonly name: string;
}

export interface ActionContext {
  readonly requestId: string;
  readonly action: string;
  readonly account: Account;
  /** `RegionId` from the request, or the cloud's default region. Validated by the endpoint. */
  readonly regionId: string;
  readonly params: Params;
  /**
   * The Apsara Stack resource set (a resource group id) an Apsara request is confined to
   * (`apsara/tenant.ts`); absent for a public-ECS request. It confines the account's own
   * resources only: what the account does not own stays visible.
   */
  readonly resourceSet?: string;
  /** The request's transaction (or the plain connection for read-only actions). */
  readonly db: Kysely<Database>;
  /** The cloud's clock; tests may shift it. */
  readonly now: () => number;
  readonly settings: CloudSettings;
}

/** Settings an operator can change: flags at start, then `PATCH /_ecs-image/settings` (admin/live-settings.ts). */
export interface CloudSettings {
  readonly defaultRegionId: string;
  /** How long CreateImage takes from Creating to Available. */
  readonly imageCreationMs: number;
  /** How long CreateSnapshot takes from progressing to accomplished. */
  readonly snapshotCreationMs: number;
  /** How long an instance stays in Pending/Starting/Stopping before it settles. */
  readonly instanceTransitionMs: number;
  /** Custom images an account may own per region. */
  readonly imageQuota: number;
}

export type ActionResult = Record<string, unknown>;

export interface ActionDefinition {
  readonly handler: (ctx: ActionContext) => Promise<ActionResult>;
  /** Read-only actions run without a write transaction. */
  readonly readOnly?: boolean;
  /**
   * The API reference marks `RegionId` required: without it the endpoint answers
   * `MissingParameter` (otherwise a missing `RegionId` means the cloud's default region).
   */
  readonly regionIdRequired?: boolean;
}

/** Action name (case-sensitive, as ECS spells it) → definition. */
export type ActionTable = Readonly<Record<string, ActionDefinition>>;

export const ECS_VERSION = '2014-05-26';
export const VPC_VERSION = '2016-04-28';
export const RESOURCE_MANAGER_VERSION = '2020-03-31';

/**
 * AttachKeyPair and DetachKeyPair (ecs-api-more.md §2.5–§2.6). Request-level
 * problems (the key pair, the id list) fail the call; each instance then
 * succeeds or fails on its own in `Results.Result[]`, with the counts and
 * flags as strings, as ECS answers them. An instance holds one key pair:
 * attaching replaces it, and DescribeInstances shows the change at once.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError, type ErrorCode } from '../errors.js';
import { requireKeyPair } from './key-pair-lookup.js';

const MAX_INSTANCE_IDS = 50;

/** A JSON-array-string parameter of 1–`max` names, or `code`. */
export function jsonNames(ctx: ActionContext, name: string, max: number, code: ErrorCode): string[] {
  let names: string[] | undefined;
  try {
    names = ctx.params.jsonArray(name);
  } catch {
    names = undefined;
  }
  if (names === undefined || names.length === 0 || names.length > max) throw new EcsError(code);
  return names;
}

interface InstanceOutcome {
  readonly InstanceId: string;
  readonly Code: string;
  readonly Message: string;
  readonly Success: string;
}

function succeeded(instanceId: string): InstanceOutcome {
  return { InstanceId: instanceId, Code: '200', Message: 'successful', Success: 'true' };
}

function failed(instanceId: string, error: EcsError): InstanceOutcome {
  return { InstanceId: instanceId, Code: error.code, Message: error.message, Success: 'false' };
}

/**
 * Applies `bind` (the new `key_pair_name`, or undefined to leave an instance
 * as it is) to each of the caller's instances the request names.
 */
async function bindInstances(ctx: ActionContext, bind: (current: string) => string | undefined): Promise<ActionResult> {
  ctx.params.requiredString('InstanceIds');
  const instanceIds = jsonNames(ctx, 'InstanceIds', MAX_INSTANCE_IDS, 'InvalidInstanceIds.ValueNotSupported');
  const keyPair = await requireKeyPair(ctx, ctx.params.requiredString('KeyPairName'));
  const rows = await ctx.db
    .selectFrom('instances')
    .select(['id', 'os_type', 'key_pair_name'])
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .where('id', 'in', instanceIds)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results: InstanceOutcome[] = [];
  for (const instanceId of instanceIds) {
    const row = byId.get(instanceId);
    if (row === undefined) {
      results.push(failed(instanceId, new EcsError('InvalidInstanceId.NotFound')));
    } else if (row.os_type.toLowerCase() === 'windows') {
      results.push(failed(instanceId, new EcsError('DependencyViolation.WindowsInstance')));
    } else {
      const next = bind(row.key_pair_name);
      if (next !== undefined) await ctx.db.updateTable('instances').set({ key_pair_name: next }).where('id', '=', row.id).execute();
      results.push(succeeded(instanceId));
    }
  }
  return {
    KeyPairName: keyPair.key_pair_name,
    TotalCount: String(instanceIds.length),
    FailCount: String(results.filter((result) => result.Success === 'false').length),
    Results: { Result: results },
  };
}

export function attachKeyPair(ctx: ActionContext): Promise<ActionResult> {
  const name = ctx.params.string('KeyPairName');
  return bindInstances(ctx, () => name);
}

/** An instance holding another key pair (or none) keeps it; undocumented, and Packer's cleanup must not fail on it. */
export function detachKeyPair(ctx: ActionContext): Promise<ActionResult> {
  const name = ctx.params.string('KeyPairName');
  return bindInstances(ctx, (current) => (current === name ? '' : undefined));
}

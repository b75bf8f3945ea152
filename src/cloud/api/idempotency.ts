/**
 * `ClientToken` idempotency for Create* actions. The first request with a
 * token reserves the (account, action, token) row inside the request's
 * transaction — the primary key, not memory, decides, so several processes on
 * one PostgreSQL agree — and stores the answer; a retry with the same
 * parameters gets that answer again, with different ones
 * `IdempotentParameterMismatch`. A failed request rolls back its reservation.
 */
import { createHash } from 'node:crypto';
import { EcsError } from './errors.js';
import type { ActionContext, ActionResult } from './action.js';

/** ECS: a token is ASCII only, at most 64 characters; checked here for every action that takes one. */
const MAX_TOKEN_LENGTH = 64;

export async function withClientToken<T extends ActionResult>(
  ctx: ActionContext,
  action: string,
  create: () => Promise<T>,
): Promise<T> {
  const token = ctx.params.string('ClientToken');
  if (token === undefined) return create();
  if (token.length > MAX_TOKEN_LENGTH || !/^[\x20-\x7e]+$/.test(token)) throw EcsError.invalidParameter('ClientToken');
  const paramsHash = hashParams(ctx);
  const reserved = await ctx.db
    .insertInto('idempotency')
    .values({
      account_id: ctx.account.id,
      action,
      client_token: token,
      params_hash: paramsHash,
      response: '',
      created_at: ctx.now(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'action', 'client_token']).doNothing())
    .executeTakeFirst();
  if (Number(reserved.numInsertedOrUpdatedRows ?? 0n) === 0) {
    const previous = await ctx.db
      .selectFrom('idempotency')
      .select(['params_hash', 'response'])
      .where('account_id', '=', ctx.account.id)
      .where('action', '=', action)
      .where('client_token', '=', token)
      .executeTakeFirstOrThrow();
    if (previous.params_hash !== paramsHash) throw new EcsError('IdempotentParameterMismatch');
    return JSON.parse(previous.response) as T;
  }
  const result = await create();
  await ctx.db
    .updateTable('idempotency')
    .set({ response: JSON.stringify(result) })
    .where('account_id', '=', ctx.account.id)
    .where('action', '=', action)
    .where('client_token', '=', token)
    .execute();
  return result;
}

/** Every action parameter but the token itself, in a stable order, plus the region. */
function hashParams(ctx: ActionContext): string {
  const entries = [...ctx.params.entries()]
    .filter(([key]) => key !== 'ClientToken')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([ctx.regionId, entries])).digest('hex');
}

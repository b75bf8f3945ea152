/**
 * Key pairs by name, the handle every ECS action uses: unique per account
 * and region. RunInstances / CreateInstance check the name they are given here.
 */
import type { Selectable } from 'kysely';
import type { ActionContext } from '../action.js';
import { EcsError } from '../errors.js';
import type { KeyPairTable } from '../../store/schema.js';

export type KeyPairRow = Selectable<KeyPairTable>;

export function findKeyPair(ctx: ActionContext, name: string): Promise<KeyPairRow | undefined> {
  return ctx.db
    .selectFrom('key_pairs')
    .selectAll()
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .where('key_pair_name', '=', name)
    .executeTakeFirst();
}

/** The key pair, or `InvalidKeyPairName.NotFound`. */
export async function requireKeyPair(ctx: ActionContext, name: string): Promise<KeyPairRow> {
  const row = await findKeyPair(ctx, name);
  if (row === undefined) throw new EcsError('InvalidKeyPairName.NotFound');
  return row;
}

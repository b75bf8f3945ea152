/**
 * Resource groups: every account owns a default group and a second one, and
 * every resource lands in one of them. `resolveResourceGroupId` is how the
 * other areas turn a request's `ResourceGroupId` into a group of the caller.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ActionContext } from '../action.js';
import { EcsError } from '../errors.js';
import type { Database, ResourceGroupTable } from '../../store/schema.js';

export type ResourceGroupRow = Selectable<ResourceGroupTable>;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `rg-acfm` + 11 characters: 18 in all, the length ListResourceGroups documents. */
export function newResourceGroupId(): string {
  let tail = '';
  for (const byte of randomBytes(11)) tail += ALPHABET[byte % ALPHABET.length];
  return `rg-acfm${tail}`;
}

/** The groups a new account starts with: `default` (the default group) and `dev`. */
export async function createInitialResourceGroups(db: Kysely<Database>, accountId: string, now: number): Promise<void> {
  await db
    .insertInto('resource_groups')
    .values([
      {
        id: newResourceGroupId(),
        account_id: accountId,
        name: 'default',
        display_name: 'default resource group',
        status: 'OK',
        is_default: 1,
        created_at: now,
      },
      {
        id: newResourceGroupId(),
        account_id: accountId,
        name: 'dev',
        display_name: 'dev',
        status: 'OK',
        is_default: 0,
        created_at: now,
      },
    ])
    .execute();
}

export async function findResourceGroup(
  db: Kysely<Database>,
  accountId: string,
  id: string,
): Promise<ResourceGroupRow | undefined> {
  return db
    .selectFrom('resource_groups')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function findDefaultResourceGroup(
  db: Kysely<Database>,
  accountId: string,
): Promise<ResourceGroupRow | undefined> {
  return db
    .selectFrom('resource_groups')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
}

/**
 * The caller's resource group for a new resource: `given` when it is one of the
 * caller's groups, the account's default group when `given` is absent or empty,
 * `InvalidResourceGroup.NotFound` otherwise (another account's group included).
 */
export async function resolveResourceGroupId(ctx: ActionContext, given?: string): Promise<string> {
  if (given === undefined || given === '') {
    const group = await findDefaultResourceGroup(ctx.db, ctx.account.id);
    if (group === undefined) throw new Error(`cloud bug: account ${ctx.account.id} has no default resource group`);
    return group.id;
  }
  const group = await findResourceGroup(ctx.db, ctx.account.id, given);
  if (group === undefined) throw new EcsError('InvalidResourceGroup.NotFound');
  return group.id;
}

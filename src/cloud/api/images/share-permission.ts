/**
 * ModifyImageSharePermission / DescribeImageSharePermission: the accounts a
 * custom image is shared with (they then see it as `others`) and whether it
 * is published as a community image (`ShareGroups` = `all`).
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { endDryRun } from './image-attributes.js';
import { findOwnImage } from './image-lookup.js';

const MAX_ACCOUNTS_PER_CALL = 10;
/** Accounts one image may be shared with. */
export const MAX_SHARE_ACCOUNTS = 50;

const isoSeconds = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 19) + 'Z';

function readAccounts(ctx: ActionContext, name: string): string[] {
  const accounts = [...new Set(ctx.params.list(name).map((id) => id.trim()).filter((id) => id !== ''))];
  if (accounts.length > MAX_ACCOUNTS_PER_CALL) throw EcsError.invalidParameter(`${name}.N`);
  return accounts;
}

async function checkAccountsExist(ctx: ActionContext, accounts: readonly string[]): Promise<void> {
  if (accounts.length === 0) return;
  if (accounts.includes(ctx.account.id)) throw new EcsError('InvalidAccount.Forbbiden');
  const found = await ctx.db.selectFrom('accounts').select('id').where('id', 'in', [...accounts]).execute();
  if (found.length !== accounts.length) throw new EcsError('InvalidAccount.NotFound');
}

export async function modifyImageSharePermission(ctx: ActionContext): Promise<ActionResult> {
  const imageId = ctx.params.requiredString('ImageId');
  const add = readAccounts(ctx, 'AddAccount');
  const remove = readAccounts(ctx, 'RemoveAccount');
  const isPublic = ctx.params.boolean('IsPublic');
  const image = await findOwnImage(ctx, imageId);
  await checkAccountsExist(ctx, add);
  await checkAccountsExist(ctx, remove);

  const existing = await ctx.db.selectFrom('image_shares').select('account_id').where('image_id', '=', image.id).execute();
  const after = new Set(existing.map((row) => row.account_id));
  for (const account of add) after.add(account);
  for (const account of remove) after.delete(account);
  if (after.size > MAX_SHARE_ACCOUNTS) throw new EcsError('QuotaExceed.ShareImageUser');
  endDryRun(ctx.params);

  const now = ctx.now();
  const already = new Set(existing.map((row) => row.account_id));
  const fresh = add.filter((account) => !already.has(account) && !remove.includes(account));
  if (fresh.length > 0) {
    await ctx.db
      .insertInto('image_shares')
      .values(fresh.map((account) => ({ image_id: image.id, account_id: account, created_at: now })))
      .execute();
  }
  if (remove.length > 0) {
    await ctx.db.deleteFrom('image_shares').where('image_id', '=', image.id).where('account_id', 'in', remove).execute();
  }
  if (isPublic !== undefined) {
    await ctx.db
      .updateTable('images')
      .set({ is_public: isPublic ? 1 : 0 })
      .where('id', '=', image.id)
      .where('region_id', '=', image.region_id)
      .execute();
  }
  return {};
}

export async function describeImageSharePermission(ctx: ActionContext): Promise<ActionResult> {
  const imageId = ctx.params.requiredString('ImageId');
  const pageNumber = ctx.params.integer('PageNumber', { min: 1 }) ?? 1;
  const pageSize = ctx.params.integer('PageSize', { min: 1, max: 100 }) ?? 10;
  const image = await findOwnImage(ctx, imageId);
  const base = ctx.db.selectFrom('image_shares').where('image_id', '=', image.id);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string | bigint>().as('count')).executeTakeFirstOrThrow(),
    base
      .select(['account_id', 'created_at'])
      .orderBy('created_at')
      .orderBy('account_id')
      .limit(pageSize)
      .offset((pageNumber - 1) * pageSize)
      .execute(),
  ]);
  return {
    Accounts: { Account: rows.map((row) => ({ AliyunId: row.account_id, SharedTime: isoSeconds(Number(row.created_at)) })) },
    ImageId: image.id,
    PageNumber: pageNumber,
    PageSize: pageSize,
    RegionId: ctx.regionId,
    ShareGroups: { ShareGroup: image.is_public === 1 ? [{ Group: 'all' }] : [] },
    TotalCount: Number(count.count),
  };
}

/**
 * `POST /_ecs-image/state/reset`: every resource of every user account (or of
 * one) goes, in one transaction — images with their disk mappings and shares,
 * snapshots, disks, instances, VPCs, vSwitches, security groups and their
 * rules, key pairs, tags, jobs
 * and ClientTokens. Accounts, their AccessKeys and resource groups stay, as do
 * the public images, so the same credentials work right after.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { lockUserAccounts } from './account-locks.js';
import { AdminError } from './admin-error.js';

export type ResetCounts = Record<string, number>;

/** Tables whose rows carry `account_id`, by the name the answer counts them under. */
const OWNED_TABLES = {
  images: 'images',
  snapshots: 'snapshots',
  disks: 'disks',
  instances: 'instances',
  vpcs: 'vpcs',
  vSwitches: 'vswitches',
  securityGroupRules: 'security_group_rules',
  securityGroups: 'security_groups',
  keyPairs: 'key_pairs',
  tags: 'tags',
  jobs: 'jobs',
  clientTokens: 'idempotency',
} as const satisfies Record<string, keyof Database>;

export async function resetState(db: Kysely<Database>, accountId?: string): Promise<ResetCounts> {
  return db.transaction().execute(async (trx) => {
    const accounts = await lockUserAccounts(trx, accountId);
    if (accountId !== undefined && accounts.length === 0) {
      throw new AdminError(404, 'InvalidAccountId.NotFound', `no account ${accountId} in this cloud`);
    }
    const counts: ResetCounts = {};
    if (accounts.length === 0) return counts;
    const images = trx.selectFrom('images').select('id').where('account_id', 'in', accounts);
    const instances = trx.selectFrom('instances').select('id').where('account_id', 'in', accounts);
    // Rows that hang off an image or an instance go first, while their parents can still be found.
    counts.imageShares = Number(
      (await trx.deleteFrom('image_shares').where('image_id', 'in', images).executeTakeFirst()).numDeletedRows,
    );
    await trx.deleteFrom('image_disks').where('image_id', 'in', images).execute();
    await trx.deleteFrom('instance_security_groups').where('instance_id', 'in', instances).execute();
    for (const [kind, table] of Object.entries(OWNED_TABLES)) {
      const result = await trx.deleteFrom(table).where('account_id', 'in', accounts).executeTakeFirst();
      counts[kind] = Number(result.numDeletedRows);
    }
    return counts;
  });
}

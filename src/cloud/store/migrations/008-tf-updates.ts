/**
 * What the registry provider's in-place updates need stored: a VPC's secondary
 * IPv4 CIDR blocks (AssociateVpcCidrBlock; comma-separated, '' for none) and a
 * disk's own charge type (ModifyDiskChargeType, ModifyInstanceChargeType's
 * IncludeDataDisks), which until now every disk reported as PostPaid.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vpcs').addColumn('secondary_cidr_blocks', 'text', (column) => column.notNull().defaultTo('')).execute();
  await db.schema.alterTable('disks').addColumn('disk_charge_type', 'text', (column) => column.notNull().defaultTo('PostPaid')).execute();
}

export const tfUpdatesMigration: StoreMigration = { name: '008-tf-updates', up };

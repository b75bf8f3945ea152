/**
 * What the instance reads older tools make need from an instance row: its
 * user data as sent (DescribeUserData returns the base64 text unchanged) and
 * its RAM role (DescribeInstanceRamRole). Existing instances have neither.
 * And a security group's ModifySecurityGroupPolicy choice ('' keeps the
 * default of its type), and the name, description and route propagation
 * ModifyRouteTableAttributes gives a VPC's system route table.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('instances').addColumn('user_data', 'text', (column) => column.notNull().defaultTo('')).execute();
  await db.schema.alterTable('security_groups').addColumn('inner_access_policy', 'text', (column) => column.notNull().defaultTo('')).execute();
  await db.schema.alterTable('vpcs').addColumn('route_table_name', 'text', (column) => column.notNull().defaultTo('')).execute();
  await db.schema.alterTable('vpcs').addColumn('route_table_description', 'text', (column) => column.notNull().defaultTo('')).execute();
  await db.schema.alterTable('vpcs').addColumn('route_propagation_enable', 'integer', (column) => column.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('instances').addColumn('ram_role_name', 'text', (column) => column.notNull().defaultTo('')).execute();
}

export const legacyInstanceReadsMigration: StoreMigration = { name: '007-legacy-instance-reads', up };

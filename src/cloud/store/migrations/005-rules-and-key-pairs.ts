/**
 * Security-group rules (one row per rule, either direction) and SSH key
 * pairs. Instances already carry `key_pair_name` (001). A rule keeps both
 * sides' peer fields because quintuple rules set a CIDR on the far side too;
 * a key pair keeps only its public half: the private key is answered once.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

const RULE_TEXT_COLUMNS = [
  'direction', 'ip_protocol', 'port_range', 'source_port_range', 'nic_type', 'policy',
  'source_cidr_ip', 'ipv6_source_cidr_ip', 'source_group_id', 'source_group_owner_account', 'source_prefix_list_id',
  'dest_cidr_ip', 'ipv6_dest_cidr_ip', 'dest_group_id', 'dest_group_owner_account', 'dest_prefix_list_id',
  'description',
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>): Promise<void> {
  let rules = db.schema
    .createTable('security_group_rules')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('security_group_id', 'text', (c) => c.notNull());
  for (const column of RULE_TEXT_COLUMNS) rules = rules.addColumn(column, 'text', (c) => c.notNull().defaultTo(''));
  await rules
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('creation_time', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('security_group_rules_group').on('security_group_rules').column('security_group_id').execute();
  await db.schema.createIndex('security_group_rules_source_group').on('security_group_rules').column('source_group_id').execute();
  await db.schema.createIndex('security_group_rules_dest_group').on('security_group_rules').column('dest_group_id').execute();

  await db.schema
    .createTable('key_pairs')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('key_pair_name', 'text', (c) => c.notNull())
    .addColumn('finger_print', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('resource_group_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('creation_time', 'bigint', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('key_pairs_name_unique', ['account_id', 'region_id', 'key_pair_name'])
    .execute();
  await db.schema.createIndex('instances_key_pair').on('instances').columns(['account_id', 'region_id', 'key_pair_name']).execute();
}

export const rulesAndKeyPairsMigration: StoreMigration = { name: '005-rules-and-key-pairs', up };

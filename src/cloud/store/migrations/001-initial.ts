/**
 * Every table of `schema.ts`. Only portable column types (text, integer,
 * bigint for epoch milliseconds); the unique keys enforce the invariants the
 * cloud relies on across processes (idempotency, nonces, one value per tag key).
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';
import type { StoreMigration } from './index.js';

type Table = CreateTableBuilder<string, string>;

const text = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'text', (c) => c.notNull().defaultTo('')), table);
const int = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0)), table);
const time = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0)), table);
const nullableTime = (table: Table, ...names: string[]): Table =>
  names.reduce((t, name) => t.addColumn(name, 'bigint'), table);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  const schema = db.schema;
  const create = async (name: string, build: (table: Table) => Table): Promise<void> => {
    await build(schema.createTable(name) as unknown as Table).execute();
  };
  const index = async (table: string, name: string, columns: string[], unique = false): Promise<void> => {
    const builder = schema.createIndex(name).on(table).columns(columns);
    await (unique ? builder.unique() : builder).execute();
  };

  await create('accounts', (t) => time(text(t, 'id', 'name'), 'created_at').addPrimaryKeyConstraint('accounts_pk', ['id']));
  await create('access_keys', (t) =>
    time(text(t, 'access_key_id', 'access_key_secret', 'account_id'), 'created_at').addPrimaryKeyConstraint(
      'access_keys_pk',
      ['access_key_id'],
    ),
  );
  await index('access_keys', 'access_keys_account', ['account_id']);

  await create('nonces', (t) =>
    time(text(t, 'access_key_id', 'nonce'), 'expires_at').addPrimaryKeyConstraint('nonces_pk', ['access_key_id', 'nonce']),
  );
  await index('nonces', 'nonces_expiry', ['expires_at']);

  await create('idempotency', (t) =>
    time(text(t, 'account_id', 'action', 'client_token', 'params_hash', 'response'), 'created_at').addPrimaryKeyConstraint(
      'idempotency_pk',
      ['account_id', 'action', 'client_token'],
    ),
  );

  await create('resource_groups', (t) =>
    time(int(text(t, 'id', 'account_id', 'name', 'display_name', 'status'), 'is_default'), 'created_at').addPrimaryKeyConstraint(
      'resource_groups_pk',
      ['id'],
    ),
  );
  await index('resource_groups', 'resource_groups_account_name', ['account_id', 'name'], true);

  // Public images keep one id in every region, so the key is (id, region_id).
  await create('images', (t) =>
    nullableTime(
      time(
        int(
          text(
            t,
            'id', 'account_id', 'region_id', 'image_name', 'description', 'image_family', 'image_version',
            'image_owner_alias', 'architecture', 'platform', 'os_type', 'os_name', 'os_name_en', 'boot_mode',
            'status', 'source_instance_id', 'source_snapshot_id', 'license_type', 'detection_strategy',
            'nvme_support', 'imds_support', 'resource_group_id', 'failure_code', 'failure_message',
          ),
          'size', 'progress', 'usable', 'is_public',
        ),
        'creation_time',
      ),
      'available_at',
    ).addPrimaryKeyConstraint('images_pk', ['id', 'region_id']),
  );
  await index('images', 'images_account_region_status', ['account_id', 'region_id', 'status']);
  await index('images', 'images_region_id', ['region_id', 'id']);
  await index('images', 'images_account_name', ['account_id', 'region_id', 'image_name']);
  await index('images', 'images_source_snapshot', ['source_snapshot_id']);

  await create('image_disks', (t) =>
    int(
      text(t, 'image_id', 'device', 'disk_type', 'snapshot_id', 'format', 'import_oss_bucket', 'import_oss_object', 'progress'),
      'position', 'size', 'remain_time',
    ).addPrimaryKeyConstraint('image_disks_pk', ['image_id', 'position']),
  );
  await index('image_disks', 'image_disks_snapshot', ['snapshot_id']);

  await create('image_shares', (t) =>
    time(text(t, 'image_id', 'account_id'), 'created_at').addPrimaryKeyConstraint('image_shares_pk', ['image_id', 'account_id']),
  );
  await index('image_shares', 'image_shares_account', ['account_id']);

  await create('instances', (t) =>
    time(
      int(
        text(
          t,
          'id', 'account_id', 'region_id', 'zone_id', 'instance_name', 'description', 'host_name', 'instance_type',
          'image_id', 'os_type', 'os_name', 'vpc_id', 'vswitch_id', 'private_ip', 'status', 'internet_charge_type',
          'instance_charge_type', 'key_pair_name', 'resource_group_id',
        ),
        'cpu', 'memory', 'internet_max_bandwidth_out', 'deletion_protection',
      ),
      'creation_time', 'status_changed_at',
    ).addPrimaryKeyConstraint('instances_pk', ['id']),
  );
  await index('instances', 'instances_account_region', ['account_id', 'region_id']);
  await index('instances', 'instances_image', ['image_id']);
  await index('instances', 'instances_vswitch', ['vswitch_id']);

  await create('instance_security_groups', (t) =>
    text(t, 'instance_id', 'security_group_id').addPrimaryKeyConstraint('instance_security_groups_pk', [
      'instance_id',
      'security_group_id',
    ]),
  );
  await index('instance_security_groups', 'instance_security_groups_group', ['security_group_id']);

  await create('disks', (t) =>
    nullableTime(
      time(
        int(
          text(
            t,
            'id', 'account_id', 'region_id', 'zone_id', 'disk_name', 'description', 'category', 'performance_level',
            'type', 'status', 'instance_id', 'device', 'image_id', 'source_snapshot_id', 'resource_group_id',
          ),
          'size', 'delete_with_instance', 'delete_auto_snapshot', 'encrypted',
        ),
        'creation_time',
      ),
      'attached_time', 'detached_time',
    ).addPrimaryKeyConstraint('disks_pk', ['id']),
  );
  await index('disks', 'disks_account_region', ['account_id', 'region_id']);
  await index('disks', 'disks_instance', ['instance_id']);

  await create('snapshots', (t) =>
    nullableTime(
      time(
        int(
          text(
            t,
            'id', 'account_id', 'region_id', 'snapshot_name', 'description', 'source_disk_id', 'source_disk_type',
            'source_disk_category', 'status', 'category', 'created_for_image_id', 'resource_group_id',
          ),
          'source_disk_size', 'progress', 'retention_days',
        ),
        'creation_time',
      ),
      'available_at',
    ).addPrimaryKeyConstraint('snapshots_pk', ['id']),
  );
  await index('snapshots', 'snapshots_account_region', ['account_id', 'region_id']);
  await index('snapshots', 'snapshots_source_disk', ['source_disk_id']);

  await create('security_groups', (t) =>
    time(
      text(t, 'id', 'account_id', 'region_id', 'vpc_id', 'security_group_name', 'description', 'security_group_type', 'resource_group_id'),
      'creation_time',
    ).addPrimaryKeyConstraint('security_groups_pk', ['id']),
  );
  await index('security_groups', 'security_groups_account_region', ['account_id', 'region_id']);
  await index('security_groups', 'security_groups_vpc', ['vpc_id']);

  await create('vpcs', (t) =>
    time(
      int(
        text(t, 'id', 'account_id', 'region_id', 'vpc_name', 'description', 'cidr_block', 'status', 'vrouter_id', 'route_table_id', 'resource_group_id'),
        'is_default',
      ),
      'creation_time',
    ).addPrimaryKeyConstraint('vpcs_pk', ['id']),
  );
  await index('vpcs', 'vpcs_account_region', ['account_id', 'region_id']);

  await create('vswitches', (t) =>
    time(
      text(t, 'id', 'account_id', 'region_id', 'vpc_id', 'zone_id', 'vswitch_name', 'description', 'cidr_block', 'status', 'resource_group_id'),
      'creation_time',
    ).addPrimaryKeyConstraint('vswitches_pk', ['id']),
  );
  await index('vswitches', 'vswitches_account_region', ['account_id', 'region_id']);
  await index('vswitches', 'vswitches_vpc', ['vpc_id']);

  await create('tags', (t) =>
    text(t, 'account_id', 'resource_type', 'resource_id', 'tag_key', 'tag_value').addPrimaryKeyConstraint('tags_pk', [
      'resource_id',
      'tag_key',
    ]),
  );
  await index('tags', 'tags_account_key', ['account_id', 'tag_key', 'tag_value']);

  await create('jobs', (t) =>
    time(
      int(text(autoIncrementId(t, dialect), 'kind', 'account_id', 'resource_id', 'payload', 'state', 'lease_owner'), 'attempts'),
      'run_at', 'lease_expires_at', 'created_at', 'updated_at',
    ),
  );
  await index('jobs', 'jobs_due', ['state', 'run_at']);
  await index('jobs', 'jobs_resource', ['resource_id']);
}

function autoIncrementId(table: Table, dialect: StoreDialect): Table {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const initialMigration: StoreMigration = { name: '001-initial', up };

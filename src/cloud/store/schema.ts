/**
 * The cloud's tables, as Kysely sees them. One interface per table; every
 * resource row carries its account and region. Timestamps are epoch
 * milliseconds (numbers) and booleans are 0/1 integers, so the same rows work
 * on SQLite and PostgreSQL without dialect-specific column types.
 *
 * Ownership: each area of `src/cloud/api/` owns the tables named after it and
 * is the only writer; other areas may read them.
 */
import type { ColumnType, Generated } from 'kysely';

/** 0 or 1: portable boolean column. */
export type Flag = 0 | 1;

export interface AccountTable {
  id: string; // numeric account uid as a string, e.g. "1234567890123456"
  name: string;
  created_at: number;
}

export interface AccessKeyTable {
  access_key_id: string;
  access_key_secret: string;
  account_id: string;
  created_at: number;
}

/** Signature nonces seen within the replay window; the key is access_key_id + nonce. */
export interface NonceTable {
  access_key_id: string;
  nonce: string;
  expires_at: number;
}

/** ClientToken idempotency: one row per (account, action, token). */
export interface IdempotencyTable {
  account_id: string;
  action: string;
  client_token: string;
  params_hash: string;
  response: string; // JSON of the first successful answer (without RequestId)
  created_at: number;
}

export interface ResourceGroupTable {
  id: string;
  account_id: string;
  name: string;
  display_name: string;
  status: string; // Creating | OK | PendingDelete
  is_default: Flag;
  created_at: number;
}

export interface ImageTable {
  id: string;
  account_id: string; // owner; system images belong to the "system" account
  region_id: string;
  image_name: string;
  description: string;
  image_family: string;
  image_version: string;
  image_owner_alias: string; // self | system | others | marketplace
  architecture: string;
  platform: string;
  os_type: string;
  os_name: string;
  os_name_en: string;
  boot_mode: string;
  size: number; // GiB
  status: string; // Creating | Waiting | Available | UnAvailable | CreateFailed | Deprecated
  progress: number; // 0..100
  usable: Flag;
  is_public: Flag;
  source_instance_id: string;
  source_snapshot_id: string;
  license_type: string;
  detection_strategy: string;
  nvme_support: string;
  imds_support: string;
  resource_group_id: string;
  failure_code: string;
  failure_message: string;
  creation_time: number;
  available_at: number | null; // when creation finishes (planned or actual)
  /** CopyImage: the image this one copies; '' for every other image (the column's default). */
  copied_from_image_id: ColumnType<string, string | undefined, string>;
}

export interface ImageDiskTable {
  image_id: string;
  position: number; // 0 = system disk
  device: string;
  disk_type: string; // system | data
  size: number;
  snapshot_id: string;
  format: string;
  import_oss_bucket: string;
  import_oss_object: string;
  progress: string;
  remain_time: number;
  /** Set on the disks of an encrypted copy (CopyImage Encrypted=true) and its copies. */
  encrypted: Generated<Flag>;
}

export interface ImageShareTable {
  image_id: string;
  account_id: string; // the account the image is shared with
  created_at: number;
}

export interface InstanceTable {
  id: string;
  account_id: string;
  region_id: string;
  zone_id: string;
  instance_name: string;
  description: string;
  host_name: string;
  instance_type: string;
  cpu: number;
  memory: number; // MiB
  image_id: string;
  os_type: string;
  os_name: string;
  vpc_id: string;
  vswitch_id: string;
  private_ip: string;
  status: string; // Pending | Starting | Running | Stopping | Stopped
  internet_max_bandwidth_out: number;
  internet_charge_type: string;
  instance_charge_type: string;
  key_pair_name: string;
  deletion_protection: Flag;
  resource_group_id: string;
  creation_time: number;
  status_changed_at: number;
  /** Base64 user data as sent ('' when none); migration 006. */
  user_data: ColumnType<string, string | undefined, string>;
  /** Instance RAM role ('' when none); migration 006. */
  ram_role_name: ColumnType<string, string | undefined, string>;
}

export interface InstanceSecurityGroupTable {
  instance_id: string;
  security_group_id: string;
}

export interface DiskTable {
  id: string;
  account_id: string;
  region_id: string;
  zone_id: string;
  disk_name: string;
  description: string;
  category: string; // cloud | cloud_efficiency | cloud_ssd | cloud_essd | ...
  performance_level: string;
  size: number; // GiB
  type: string; // system | data
  status: string; // Creating | Available | Attaching | In_use | Detaching | ReIniting
  instance_id: string;
  device: string;
  image_id: string;
  source_snapshot_id: string;
  delete_with_instance: Flag;
  delete_auto_snapshot: Flag;
  encrypted: Flag;
  resource_group_id: string;
  creation_time: number;
  attached_time: number | null;
  detached_time: number | null;
  /** PostPaid | PrePaid; migration 008. */
  disk_charge_type: ColumnType<string, string | undefined, string>;
}

export interface SnapshotTable {
  id: string;
  account_id: string;
  region_id: string;
  snapshot_name: string;
  description: string;
  source_disk_id: string;
  source_disk_type: string; // System | Data (as DescribeSnapshots spells it)
  source_disk_size: number;
  source_disk_category: string;
  status: string; // progressing | accomplished | failed
  progress: number; // 0..100
  category: string; // standard | flash
  retention_days: number;
  /** Why this snapshot exists: "" for user snapshots, or the image id it was made for. */
  created_for_image_id: string;
  resource_group_id: string;
  creation_time: number;
  available_at: number | null;
  encrypted: Generated<Flag>;
  kms_key_id: Generated<string>;
}

export interface SecurityGroupTable {
  id: string;
  account_id: string;
  region_id: string;
  vpc_id: string;
  security_group_name: string;
  description: string;
  security_group_type: string; // normal | enterprise
  resource_group_id: string;
  creation_time: number;
  /** ModifySecurityGroupPolicy's `Accept` | `Drop`; '' = the type's default; migration 006. */
  inner_access_policy: ColumnType<string, string | undefined, string>;
}

/** One rule of a security group; unused peer fields are ''. */
export interface SecurityGroupRuleTable {
  id: string; // sgr-…
  account_id: string;
  region_id: string;
  security_group_id: string;
  direction: string; // ingress | egress
  ip_protocol: string; // TCP | UDP | ICMP | ICMPv6 | GRE | ALL
  port_range: string;
  source_port_range: string;
  nic_type: string; // intranet | internet
  policy: string; // accept | drop
  priority: number;
  source_cidr_ip: string;
  ipv6_source_cidr_ip: string;
  source_group_id: string;
  source_group_owner_account: string;
  source_prefix_list_id: string;
  dest_cidr_ip: string;
  ipv6_dest_cidr_ip: string;
  dest_group_id: string;
  dest_group_owner_account: string;
  dest_prefix_list_id: string;
  description: string;
  creation_time: number;
}

/** An SSH key pair's public half; the name is unique per account and region. */
export interface KeyPairTable {
  id: string; // ssh-…
  account_id: string;
  region_id: string;
  key_pair_name: string;
  finger_print: string;
  public_key: string; // OpenSSH one-line form
  resource_group_id: string;
  creation_time: number;
}

export interface VpcTable {
  id: string;
  account_id: string;
  region_id: string;
  vpc_name: string;
  description: string;
  cidr_block: string;
  status: string; // Pending | Available
  vrouter_id: string;
  route_table_id: string;
  is_default: Flag;
  resource_group_id: string;
  creation_time: number;
  /** The system route table's name, description and propagation (ModifyRouteTableAttributes); migration 006. */
  route_table_name: ColumnType<string, string | undefined, string>;
  route_table_description: ColumnType<string, string | undefined, string>;
  route_propagation_enable: ColumnType<Flag, Flag | undefined, Flag>;
  /** Secondary IPv4 blocks, comma-separated ('' for none); migration 008. */
  secondary_cidr_blocks: ColumnType<string, string | undefined, string>;
}

export interface VSwitchTable {
  id: string;
  account_id: string;
  region_id: string;
  vpc_id: string;
  zone_id: string;
  vswitch_name: string;
  description: string;
  cidr_block: string;
  status: string; // Pending | Available
  resource_group_id: string;
  creation_time: number;
}

/** Tags of every taggable resource (image, snapshot, disk, instance, securitygroup, vpc, vswitch). */
export interface TagTable {
  account_id: string;
  resource_type: string;
  resource_id: string;
  tag_key: string;
  tag_value: string;
}

/**
 * Durable asynchronous work (image creation, snapshot creation, instance state
 * changes). A worker claims a due job by taking its lease; an expired lease
 * means the worker died and another may take it over.
 */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  account_id: string;
  resource_id: string;
  payload: string; // JSON
  state: string; // pending | done | failed
  run_at: number; // not before this time (epoch ms)
  lease_owner: string;
  lease_expires_at: number;
  attempts: number;
  created_at: number;
  updated_at: number;
}

/** An injected failure of the operator API (`cloud/admin/fault-rules.ts`); shared by every replica. */
export interface FaultRuleTable {
  id: string;
  rule: string; // JSON of the validated rule
  remaining: number; // hits left before the rule retires; -1 = no limit
  hits: number;
  created_at: number;
}

/** Operator settings kept per store (the generated admin token). */
export interface AdminSettingTable {
  name: string;
  value: string;
}

/**
 * One counter per table whose rows every request consults (`fault_rules`):
 * triggers bump it on each insert or delete, so a process keeps the rows in
 * memory and reads only the counter to learn that another one changed them.
 */
export interface ChangeMarkerTable {
  name: string;
  version: number;
}

export interface Database {
  accounts: AccountTable;
  access_keys: AccessKeyTable;
  nonces: NonceTable;
  idempotency: IdempotencyTable;
  resource_groups: ResourceGroupTable;
  images: ImageTable;
  image_disks: ImageDiskTable;
  image_shares: ImageShareTable;
  instances: InstanceTable;
  instance_security_groups: InstanceSecurityGroupTable;
  disks: DiskTable;
  snapshots: SnapshotTable;
  security_groups: SecurityGroupTable;
  security_group_rules: SecurityGroupRuleTable;
  key_pairs: KeyPairTable;
  vpcs: VpcTable;
  vswitches: VSwitchTable;
  tags: TagTable;
  jobs: JobTable;
  fault_rules: FaultRuleTable;
  admin_settings: AdminSettingTable;
  change_markers: ChangeMarkerTable;
}

/**
 * The references a state document must hold before it may replace the
 * cloud's state: every row's account exists, every parent a row names exists
 * (a vSwitch's VPC, an image's disk mapping's image, an attached disk's
 * instance, a tag's resource …). A snapshot outlives its disk in ECS, but not
 * while it is still being taken: a `progressing` snapshot needs its disk.
 * The first broken reference is named in the 400.
 */
import type { Row, StateTable } from './state-tables.js';
import { AdminError } from './admin-error.js';

interface Reference {
  readonly table: StateTable;
  readonly column: string;
  readonly targets: readonly StateTable[];
  /** Only rows for which this holds must have the target. */
  readonly when?: (row: Row) => boolean;
}

const RESOURCE_TABLES: readonly StateTable[] = ['images', 'snapshots', 'disks', 'instances', 'security_groups', 'vpcs', 'vswitches', 'key_pairs'];
const OWNED: readonly StateTable[] = [
  ...RESOURCE_TABLES, 'access_keys', 'resource_groups', 'tags', 'idempotency', 'jobs', 'image_shares', 'security_group_rules',
];
const GROUPED: readonly StateTable[] = RESOURCE_TABLES;

const REFERENCES: readonly Reference[] = [
  ...OWNED.map((table) => ({ table, column: 'account_id', targets: ['accounts'] as const })),
  ...GROUPED.map((table) => ({ table, column: 'resource_group_id', targets: ['resource_groups'] as const })),
  { table: 'vswitches', column: 'vpc_id', targets: ['vpcs'] },
  { table: 'security_groups', column: 'vpc_id', targets: ['vpcs'] },
  { table: 'security_group_rules', column: 'security_group_id', targets: ['security_groups'] },
  { table: 'security_group_rules', column: 'source_group_id', targets: ['security_groups'] },
  { table: 'security_group_rules', column: 'dest_group_id', targets: ['security_groups'] },
  { table: 'image_disks', column: 'image_id', targets: ['images'] },
  { table: 'image_shares', column: 'image_id', targets: ['images'] },
  { table: 'instances', column: 'vpc_id', targets: ['vpcs'] },
  { table: 'instances', column: 'vswitch_id', targets: ['vswitches'] },
  { table: 'instance_security_groups', column: 'instance_id', targets: ['instances'] },
  { table: 'instance_security_groups', column: 'security_group_id', targets: ['security_groups'] },
  { table: 'disks', column: 'instance_id', targets: ['instances'] },
  { table: 'snapshots', column: 'source_disk_id', targets: ['disks'], when: (row) => row['status'] === 'progressing' },
  { table: 'tags', column: 'resource_id', targets: RESOURCE_TABLES },
];

export function checkReferences(tables: Readonly<Partial<Record<StateTable, readonly Row[]>>>): void {
  const ids = new Map<StateTable, Set<unknown>>();
  const idsOf = (table: StateTable): Set<unknown> => {
    let set = ids.get(table);
    if (set === undefined) {
      set = new Set((tables[table] ?? []).map((row) => row['id']));
      ids.set(table, set);
    }
    return set;
  };
  for (const reference of REFERENCES) {
    for (const row of tables[reference.table] ?? []) {
      const value = row[reference.column];
      if (value === undefined || value === '' || value === null) continue;
      if (reference.when !== undefined && !reference.when(row)) continue;
      if (reference.targets.some((target) => idsOf(target).has(value))) continue;
      const name = row['id'] ?? row['image_id'] ?? row['instance_id'] ?? row['resource_id'] ?? row['access_key_id'] ?? row['client_token'] ?? '';
      throw AdminError.invalid(
        `the state is inconsistent: ${reference.table} ${String(name)} has ${reference.column} ${String(value)}, which is not in ${reference.targets.join(' or ')}`,
      );
    }
  }
}

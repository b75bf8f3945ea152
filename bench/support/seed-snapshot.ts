/**
 * The finished system-disk snapshot the benches make images from, written
 * straight into the store (the VPC → instance → snapshot chain is not what
 * they measure).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/cloud/store/schema.js';
import { insertSnapshotRow } from '../../dev/snapshot-row.js';

export function seedSourceSnapshot(db: Kysely<Database>, accountId: string, regionId: string): Promise<string> {
  return insertSnapshotRow(db, {
    accountId,
    regionId,
    name: 'bench-source',
    description: 'system disk snapshot the benches make images from',
    creationTime: Date.now() - 3_600_000,
  });
}

/**
 * Encryption of image copies: CopyImage with `Encrypted=true` (and an
 * optional `KMSKeyId`) makes the copy's snapshots encrypted, and the copy's
 * disk mappings say so. Existing rows are unencrypted, as before.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('snapshots').addColumn('encrypted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('snapshots').addColumn('kms_key_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('image_disks').addColumn('encrypted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

// Named to sort after 005-rules-and-key-pairs: Kysely applies migrations in name order.
export const snapshotEncryptionMigration: StoreMigration = { name: '005-snapshot-encryption', up };

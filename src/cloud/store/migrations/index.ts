/**
 * Schema migrations, applied in list order by Kysely's Migrator. To change the
 * schema, add a file `NNN-what.ts` exporting a `StoreMigration` and append it
 * here; never edit a migration that has shipped.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Store, StoreDialect } from '../store.js';
import { initialMigration } from './001-initial.js';
import { imagesFilteredPageMigration } from './002-images-filtered-page.js';
import { imageCopySourceMigration } from './003-image-copy-source.js';
import { operatorApiMigration } from './004-operator-api.js';
import { rulesAndKeyPairsMigration } from './005-rules-and-key-pairs.js';
import { snapshotEncryptionMigration } from './006-snapshot-encryption.js';
import { legacyInstanceReadsMigration } from './007-legacy-instance-reads.js';
import { tfUpdatesMigration } from './008-tf-updates.js';
import { faultRulesMarkerMigration } from './009-fault-rules-marker.js';
import { imagesFilterIndexesMigration } from './010-images-filter-indexes.js';
import { imageViewMarkersMigration } from './011-image-view-markers.js';
import { noncesWithoutRowidMigration } from './012-nonces-without-rowid.js';
import { imageNameTrigramsMigration } from './013-image-name-trigrams.js';

export interface StoreMigration {
  /** Unique and sortable: `001-initial`, `002-…`. */
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema type holds
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>;
}

export const MIGRATIONS: readonly StoreMigration[] = [
  initialMigration,
  imagesFilteredPageMigration,
  imageCopySourceMigration,
  operatorApiMigration,
  rulesAndKeyPairsMigration,
  snapshotEncryptionMigration,
  legacyInstanceReadsMigration,
  tfUpdatesMigration,
  faultRulesMarkerMigration,
  imagesFilterIndexesMigration,
  imageViewMarkersMigration,
  noncesWithoutRowidMigration,
  imageNameTrigramsMigration,
];

class ListMigrationProvider implements MigrationProvider {
  readonly #migrations: readonly StoreMigration[];
  readonly #dialect: StoreDialect;

  constructor(migrations: readonly StoreMigration[], dialect: StoreDialect) {
    this.#migrations = migrations;
    this.#dialect = dialect;
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    const dialect = this.#dialect;
    return Object.fromEntries(
      this.#migrations.map((migration) => [migration.name, { up: (db) => migration.up(db, dialect) }]),
    );
  }
}

export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    provider: new ListMigrationProvider(MIGRATIONS, store.dialect),
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
}

/**
 * SQLite: an index of the images' names by their three-character pieces
 * (FTS5 with the trigram tokenizer), so that DescribeImages' ImageName — a
 * substring anywhere in the name — can start from the few images whose names
 * hold it instead of testing every name of a walk (100,000 names for a page
 * of a filter that a hundred images pass). Its rows are the images' rowids,
 * kept by triggers (no code path rewrites rowids: nothing runs VACUUM).
 * PostgreSQL needs the pg_trgm extension for the same and plans without it.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';
import type { StoreMigration } from './index.js';

export const IMAGE_NAME_TRIGRAMS = 'image_name_trigrams';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  const index = sql.raw(IMAGE_NAME_TRIGRAMS);
  await sql`create virtual table ${index} using fts5(image_name, content='images', content_rowid='rowid', tokenize='trigram')`.execute(db);
  await sql`insert into ${index} (${index}) values ('rebuild')`.execute(db);
  const add = sql`insert into ${index} (rowid, image_name) values (new.rowid, new.image_name);`;
  const remove = sql`insert into ${index} (${index}, rowid, image_name) values ('delete', old.rowid, old.image_name);`;
  await sql`create trigger images_insert_name_trigrams after insert on images begin ${add} end`.execute(db);
  await sql`create trigger images_delete_name_trigrams after delete on images begin ${remove} end`.execute(db);
  await sql`create trigger images_update_name_trigrams after update of image_name on images begin ${remove} ${add} end`.execute(db);
}

export const imageNameTrigramsMigration: StoreMigration = { name: '013-image-name-trigrams', up };

/**
 * The image a CopyImage copy was made from, on the copy's row. DescribeImages
 * answers `IsCopied` from it, and DeleteImage refuses to delete an image while
 * a copy of it is still `Creating` (OperationDenied.ImageCopying) by looking it
 * up here instead of reading every pending job's payload. Empty for images
 * that are not copies. Copies still being made when the store is upgraded
 * recorded their source only in their job's payload (`sourceImageId`): it is
 * carried over here.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('images')
    .addColumn('copied_from_image_id', 'text', (column) => column.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('images_copied_from').on('images').column('copied_from_image_id').execute();
  const pending: Array<{ resource_id: string; payload: string }> = await db
    .selectFrom('jobs')
    .select(['resource_id', 'payload'])
    .where('kind', '=', 'image-creation')
    .where('state', '=', 'pending')
    .execute();
  for (const job of pending) {
    const source = (JSON.parse(job.payload) as { sourceImageId?: unknown }).sourceImageId;
    if (typeof source !== 'string') continue;
    await db.updateTable('images').set({ copied_from_image_id: source }).where('id', '=', job.resource_id).execute();
  }
}

export const imageCopySourceMigration: StoreMigration = { name: '003-image-copy-source', up };

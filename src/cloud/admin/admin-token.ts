/**
 * The admin token that guards `/_ecs-image/` (all but `health`). Unless the
 * operator gives one (`--admin-token`, `ECS_IMAGE_ADMIN_TOKEN`), each store
 * generates its own once and keeps it: one per data directory on SQLite, one
 * per database on PostgreSQL, so every replica accepts the same token.
 * An AccessKey never stands in for it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

const SETTING_NAME = 'admin_token';

/** The store's token, created on first use (concurrent starts keep the first one written). */
export async function storedAdminToken(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('admin_settings')
    .values({ name: SETTING_NAME, value: randomBytes(24).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('admin_settings').select('value').where('name', '=', SETTING_NAME).executeTakeFirstOrThrow();
  return row.value;
}

/** The bearer token of an `Authorization` header, or undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Compares digests rather than the tokens themselves, so neither the content
 * nor the length of the expected token leaks through the time taken.
 */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

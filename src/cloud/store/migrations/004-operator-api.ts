/**
 * What the operator API keeps in the store rather than in one process, so
 * that every replica sharing a PostgreSQL sees the same thing at once:
 * `fault_rules` (the injected failures, with how many hits each has left) and
 * `admin_settings` (the admin token generated for this store).
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fault_rules')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull().defaultTo('{}'))
    // -1: no limit; otherwise the hits left before the rule retires.
    .addColumn('remaining', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('admin_settings')
    .addColumn('name', 'text', (c) => c.notNull().primaryKey())
    .addColumn('value', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export const operatorApiMigration: StoreMigration = { name: '004-operator-api', up };

/**
 * A change marker for the fault rules. Every RPC request consults them, and
 * reading the whole table each time was a tenth of a DescribeImages by id;
 * now a process keeps the rules and reads one counter per batch of requests
 * (`store/change-marker.ts`). The counter is bumped by triggers, not by the
 * code that writes rules, so no writer (this process, another replica, an
 * operator's SQL) can change the rules without the marker moving. Updates of
 * a rule's hit counts do not bump it: the kept rules never read those.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';
import type { StoreMigration } from './index.js';

export const FAULT_RULES_MARKER = 'fault_rules';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrations/index.ts
async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('change_markers')
    .addColumn('name', 'text', (c) => c.notNull().primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('change_markers').values({ name: FAULT_RULES_MARKER, version: 0 }).execute();
  const bump = sql.raw(`update change_markers set version = version + 1 where name = '${FAULT_RULES_MARKER}'`);
  if (dialect === 'postgres') {
    await sql`create function fault_rules_changed() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`.execute(db);
    // Per statement: a bulk delete bumps once, and TRUNCATE is covered too.
    await sql`create trigger fault_rules_changed after insert or delete or truncate on fault_rules for each statement execute function fault_rules_changed()`.execute(db);
    return;
  }
  for (const event of ['insert', 'delete']) {
    await sql`create trigger ${sql.raw(`fault_rules_${event}`)} after ${sql.raw(event)} on fault_rules begin ${bump}; end`.execute(db);
  }
}

export const faultRulesMarkerMigration: StoreMigration = { name: '009-fault-rules-marker', up };

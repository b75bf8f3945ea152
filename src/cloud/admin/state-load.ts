/**
 * `PUT /_ecs-image/state`: replaces the cloud's state with a saved document,
 * in one transaction. Checked first, with nothing changed on failure (a 400
 * naming the problem): the format and version, every table and column against
 * the store's own schema, the value types, then the references between rows;
 * a duplicate key the database refuses rolls everything back into a 400 too.
 *
 * Ids, creation times and progress are kept as saved. What was in progress
 * keeps the time it had left: planned ends (`available_at` of a Creating image
 * or a progressing snapshot) and due times of pending jobs move forward by the
 * time between the save and the load, so an image creating at save time
 * finishes after the load.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { lockUserAccounts } from './account-locks.js';
import { AdminError } from './admin-error.js';
import { checkReferences } from './state-consistency.js';
import { STATE_FORMAT, STATE_VERSION } from './state-document.js';
import { deleteUserRows, STATE_TABLES, UNSAVED_JOB_COLUMNS, type Row, type StateTable } from './state-tables.js';

type Tables = Partial<Record<StateTable, Row[]>>;

/** Column name → whether it holds numbers, per table, as the store's schema says. */
type Columns = ReadonlyMap<string, ReadonlyMap<string, { readonly numeric: boolean; readonly nullable: boolean }>>;

const INSERT_CHUNK = 100;

export interface LoadResult {
  /** Rows loaded per table. */
  readonly loaded: Record<string, number>;
}

export async function loadState(db: Kysely<Database>, document: unknown, now: number): Promise<LoadResult> {
  const savedAt = checkHeader(document);
  const tables = checkTables((document as { tables: unknown }).tables, await columnsOf(db));
  checkReferences(tables);
  const shift = Math.max(0, now - savedAt);
  try {
    await db.transaction().execute(async (trx) => {
      await lockUserAccounts(trx);
      await deleteUserRows(trx);
      const untyped = trx as unknown as Kysely<Record<string, Row>>;
      for (const table of STATE_TABLES) {
        const rows = (tables[table] ?? []).map((row) => keepingTimeLeft(table, row, shift));
        for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
          await untyped.insertInto(table).values(rows.slice(start, start + INSERT_CHUNK)).execute();
        }
      }
    });
  } catch (error) {
    if (isRefusedRow(error)) throw AdminError.invalid(`the state is inconsistent: ${(error as Error).message}`);
    throw error;
  }
  return { loaded: Object.fromEntries(STATE_TABLES.map((table) => [table, tables[table]?.length ?? 0])) };
}

function checkHeader(document: unknown): number {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw AdminError.invalid('the state must be a JSON object');
  }
  const { format, version, savedAt, tables } = document as Record<string, unknown>;
  if (format !== STATE_FORMAT) throw AdminError.invalid(`format must be "${STATE_FORMAT}", not ${JSON.stringify(format)}`);
  if (!Number.isInteger(version) || (version as number) < 1) throw AdminError.invalid('version must be a positive integer');
  if ((version as number) > STATE_VERSION) {
    throw AdminError.invalid(`version ${String(version)} is newer than this cloud reads (${STATE_VERSION}); upgrade ecs-image`);
  }
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) throw AdminError.invalid('savedAt must be a time in epoch milliseconds');
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) throw AdminError.invalid('tables must be a JSON object');
  return savedAt;
}

function checkTables(value: unknown, columns: Columns): Tables {
  const tables: Tables = {};
  for (const [table, rows] of Object.entries(value as Record<string, unknown>)) {
    if (!(STATE_TABLES as readonly string[]).includes(table)) throw AdminError.invalid(`tables.${table} is not a table of the state`);
    if (!Array.isArray(rows)) throw AdminError.invalid(`tables.${table} must be an array of rows`);
    const known = columns.get(table);
    if (known === undefined) throw AdminError.invalid(`tables.${table} is not in this cloud's store`);
    rows.forEach((row: unknown, index) => checkRow(table, index, row, known));
    tables[table as StateTable] = rows as Row[];
  }
  return tables;
}

function checkRow(table: string, index: number, row: unknown, known: NonNullable<ReturnType<Columns['get']>>): void {
  const at = `tables.${table}[${index}]`;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw AdminError.invalid(`${at} must be an object`);
  for (const [column, value] of Object.entries(row)) {
    const spec = known.get(column);
    if (spec === undefined || (table === 'jobs' && (UNSAVED_JOB_COLUMNS as readonly string[]).includes(column))) {
      throw AdminError.invalid(`${at}.${column} is not a column of ${table}`);
    }
    const fits =
      value === null ? spec.nullable : spec.numeric ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string';
    if (!fits) throw AdminError.invalid(`${at}.${column} must be ${spec.numeric ? 'a number' : 'a string'}${spec.nullable ? ' or null' : ''}`);
  }
}

async function columnsOf(db: Kysely<Database>): Promise<Columns> {
  const metadata = await db.introspection.getTables();
  const columns = new Map<string, Map<string, { numeric: boolean; nullable: boolean }>>();
  for (const table of metadata) {
    if (table.schema !== undefined && table.schema !== 'public') continue;
    columns.set(
      table.name,
      new Map(table.columns.map((column) => [column.name, { numeric: /int|serial|numeric|real|double|float/i.test(column.dataType), nullable: column.isNullable }])),
    );
  }
  return columns;
}

function keepingTimeLeft(table: StateTable, row: Row, shift: number): Row {
  const later = (value: Row[string]): Row[string] => (typeof value === 'number' ? value + shift : value);
  if (table === 'jobs') return { ...row, run_at: later(row['run_at'] ?? 0) };
  if (table === 'images' && (row['status'] === 'Creating' || row['status'] === 'Waiting')) {
    return { ...row, available_at: later(row['available_at'] ?? null) };
  }
  if (table === 'snapshots' && row['status'] === 'progressing') return { ...row, available_at: later(row['available_at'] ?? null) };
  return row;
}

/** A row the database refused (duplicate key, value out of range): the document's fault, not the cloud's. */
function isRefusedRow(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || /^2[23][0-9A-Z]{3}$/.test(code));
}

/**
 * Kysely prepares every query anew; on better-sqlite3 that preparation is a
 * large share of a cheap query's cost. Queries are built from a fixed set of
 * shapes (values are bound parameters), so prepared statements are kept by SQL
 * text. Kysely runs one query at a time on its single SQLite connection, so a
 * cached statement is never in use twice at once.
 */
import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const MAX_STATEMENTS = 2_000;

export class CachingSqliteDatabase implements SqliteDatabase {
  readonly #connection: SqliteConnection;
  readonly #statements = new Map<string, Statement>();

  constructor(connection: SqliteConnection) {
    this.#connection = connection;
  }

  prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#connection.prepare(sql);
      // A long-running process with ever-new SQL shapes would grow without bound; start over instead.
      if (this.#statements.size >= MAX_STATEMENTS) this.#statements.clear();
      this.#statements.set(sql, statement);
    }
    return statement as unknown as SqliteStatement;
  }

  close(): void {
    this.#statements.clear();
    this.#connection.close();
  }
}

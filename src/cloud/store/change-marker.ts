/**
 * Reads a change marker (`change_markers`, bumped by triggers) for callers
 * that keep rows in memory and must see another process's change at once.
 * The callers of one turn of the event loop share one read, made right after
 * that turn (setImmediate); a read already under way when a caller arrives is
 * never shared with it, since it may have started before the change that
 * caller must see. Under load one read (one round trip on PostgreSQL) serves
 * many requests.
 */
import type { Kysely } from 'kysely';
import { QueryTemplate } from './query-template.js';
import type { Database } from './schema.js';

const READ_MARKER = new QueryTemplate<{ version: number | string | bigint }>(1, (db, [name]) =>
  db.selectFrom('change_markers').select('version').where('name', '=', name as string),
);

export class ChangeMarker {
  readonly #db: Kysely<Database>;
  readonly #name: string;
  /** The read that the callers of this turn share; undefined once it has started. */
  #next: Promise<number> | undefined;

  constructor(db: Kysely<Database>, name: string) {
    this.#db = db;
    this.#name = name;
  }

  /** The marker's version as the store has it at some moment after this call (NaN when the store has no such marker). */
  version(): Promise<number> {
    this.#next ??= new Promise<number>((resolve, reject) => {
      setImmediate(() => {
        this.#next = undefined;
        READ_MARKER.execute(this.#db, [this.#name]).then((rows) => resolve(Number(rows[0]?.version)), reject);
      });
    });
    return this.#next;
  }
}

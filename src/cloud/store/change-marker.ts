/**
 * Reads change markers (`change_markers`, bumped by triggers) for callers
 * that keep rows in memory and must see another process's change at once.
 * The callers of one turn of the event loop share one read of every name
 * they asked for, made right after that turn (setImmediate); a read already
 * under way when a caller arrives is never shared with it, since it may have
 * started before the change that caller must see. Under load one read (one
 * round trip on PostgreSQL) serves many requests. One reader per database
 * (its query memo keeps it), so the fault rules' marker and DescribeImages'
 * markers of one turn are read together.
 */
import type { Kysely } from 'kysely';
import { InListQuery, rememberedBy } from './query-template.js';
import type { Database } from './schema.js';

/** A marker's version, or undefined when the store has no such marker (yet). */
export type MarkerVersions = ReadonlyMap<string, number>;

/** The read of N names, compiled once per N (it runs on every turn with a request). */
const READ_MARKERS = new InListQuery<{ name: string; version: number | string | bigint }>(20, (db, names) =>
  db.selectFrom('change_markers').select(['name', 'version']).where('name', 'in', names),
);

interface NextRead {
  readonly names: Set<string>;
  readonly versions: Promise<MarkerVersions>;
}

export class ChangeMarkers {
  readonly #db: Kysely<Database>;
  /** The read that the callers of this turn share; undefined once it has started. */
  #next: NextRead | undefined;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The markers' versions as the store has them at some moment after this call (absent ones are missing from the map). */
  versions(names: readonly string[]): Promise<MarkerVersions> {
    if (this.#next === undefined) {
      const asked = new Set<string>();
      const versions = new Promise<MarkerVersions>((resolve, reject) => {
        setImmediate(() => {
          this.#next = undefined;
          this.#read([...asked]).then(resolve, reject);
        });
      });
      this.#next = { names: asked, versions };
    }
    for (const name of names) this.#next.names.add(name);
    return this.#next.versions;
  }

  async #read(names: readonly string[]): Promise<MarkerVersions> {
    const rows = await READ_MARKERS.execute(this.#db, names);
    return new Map(rows.map((row) => [row.name, Number(row.version)]));
  }
}

/** Each key object stands for the reader of one database in its memo. */
const READER_OF_DATABASE = {};

/** The database's shared reader (a reader of its own for a database without a memo). */
export function changeMarkersOf(db: Kysely<Database>): ChangeMarkers {
  return rememberedBy(db, READER_OF_DATABASE, () => new ChangeMarkers(db)) ?? new ChangeMarkers(db);
}

/** One marker, read with the others of its turn. */
export class ChangeMarker {
  readonly #markers: ChangeMarkers;
  readonly #name: string;

  constructor(db: Kysely<Database>, name: string) {
    this.#markers = changeMarkersOf(db);
    this.#name = name;
  }

  /** The marker's version as the store has it at some moment after this call (NaN when the store has no such marker). */
  async version(): Promise<number> {
    return (await this.#markers.versions([this.#name])).get(this.#name) ?? Number.NaN;
  }
}

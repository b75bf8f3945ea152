/**
 * A query of fixed shape built and compiled once, then run with new values.
 * Building a Kysely query and compiling it to SQL costs more CPU than SQLite
 * spends answering a lookup by primary key, so a hot query whose shape never
 * changes (only its bound values do) is built once per database with one
 * placeholder per value, and each run binds the request's values by position.
 *
 * The placeholders are strings no request can supply at build time (no request
 * is involved then), and every one must come out of the compiler as a bound
 * parameter of its own, unchanged: a builder that transforms or drops one fails
 * loudly on first use instead of running wrong SQL.
 *
 * Templates are immutable definitions; what they remember (compiled SQL, the
 * templates of each shape) belongs to the database: its dialect adapter, which
 * the database and its transactions share, carries a `QueryMemo` (see the
 * stores' dialects), so several clouds in one process each keep their own. A
 * database without one, or a Kysely instance with plugins (which may rewrite
 * the SQL), builds and compiles every time instead.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What one database remembers of the query templates, keyed by template. */
export class QueryMemo {
  readonly #entries = new Map<object, unknown>();

  get<T>(owner: object, make: () => T): T {
    if (this.#entries.has(owner)) return this.#entries.get(owner) as T;
    const made = make();
    this.#entries.set(owner, made);
    return made;
  }
}

/** A dialect adapter that carries its database's memo. */
export interface QueryMemoOwner {
  readonly queryMemo: QueryMemo;
}

function memoOf(db: Kysely<Database>): QueryMemo | undefined {
  const executor = db.getExecutor();
  if (executor.plugins.length > 0) return undefined;
  return (executor.adapter as Partial<QueryMemoOwner>).queryMemo;
}

/**
 * What `db`'s memo keeps for `owner`, made on first use; undefined for a
 * database without a memo (see the header), whose callers then do without.
 */
export function rememberedBy<T>(db: Kysely<Database>, owner: object, make: () => T): T | undefined {
  return memoOf(db)?.get(owner, make);
}

/** Builds the query from placeholder values, one per slot, in slot order. */
export type TemplateBuilder<Row> = (db: Kysely<Database>, slots: readonly string[]) => Compilable<Row>;

interface Compiled<Row> {
  readonly query: CompiledQuery<Row>;
  /** Per bound parameter: the slot whose value it takes, or -1 for a constant of the shape. */
  readonly slotOf: readonly number[];
}

export class QueryTemplate<Row> {
  readonly #slotCount: number;
  readonly #build: TemplateBuilder<Row>;

  constructor(slotCount: number, build: TemplateBuilder<Row>) {
    this.#slotCount = slotCount;
    this.#build = build;
  }

  async execute(db: Kysely<Database>, values: readonly unknown[]): Promise<Row[]> {
    if (values.length !== this.#slotCount) throw new Error(`query template: ${values.length} values for ${this.#slotCount} slots`);
    const compiled = this.#compiledFor(db);
    const template = compiled.query.parameters;
    const parameters = new Array<unknown>(template.length);
    for (let index = 0; index < template.length; index += 1) {
      const slot = compiled.slotOf[index] as number;
      parameters[index] = slot < 0 ? template[index] : values[slot];
    }
    const result = await db.executeQuery<Row>({ ...compiled.query, parameters });
    return result.rows;
  }

  #compiledFor(db: Kysely<Database>): Compiled<Row> {
    const memo = memoOf(db);
    return memo === undefined ? this.#compile(db) : memo.get(this, () => this.#compile(db));
  }

  #compile(db: Kysely<Database>): Compiled<Row> {
    const slots = Array.from({ length: this.#slotCount }, (_, index) => `\u0000query-template-slot-${index}\u0000`);
    const query = this.#build(db, slots).compile();
    const slotOf = query.parameters.map((parameter) => (typeof parameter === 'string' ? slots.indexOf(parameter) : -1));
    const bound = new Set(slotOf);
    const missing = slots.findIndex((_, index) => !bound.has(index));
    if (missing >= 0) throw new Error(`query template: slot ${missing} is not a bound parameter of: ${query.sql}`);
    const leaked = query.sql.includes('\u0000query-template-slot-');
    if (leaked) throw new Error(`query template: a slot was inlined into the SQL: ${query.sql}`);
    return { query, slotOf };
  }
}

/**
 * Templates of one query whose shape varies in a few ways (such as how many
 * values an `IN` list has), one per shape key, made on first use. The key must
 * determine the shape; shapes beyond `maxShapes` are built and compiled per
 * call, so no stream of new shapes grows the memo without bound.
 */
export class QueryTemplates<Shape, Row> {
  readonly #maxShapes: number;
  readonly #make: (shape: Shape) => QueryTemplate<Row>;

  constructor(maxShapes: number, make: (shape: Shape) => QueryTemplate<Row>) {
    this.#maxShapes = maxShapes;
    this.#make = make;
  }

  /** The template of this shape, remembered by `db`'s memo. */
  get(db: Kysely<Database>, key: string, shape: Shape): QueryTemplate<Row> {
    const byKey = memoOf(db)?.get(this, () => new Map<string, QueryTemplate<Row>>());
    let template = byKey?.get(key);
    if (template === undefined) {
      template = this.#make(shape);
      if (byKey !== undefined && byKey.size < this.#maxShapes) byKey.set(key, template);
    }
    return template;
  }
}

/**
 * A query over an `IN` list of values (ids, mostly), one template per list
 * length up to `maxLength`; longer lists are built and run per call.
 */
export class InListQuery<Row> {
  readonly #maxLength: number;
  readonly #build: (db: Kysely<Database>, list: readonly string[]) => Compilable<Row>;
  readonly #templates: QueryTemplates<number, Row>;

  constructor(maxLength: number, build: (db: Kysely<Database>, list: readonly string[]) => Compilable<Row>) {
    this.#maxLength = maxLength;
    this.#build = build;
    this.#templates = new QueryTemplates(maxLength, (length) => new QueryTemplate(length, build));
  }

  async execute(db: Kysely<Database>, list: readonly string[]): Promise<Row[]> {
    if (list.length === 0 || list.length > this.#maxLength) return (await db.executeQuery(this.#build(db, list))).rows;
    return this.#templates.get(db, String(list.length), list.length).execute(db, list);
  }
}

/**
 * The store: one Kysely query layer over a dialect adapter. Everything the API
 * areas write goes through `db`; the few operations whose SQL must differ per
 * dialect (claiming a job under concurrency) live on the adapter, so a
 * PostgreSQL adapter in `store/postgres/` needs no change elsewhere.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, JobTable } from './schema.js';
import type { WideDirectory } from './sqlite/private-files.js';

export type StoreDialect = 'sqlite' | 'postgres';

export type StoreConfig =
  | {
      readonly kind: 'sqlite';
      readonly file: string;
      /** Told when the store's directory already exists and others may read it (the cloud warns). */
      readonly onWideDirectory?: (wide: WideDirectory) => void;
    }
  | { readonly kind: 'postgres'; readonly connectionString: string };

export type JobRow = Selectable<JobTable>;

export interface ClaimJobOptions {
  /** Who holds the lease (e.g. `<hostname>:<pid>:<random>`). */
  readonly owner: string;
  readonly now: number;
  /** How long the lease lasts; an expired lease may be taken over by another worker. */
  readonly leaseMs: number;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /**
   * Atomically take the lease of one due job (pending, `run_at <= now`, no live
   * lease), or return undefined when none is due. Two workers never get the same job.
   */
  claimJob(options: ClaimJobOptions): Promise<JobRow | undefined>;
  /**
   * Runs `work` so that processes opening the same store at once take turns
   * (migrations and seeding happen once). Absent: `work` just runs.
   */
  serializeStartup?<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

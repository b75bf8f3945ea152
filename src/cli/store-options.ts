/**
 * Where the cloud keeps its data, shared by `serve` and `accounts create`:
 * `--database postgres://…` (or `ECS_IMAGE_DATABASE_URL`) selects PostgreSQL,
 * which several `serve` replicas may share; otherwise the SQLite file in `--data`.
 */
import { join } from 'node:path';
import { Option } from 'commander';
import type { StoreConfig } from '../cloud/store/store.js';

export function databaseOption(): Option {
  return new Option(
    '--database <url>',
    'PostgreSQL connection URL (postgres://user:password@host:5432/db); replaces the SQLite store in --data',
  ).env('ECS_IMAGE_DATABASE_URL');
}

export function storeConfigOf(options: { readonly data: string; readonly database?: string }): StoreConfig {
  if (options.database === undefined || options.database === '') {
    return { kind: 'sqlite', file: join(options.data, 'cloud.sqlite') };
  }
  if (!/^postgres(ql)?:\/\//.test(options.database)) {
    throw new Error('--database takes a PostgreSQL URL: postgres://user:password@host:5432/database');
  }
  return { kind: 'postgres', connectionString: options.database };
}

/**
 * The SQLite store holds every account's AccessKey secret, so its files are the owner's
 * alone: the directory is created 0700 and the database file 0600 before SQLite opens it.
 * SQLite creates its `-wal` and `-shm` files with the database file's permissions; files
 * left by an earlier, wider version are narrowed too. An existing directory keeps its mode
 * (it may be the user's own, e.g. `--data .`): the caller is told so it can warn.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const PRIVATE_DIRECTORY = 0o700;
const PRIVATE_FILE = 0o600;
const STORE_FILE_SUFFIXES = ['', '-wal', '-shm'] as const;

/** An existing directory others may read or enter. */
export interface WideDirectory {
  readonly directory: string;
  /** Its permission bits, e.g. 0o755. */
  readonly mode: number;
}

export function preparePrivateStoreFiles(file: string): WideDirectory | undefined {
  const directory = dirname(file);
  let wide: WideDirectory | undefined;
  if (existsSync(directory)) {
    const mode = statSync(directory).mode & 0o777;
    if ((mode & 0o077) !== 0) wide = { directory, mode };
  } else {
    mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY });
  }
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const suffix of STORE_FILE_SUFFIXES) {
    const path = `${file}${suffix}`;
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE);
  }
  return wide;
}

/**
 * Where the package's own files are at run time. The package root (the folder of our
 * package.json, with `bin/` and `proto/` beside it) sits two or three levels above a module
 * in `src/`, three or four in `dist/src/`, and anywhere under `node_modules/` once installed:
 * walk up from this file instead of hard-coding any of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'ecs-image';

interface PackageManifest {
  readonly name?: unknown;
  readonly version?: unknown;
}

function readManifest(path: string): PackageManifest | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}

/** The folder holding ecs-image's package.json. */
export function packageRoot(): string {
  const here = fileURLToPath(import.meta.url);
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readManifest(manifest)?.name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${here}`);
  }
}

/** A file or folder of the package, by its path from the root (`bin`, `proto/tfplugin6.proto`). */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}

/** The package's version, as package.json says. */
export function packageVersion(): string {
  const version = readManifest(packagePath('package.json'))?.version;
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * The console's static files (stylesheet, script), shipped in the package
 * under src/cloud/console/assets/ and read once when the cloud starts. The
 * compiled code runs from dist/src/cloud/console/, so the folder is found by
 * walking up to the package root rather than beside this file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly body: string;
  readonly contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css;charset=utf-8',
  '.js': 'text/javascript;charset=utf-8',
  '.svg': 'image/svg+xml',
};

const ASSETS_IN_PACKAGE = join('src', 'cloud', 'console', 'assets');

export function assetsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(dir, ASSETS_IN_PACKAGE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the console's assets (${ASSETS_IN_PACKAGE}) are missing from the package`);
}

/** File name → contents, for every file of a known type in the folder. */
export function loadAssets(folder: string = assetsFolder()): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(folder)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType !== undefined) assets.set(name, { body: readFileSync(join(folder, name), 'utf8'), contentType });
  }
  return assets;
}

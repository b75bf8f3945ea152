/**
 * The console's static files (stylesheet, script), shipped in the package
 * under src/cloud/console/assets/ (package.json `files`) and read once when the
 * cloud starts. The compiled code runs from dist/src/cloud/console/, so the
 * folder is found from the package root rather than beside this file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { packagePath } from '../../package-root.js';

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
  const folder = packagePath(ASSETS_IN_PACKAGE);
  if (!existsSync(folder)) throw new Error(`the console's assets (${ASSETS_IN_PACKAGE}) are missing from the package`);
  return folder;
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

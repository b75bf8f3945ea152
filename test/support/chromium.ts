/**
 * The browser the console tests drive: Debian's `chromium` package, installed by the set-up
 * when missing and possible, else a failure naming the command (debian-packages.ts). Never a
 * silent skip: a console without its browser tests is untested. ECS_IMAGE_CHROMIUM names
 * another Chromium binary.
 */
import { existsSync } from 'node:fs';
import { requireDebianPackages, type DebianNeed } from './debian-packages.js';

const CHROMIUM: DebianNeed = { what: "Chromium (the console's browser tests)", files: ['/usr/bin/chromium'], packages: ['chromium'] };

/** The Chromium executable, installed first when missing and possible. */
export function chromiumExecutable(): string {
  const given = process.env['ECS_IMAGE_CHROMIUM'];
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) throw new Error(`ECS_IMAGE_CHROMIUM names ${given}, which does not exist`);
    return given;
  }
  requireDebianPackages(CHROMIUM);
  return CHROMIUM.files[0] as string;
}

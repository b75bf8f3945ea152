/** Where the compiled benches find the repository's executables. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `dist/bench/provider/` → the repository root. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN_DIR = join(REPO_ROOT, 'bin');
export const PROVIDER_EXECUTABLE = join(BIN_DIR, 'terraform-provider-alicloud');

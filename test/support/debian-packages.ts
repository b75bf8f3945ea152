/**
 * Tools the test suite drives that npm does not install (Packer, Go and aliyungo): taken
 * from Debian's packages. A test's set-up calls `requireDebianPackages` first: when what it
 * needs is missing it installs the packages when it can (root, with apt-get), and otherwise
 * fails with the one command to run. It never skips: a suite that silently proves nothing is
 * worse than a red one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface DebianNeed {
  /** What the test uses, for the message: `packer`, `go and aliyungo`. */
  readonly what: string;
  /** Files that exist once the packages are installed. */
  readonly files: readonly string[];
  readonly packages: readonly string[];
}

export const PACKER: DebianNeed = { what: 'packer (its alicloud-ecs builder)', files: ['/usr/bin/packer'], packages: ['packer'] };

export const GO_ALIYUNGO: DebianNeed = {
  what: 'go and the aliyungo sources',
  files: ['/usr/bin/go', '/usr/share/gocode/src/github.com/denverdino/aliyungo/ecs/instances.go'],
  packages: ['golang-go', 'golang-github-denverdino-aliyungo-dev'],
};

/** apt-get update and install can take minutes on a fresh machine. */
const INSTALL_TIMEOUT_MS = 15 * 60_000;

function missing(need: DebianNeed): string[] {
  return need.files.filter((file) => !existsSync(file));
}

export function installCommand(need: DebianNeed): string {
  return `sudo apt-get update && sudo apt-get install -y ${need.packages.join(' ')}`;
}

export function requireDebianPackages(need: DebianNeed): void {
  if (missing(need).length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env, timeout: INSTALL_TIMEOUT_MS });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...need.packages], { stdio: 'inherit', env, timeout: INSTALL_TIMEOUT_MS });
  }
  const still = missing(need);
  if (still.length > 0) {
    throw new Error(`this test needs ${need.what} (${still.join(', ')} missing); install them with:\n  ${installCommand(need)}`);
  }
}

/**
 * The browser the console tests drive: Debian's `chromium` package. When it
 * is missing, the set-up installs it if it can (root with apt-get, as on CI
 * and a fresh developer machine); otherwise it fails naming the one command
 * to run. Never a silent skip: a console without its browser tests is untested.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

function found(): string | undefined {
  const given = process.env['ECS_IMAGE_CHROMIUM'];
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) throw new Error(`ECS_IMAGE_CHROMIUM names ${given}, which does not exist`);
    return given;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** The Chromium executable, installed first when missing and possible. */
export function chromiumExecutable(): string {
  const present = found();
  if (present !== undefined) return present;
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(`the console's browser tests need Debian's Chromium: run \`sudo sh -c '${INSTALL_COMMAND}'\` (or set ECS_IMAGE_CHROMIUM to a Chromium binary)`);
  }
  try {
    execFileSync('sh', ['-c', INSTALL_COMMAND], { stdio: 'pipe', timeout: 15 * 60_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString('utf8').slice(-2_000) ?? '';
    throw new Error(`installing Chromium failed (\`${INSTALL_COMMAND}\`): ${(error as Error).message}\n${output}`);
  }
  const installed = found();
  if (installed === undefined) throw new Error(`\`${INSTALL_COMMAND}\` ran but no Chromium is at ${CANDIDATES.join(' or ')}`);
  return installed;
}

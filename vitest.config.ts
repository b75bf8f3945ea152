import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The cloud suite runs twice: on SQLite (default project) and on one real
// PostgreSQL that the `cloud-postgres` project starts from the installed
// server binaries (dev/local-postgres.ts). Without them that project is
// left out, and the reason is printed.
const postgresInstalled =
  process.env.ECS_IMAGE_TEST_POSTGRES_URL !== undefined ||
  (process.env.ECS_IMAGE_POSTGRES_BIN !== undefined && existsSync(join(process.env.ECS_IMAGE_POSTGRES_BIN, 'initdb'))) ||
  (existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((version) => existsSync(join('/usr/lib/postgresql', version, 'bin', 'initdb'))));
if (!postgresInstalled) {
  console.warn(
    'PostgreSQL server binaries (initdb, pg_ctl) not found: the cloud-postgres test project is skipped (set ECS_IMAGE_POSTGRES_BIN or ECS_IMAGE_TEST_POSTGRES_URL).',
  );
}

const cloudOnPostgres: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'cloud-postgres',
    include: ['test/cloud/*.test.ts'],
    // These start PostgreSQL themselves, or test SQLite files and the CLI's --data: once is enough.
    exclude: ['test/cloud/scale-out*.test.ts', 'test/cloud/core-store.test.ts', 'test/cloud/cli.test.ts'],
    env: { ECS_IMAGE_TEST_STORE: 'postgres' },
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
};

// Every test lives under test/: unit tests in test/unit/<area>-<file>.test.ts, never beside
// the source, so src/ holds product code only. A test left in src/ would silently never run:
// refuse to start instead.
const testsInSrc = readdirSync(fileURLToPath(new URL('./src', import.meta.url)), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.test.ts'));
if (testsInSrc.length > 0) {
  throw new Error(`unit tests live in test/unit/<area>-<file>.test.ts, not beside the source: move ${testsInSrc.map((path) => join('src', path)).join(', ')}`);
}

/**
 * Suites that drive the real terraform binary, and only those: a file that does
 * not run terraform lives elsewhere (the provider's client layer against the
 * cloud in test/provider-client/, the provider process in test/plugin/).
 */
const TERRAFORM_TESTS = ['test/provider/**/*.test.ts', 'test/examples/**/*.test.ts', 'test/cli/env*.test.ts'];

/**
 * The packed package installed and run (test/package/): two native builds of better-sqlite3
 * make it minutes long, so it is its own step, `npm run test:package` (ECS_IMAGE_TEST_PACKAGE=1),
 * which CI runs after `npm test`.
 */
const PACKAGE_TESTS = ['test/package/**/*.test.ts'];
const packageProject: TestProjectInlineConfiguration = { extends: true, test: { name: 'package', include: PACKAGE_TESTS, testTimeout: 900_000 } };

// Two cores: terraform scenarios and servers run at most two files at a time.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'], exclude: [...TERRAFORM_TESTS, ...PACKAGE_TESTS] } },
      // Real terraform against a real cloud: minutes per scenario on a loaded 2-core machine.
      { extends: true, test: { name: 'terraform', include: TERRAFORM_TESTS, testTimeout: 600_000 } },
      ...(postgresInstalled ? [cloudOnPostgres] : []),
      ...(process.env.ECS_IMAGE_TEST_PACKAGE === '1' ? [packageProject] : []),
    ],
  },
});

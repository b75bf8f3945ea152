/**
 * vitest global setup of the `cloud-postgres` project: one PostgreSQL server
 * for the whole run (each test cloud makes its own database on it).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../dev/local-postgres.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.destroy();
}

/**
 * One cloud replica for the PostgreSQL figures, as its own process (so three
 * replicas use the machine's cores as three `ecs-image serve` would), with the
 * bench's settings: no image quota, the bench's image creation time and job
 * poll interval. Prints `{"endpoint":…}` once listening; SIGTERM stops it.
 *
 *   node dist/bench/cloud/postgres-replica.js <database-url> <imageCreationMs> <jobPollMs>
 */
import { pino } from 'pino';
import { createCloud } from '../../src/cloud/server.js';

async function main(): Promise<void> {
  const [connectionString, imageCreationMs, jobPollMs] = process.argv.slice(2);
  if (connectionString === undefined) throw new Error('usage: postgres-replica <database-url> <imageCreationMs> <jobPollMs>');
  const cloud = await createCloud({
    host: '127.0.0.1',
    port: 0,
    store: { kind: 'postgres', connectionString },
    logger: pino({ level: 'warn' }, pino.destination(2)),
    settings: { imageCreationMs: Number(imageCreationMs ?? 100), imageQuota: Number.MAX_SAFE_INTEGER },
    jobPollIntervalMs: Number(jobPollMs ?? 50),
  });
  process.once('SIGTERM', () => {
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.stdout.write(`${JSON.stringify({ endpoint: cloud.endpoint, accountId: cloud.accountId, ...cloud.credentials })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`postgres-replica: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

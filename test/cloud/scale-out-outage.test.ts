/**
 * A replica and its database: a wrong URL fails on start with a readable line;
 * while PostgreSQL is down requests get ECS's ServiceUnavailable (503) and
 * nothing is half-written; when it is back the same process serves again,
 * without a restart. Accounts made with `accounts create --database` work on
 * every replica, and a nonce used on one replica is refused by another.
 */
import { CreateImageRequest, DescribeImagesRequest, DescribeRegionsRequest } from '@alicloud/ecs20140526';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_BINARIES, POSTGRES_MISSING_REASON, startPostgres, type PostgresServer } from '../../dev/local-postgres.js';
import { sendAcs3 } from '../support/raw-rpc.js';
import { CLI_MISSING_REASON, cliBuilt, ecsClientFor, runCli, startReplica, type Replica } from './scale-out-support.js';

const skip = POSTGRES_BINARIES === undefined ? POSTGRES_MISSING_REASON : !cliBuilt() ? CLI_MISSING_REASON : undefined;

describe.skipIf(skip !== undefined)(`replicas and their PostgreSQL${skip !== undefined ? ` (skipped: ${skip})` : ''}`, () => {
  let server: PostgresServer;
  let url: string;
  const replicas: Replica[] = [];
  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('outage');
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill('SIGKILL')));
    await server?.destroy();
  });

  it('serve with an unreachable or malformed database URL exits non-zero with one readable line', async () => {
    const down = await runCli(['serve', '--database', 'postgres://ci:hunter2@127.0.0.1:1/cloud', '--port', '0']);
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('');
    expect(down.stderr).toMatch(/^ecs-image: cannot open the PostgreSQL database postgres:\/\/ci:\*\*\*@127\.0\.0\.1:1\/cloud: .*ECONNREFUSED.*\n$/);
    expect(down.stderr).not.toContain('hunter2');
    const missing = await runCli(['serve', '--database', url.replace(/\/[^/]+$/, '/no_such_db'), '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot open the PostgreSQL database .*no_such_db.*does not exist/);
    const wrong = await runCli(['accounts', 'create', '--database', 'mysql://localhost/cloud']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^ecs-image: --database takes a PostgreSQL URL/);
  });

  it('answers 503 ServiceUnavailable while the database is down, writes nothing, and recovers without a restart', async () => {
    const replica = await startReplica(url);
    replicas.push(replica);
    const ecs = ecsClientFor(replica.hostPort, replica.line);
    const regions = await ecs.describeRegions(new DescribeRegionsRequest({}));
    expect(regions.statusCode).toBe(200);

    await server.stop();
    const failures: unknown[] = [];
    for (const call of [
      () => ecs.describeRegions(new DescribeRegionsRequest({})),
      () => ecs.describeImages(new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageOwnerAlias: 'self' })),
      () => ecs.createImage(new CreateImageRequest({ regionId: 'cn-hangzhou', imageName: 'during-outage', snapshotId: 's-none' })),
    ]) {
      failures.push(await call().then(() => undefined, (error: unknown) => error));
    }
    for (const failure of failures) {
      expect(failure).toMatchObject({ code: 'ServiceUnavailable', statusCode: 503 });
    }
    expect(replica.process.exitCode).toBeNull(); // still serving

    await server.start();
    const again = await ecs.describeRegions(new DescribeRegionsRequest({}));
    expect(again.statusCode).toBe(200);
    const images = await ecs.describeImages(new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageOwnerAlias: 'self' }));
    expect(images.body?.totalCount).toBe(0);
  });

  it('an account made with `accounts create --database` works on every replica; a nonce used on one is refused by another', async () => {
    const [a, b] = await Promise.all([startReplica(url), startReplica(url)]);
    replicas.push(a, b);
    expect(b.line.accessKeyId).toBe(a.line.accessKeyId); // one default account, seeded once
    const created = await runCli(['accounts', 'create', '--database', url, '--name', 'team-b']);
    expect(created.code, created.stderr).toBe(0);
    const account = JSON.parse(created.stdout) as { accessKeyId: string; accessKeySecret: string };
    for (const replica of [a, b]) {
      const ecs = ecsClientFor(replica.hostPort, account);
      expect((await ecs.describeRegions(new DescribeRegionsRequest({}))).statusCode).toBe(200);
    }
    const signed = {
      accessKeyId: account.accessKeyId,
      accessKeySecret: account.accessKeySecret,
      action: 'DescribeRegions',
      version: '2014-05-26',
      nonce: `replayed-${Date.now()}`,
    };
    const first = await sendAcs3(a.line.endpoint, signed);
    expect(first.status).toBe(200);
    const replayed = await sendAcs3(b.line.endpoint, signed);
    expect(replayed.status).toBe(400);
    expect(replayed.json?.Code).toBe('SignatureNonceUsed');
  });
});

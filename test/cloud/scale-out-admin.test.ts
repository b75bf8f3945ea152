/**
 * The operator API with two `ecs-image serve` replicas on one PostgreSQL: the
 * admin token, the fault rules and a reset are the store's, so what is set
 * through one replica holds on the other at once — a `times: 2` rule fires
 * twice in all, wherever the requests land — and a reset racing writes on the
 * other replica leaves a consistent world (its saved document loads back);
 * health says `unavailable` (503) while the database is away.
 */
import { CreateVpcRequest, DescribeVpcsRequest, CreateVSwitchRequest } from '@alicloud/vpc20160428';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkError } from '../support/sdk-error.js';
import { POSTGRES_BINARIES, POSTGRES_MISSING_REASON, startPostgres, type PostgresServer } from '../../dev/local-postgres.js';
import { adminCall, vpcClientFor } from './admin-support.js';
import { CLI_MISSING_REASON, cliBuilt, startReplica, type Replica } from './scale-out-support.js';

const skip = POSTGRES_BINARIES === undefined ? POSTGRES_MISSING_REASON : !cliBuilt() ? CLI_MISSING_REASON : undefined;
const REGION = 'cn-hangzhou';

describe.skipIf(skip !== undefined)(`operator API on two replicas${skip !== undefined ? ` (skipped: ${skip})` : ''}`, () => {
  let server: PostgresServer;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase('admin_replicas');
    a = await startReplica(url);
    b = await startReplica(url);
  });
  afterAll(async () => {
    await a?.kill('SIGTERM');
    await b?.kill('SIGTERM');
    await server?.destroy();
  });

  const keysOf = (replica: Replica) => ({ accessKeyId: replica.line.accessKeyId, accessKeySecret: replica.line.accessKeySecret });
  const vpcOn = (replica: Replica) => vpcClientFor(replica.hostPort, keysOf(replica));
  const admin = (replica: Replica, method: string, route: string, body?: unknown) =>
    adminCall(replica.line.endpoint, replica.line.adminToken, method, route, body);

  it('both replicas accept the token generated once for the database', async () => {
    expect(a.line.adminToken).toBe(b.line.adminToken);
    expect((await admin(b, 'GET', 'health')).body).toMatchObject({ status: 'ok', store: 'postgres' });
  });

  it('a fault rule added through one replica is applied by the other, and a times: 2 rule fires twice in all', async () => {
    await admin(a, 'POST', 'faults', { action: 'CreateVpc', times: 2, error: { code: 'Throttling.User' } });
    const create = (replica: Replica) => vpcOn(replica).createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8' }));
    expect((await sdkError(create(b))).code).toBe('Throttling.User');
    expect((await sdkError(create(a))).code).toBe('Throttling.User');
    const created = await create(b);
    expect(created.body!.vpcId).toMatch(/^vpc-/);
    expect((await admin(a, 'GET', 'faults')).body).toEqual({ faults: [] });

    const rule = await admin(b, 'POST', 'faults', { product: 'Vpc', action: 'DescribeVpcs', error: { code: 'ServiceUnavailable' } });
    expect((await sdkError(vpcOn(a).describeVpcs(new DescribeVpcsRequest({ regionId: REGION })))).code).toBe('ServiceUnavailable');
    await admin(a, 'DELETE', `faults/${rule.body.id}`);
    await vpcOn(b).describeVpcs(new DescribeVpcsRequest({ regionId: REGION }));
  });

  it('a reset through one replica is seen by the other at once, and one racing writes leaves a consistent world', async () => {
    const reset = await admin(a, 'POST', 'state/reset');
    expect(reset.body.reset.vpcs).toBe(1);
    expect((await vpcOn(b).describeVpcs(new DescribeVpcsRequest({ regionId: REGION }))).body!.vpcs!.vpc).toEqual([]);

    const writes = Array.from({ length: 12 }, async (_, index) => {
      const client = vpcOn(index % 2 === 0 ? a : b);
      try {
        const vpcId = (await client.createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8' }))).body!.vpcId!;
        await client.createVSwitch(new CreateVSwitchRequest({ regionId: REGION, vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: `10.${index}.0.0/16` }));
        return 'created';
      } catch (error) {
        // The reset may remove the VPC between the two calls: then the cloud says so, in an ECS error.
        const code = (error as { code?: string }).code ?? '';
        return code;
      }
    });
    const resets = [admin(a, 'POST', 'state/reset'), admin(b, 'POST', 'state/reset')];
    const outcomes = await Promise.all([...writes, ...resets.map(async (call) => (await call).status)]);
    for (const outcome of outcomes.slice(0, 12)) expect(['created', 'InvalidVpcId.NotFound']).toContain(outcome);
    expect(outcomes.slice(12)).toEqual([200, 200]);
    const state = await admin(b, 'GET', 'state');
    const loaded = await admin(a, 'PUT', 'state', state.text);
    expect(loaded.status, loaded.text).toBe(200);
  });

  it('health answers 503 "unavailable" while the database is away, and ok again once it is back', async () => {
    await server.stop();
    try {
      const away = await admin(a, 'GET', 'health');
      expect(away.status).toBe(503);
      expect(away.body).toMatchObject({ status: 'unavailable', store: 'postgres', version: expect.any(String) });
      expect(away.text).not.toContain(a.line.adminToken);
    } finally {
      await server.start();
    }
    let back = await admin(a, 'GET', 'health');
    for (let attempt = 0; attempt < 50 && back.status !== 200; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      back = await admin(a, 'GET', 'health');
    }
    expect(back.body.status).toBe('ok');
  });
});


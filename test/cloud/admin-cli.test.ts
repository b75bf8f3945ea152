/**
 * `ecs-image state|jobs|settings|faults` against a real `ecs-image serve`
 * child process: found through `--data` (server.json, SQLite) or named with
 * `--endpoint` and `--admin-token`; one line on success (JSON with --json),
 * one readable line on stderr and exit 1 on failure.
 */
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateVpcRequest, DescribeVpcsRequest } from '@alicloud/vpc20160428';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkError } from '../support/sdk-error.js';
import { CLI_MISSING_REASON, adminCall, cliBuilt, runCli, serveCloud, type ServedCloud } from './admin-support.js';
import { startServe } from './scale-out-support.js';

const skip = cliBuilt() ? undefined : CLI_MISSING_REASON;
const REGION = 'cn-hangzhou';
/** Each command is a fresh node process loading the whole CLI: seconds apiece on a busy machine. */
const CLI_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 600_000;

describe.skipIf(skip !== undefined)(`operator CLI${skip !== undefined ? ` (skipped: ${skip})` : ''}`, { timeout: TEST_TIMEOUT_MS }, () => {
  let cloud: ServedCloud;
  let target: string[];
  let scratch: string;

  beforeAll(async () => {
    cloud = await serveCloud(['--image-creation-seconds', '600']);
    target = cloud.storeKind === 'sqlite' ? ['--data', cloud.dataDir] : ['--endpoint', cloud.endpoint, '--admin-token', cloud.adminToken];
    scratch = await mkdtemp(join(tmpdir(), 'ecs-image-admin-cli-'));
  });
  afterAll(async () => {
    await cloud?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  async function ok(args: string[]): Promise<string> {
    const run = await runCli(args, CLI_TIMEOUT_MS);
    expect(run.stderr, args.join(' ')).toBe('');
    expect(run.code, args.join(' ')).toBe(0);
    expect(run.stdout.endsWith('\n') && run.stdout.split('\n').length === 2, run.stdout).toBe(true);
    return run.stdout.trimEnd();
  }

  async function fails(args: string[], message: RegExp): Promise<void> {
    const run = await runCli(args, CLI_TIMEOUT_MS);
    expect(run.code, args.join(' ')).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ecs-image: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
  }

  it('settings shows and changes the live settings', async () => {
    expect(await ok(['settings', ...target])).toBe(
      'defaultRegionId=cn-hangzhou imageCreationSeconds=600 snapshotCreationSeconds=1 instanceTransitionSeconds=0.5 imageQuota=100',
    );
    const changed = JSON.parse(await ok(['settings', ...target, '--image-quota', '7', '--snapshot-creation-seconds', '0.5', '--json']));
    expect(changed).toMatchObject({ imageQuota: 7, snapshotCreationSeconds: 0.5 });
    await fails(['settings', ...target, '--image-quota', '-1'], /InvalidParameter: imageQuota must be an integer/);
    await fails(['settings', ...target, '--image-creation-seconds', 'soon'], /--image-creation-seconds takes a number/);
  });

  it('faults add|list|clear drive the fault rules the cloud applies', async () => {
    const added = await ok(['faults', 'add', ...target, '--product', 'Vpc', '--action', 'CreateVpc', '--code', 'Throttling.User', '--times', '1']);
    expect(added).toMatch(/^added fault-[0-9a-f]+: Vpc CreateVpc → Throttling\.User \(1 left\)$/);
    expect((await sdkError(cloud.vpc().createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8' })))).code).toBe('Throttling.User');
    expect(await ok(['faults', 'list', ...target])).toBe('no fault rules');
    await ok(['faults', 'add', ...target, '--action', 'DescribeVpcs', '--latency-ms', '10']);
    const listed = JSON.parse(await ok(['faults', 'list', ...target, '--json'])) as { faults: { id: string; latencyMs: number }[] };
    expect(listed.faults).toHaveLength(1);
    expect(listed.faults[0]).toMatchObject({ action: 'DescribeVpcs', latencyMs: 10 });
    await fails(['faults', 'add', ...target, '--action', 'CreateVpc'], /needs error, latencyMs or both/);
    await fails(['faults', 'add', ...target, '--code', 'X', '--probability', '3'], /probability must be a number from 0 to 1/);
    await fails(['faults', 'clear', ...target, 'fault-nothing'], /InvalidFaultId\.NotFound/);
    expect(await ok(['faults', 'clear', ...target, listed.faults[0]!.id])).toBe('removed 1 fault rule');
    expect(await ok(['faults', 'clear', ...target])).toBe('removed 0 fault rules');
  });

  it('state save, reset and load, and jobs complete', async () => {
    const vpcs = async (): Promise<string[]> =>
      (await cloud.vpc().describeVpcs(new DescribeVpcsRequest({ regionId: REGION }))).body!.vpcs!.vpc!.map((vpc) => vpc.vpcId!);
    const vpcId = (await cloud.vpc().createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8', vpcName: 'kept' }))).body!.vpcId!;
    const file = join(scratch, 'state.json');
    expect(await ok(['state', 'save', file, ...target])).toMatch(/^saved the state to .*state\.json \(accounts 1, access_keys 1, resource_groups 2, vpcs \d+/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'ecs-image-state', version: 1 });
    await fails(['state', 'reset', ...target, '--account', '999'], /InvalidAccountId\.NotFound/);
    expect(await ok(['state', 'reset', ...target])).toMatch(/^reset: .*vpcs \d+/);
    expect(await vpcs()).toEqual([]);
    expect(await ok(['state', 'reset', ...target])).toBe('reset: nothing to remove');
    expect(await ok(['state', 'load', file, ...target])).toMatch(/^loaded the state from .*state\.json \(accounts 1, .*vpcs \d+/);
    expect(await vpcs()).toContain(vpcId);
    expect(await ok(['jobs', 'complete', ...target])).toMatch(/^completed \d+ jobs?$/);
    expect(JSON.parse(await ok(['jobs', 'complete', ...target, '--json']))).toEqual({ completed: 0 });
    await fails(['state', 'load', join(scratch, 'missing.json'), ...target], /cannot read the state in .*missing\.json/);
    const newer = join(scratch, 'newer.json');
    await writeFile(newer, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), version: 9 }));
    await fails(['state', 'load', newer, ...target], /InvalidParameter: version 9 is newer/);
    expect(await vpcs()).toContain(vpcId);
  });

  it('fails with one line: a wrong token, no server on the data directory, an unreachable endpoint', async () => {
    await fails(['settings', '--endpoint', cloud.endpoint, '--admin-token', 'wrong-token-0123456789'], /InvalidAdminToken\.Mismatch: the admin token is not valid/);
    await fails(['jobs', 'complete', '--data', scratch], /no local cloud is running on the data directory/);
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await fails(['faults', 'list', '--endpoint', `http://127.0.0.1:${port}`, '--admin-token', 'x'], /cannot reach the local cloud at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it.skipIf(process.env.ECS_IMAGE_TEST_STORE === 'postgres')('the admin token is kept per data directory unless --admin-token gives one', async () => {
    const data = join(scratch, 'tokens');
    const first = await startServe(['--data', data]);
    await first.kill('SIGTERM');
    const second = await startServe(['--data', data]);
    expect(second.line.adminToken).toBe(first.line.adminToken);
    await second.kill('SIGTERM');
    const given = await startServe(['--data', data, '--admin-token', 'given-token-0123456789']);
    expect(given.line.adminToken).toBe('given-token-0123456789');
    expect(JSON.parse(await readFile(join(data, 'server.json'), 'utf8')).adminToken).toBe('given-token-0123456789');
    expect((await adminCall(given.line.endpoint, first.line.adminToken, 'GET', 'settings')).status).toBe(401);
    expect(await ok(['settings', '--data', data])).toMatch(/^defaultRegionId=/);
    await given.kill('SIGTERM');
    const short = await runCli(['serve', '--data', data, '--port', '0', '--admin-token', 'short'], CLI_TIMEOUT_MS);
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('ecs-image: --admin-token needs at least 16 characters and no spaces\n');
  });
});

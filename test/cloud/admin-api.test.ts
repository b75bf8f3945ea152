/**
 * The operator API (`/_ecs-image/`) of a real `ecs-image serve` child process,
 * with the official SDKs on the cloud side: every route, the admin token, the
 * bad inputs, and what each control does to the cloud (runs on SQLite, and on
 * PostgreSQL in the `cloud-postgres` project).
 */
import {
  CreateImageRequest,
  CreateSecurityGroupRequest,
  CreateSnapshotRequest,
  DescribeDisksRequest,
  DescribeImagesRequest,
  DescribeInstancesRequest,
  DescribeRegionsRequest,
  DescribeSnapshotsRequest,
  RunInstancesRequest,
} from '@alicloud/ecs20140526';
import { CreateVpcRequest, CreateVSwitchRequest, DescribeVpcsRequest, DescribeVSwitchesRequest } from '@alicloud/vpc20160428';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEcsError } from '../support/sdk-error.js';
import { CLI_MISSING_REASON, cliBuilt, runCli, serveCloud, type Keys, type ServedCloud } from './admin-support.js';
import { buildWorld, REGION } from './admin-world.js';

const skip = cliBuilt() ? undefined : CLI_MISSING_REASON;

const ROUTES: readonly (readonly [string, string])[] = [
  ['POST', 'state/reset'],
  ['GET', 'state'],
  ['PUT', 'state'],
  ['GET', 'settings'],
  ['PATCH', 'settings'],
  ['POST', 'jobs/complete'],
  ['GET', 'faults'],
  ['POST', 'faults'],
  ['DELETE', 'faults'],
  ['DELETE', 'faults/fault-0'],
];

describe.skipIf(skip !== undefined)(`operator API${skip !== undefined ? ` (skipped: ${skip})` : ''}`, () => {
  let cloud: ServedCloud;
  let other: Keys & { accountId: string };

  beforeAll(async () => {
    cloud = await serveCloud(['--image-creation-seconds', '600', '--image-quota', '50']);
    const created = await runCli(['accounts', 'create', ...cloud.storeArgs], 120_000);
    expect(created.code, created.stderr).toBe(0);
    other = JSON.parse(created.stdout) as Keys & { accountId: string };
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  async function vpcIds(keys?: Keys): Promise<string[]> {
    const answer = await cloud.vpc(keys).describeVpcs(new DescribeVpcsRequest({ regionId: REGION, pageSize: 50 }));
    return answer.body!.vpcs!.vpc!.map((vpc) => vpc.vpcId!);
  }

  it('health answers without a token, with no secret in it', async () => {
    const answer = await cloud.admin('GET', 'health', undefined, null);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', version: expect.any(String), store: cloud.storeKind, jobs: { pending: 0, running: 0 } });
    expect(answer.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    for (const secret of [cloud.adminToken, cloud.keys.accessKeySecret, cloud.keys.accessKeyId]) expect(answer.text).not.toContain(secret);
    expect((await cloud.admin('POST', 'health', undefined, null)).status).toBe(405);
  });

  it('every other route needs the admin token: 401 in the ECS envelope without it, with a wrong one or with an AccessKey', async () => {
    const wrongTokens: (string | null)[] = [null, 'x'.repeat(32), cloud.adminToken.slice(0, -1), cloud.keys.accessKeySecret, cloud.keys.accessKeyId];
    for (const [method, route] of ROUTES) {
      for (const token of wrongTokens) {
        const answer = await cloud.admin(method, route, method === 'GET' || method === 'DELETE' ? undefined : {}, token);
        expect(answer.status, `${method} ${route}`).toBe(401);
        expect(Object.keys(answer.body).sort()).toEqual(['Code', 'Message', 'RequestId']);
        expect(answer.body.Code).toBe(token === null ? 'InvalidAdminToken.Missing' : 'InvalidAdminToken.Mismatch');
      }
    }
    const basic = await fetch(`${cloud.endpoint}/_ecs-image/settings`, { headers: { authorization: `Basic ${cloud.adminToken}` } });
    expect(basic.status).toBe(401);
  });

  it('admin routes are never cloud actions, and unknown admin paths are 404', async () => {
    for (const action of ['ResetState', 'state/reset', '_ecs-image/state/reset', 'health']) {
      const answer = await fetch(`${cloud.endpoint}/?Action=${encodeURIComponent(action)}&Version=2014-05-26`);
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { Code: string }).Code).toBe('InvalidApi.NotFound');
    }
    const unknown = await cloud.admin('GET', 'nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.Code).toBe('InvalidApi.NotFound');
    expect((await cloud.admin('PUT', 'faults', {})).status).toBe(405);
  });

  it('settings: the flags at start, changed by PATCH for work started afterwards; bad values are a 400 naming the field', async () => {
    const start = await cloud.admin('GET', 'settings');
    expect(start.body).toEqual({
      defaultRegionId: 'cn-hangzhou',
      imageCreationSeconds: 600,
      snapshotCreationSeconds: 1,
      instanceTransitionSeconds: 0.5,
      imageQuota: 50,
    });
    const bad: readonly (readonly [unknown, RegExp])[] = [
      [{ imageQuota: -1 }, /imageQuota/],
      [{ imageQuota: 1.5 }, /imageQuota/],
      [{ imageCreationSeconds: 'fast' }, /imageCreationSeconds/],
      [{ snapshotCreationSeconds: -2 }, /snapshotCreationSeconds/],
      [{ instanceTransitionSeconds: 1e9 }, /instanceTransitionSeconds/],
      [{ defaultRegionId: 'cn-beijing' }, /defaultRegionId/],
      [{ imageQuota: 3, colour: 'red' }, /colour/],
      [[1], /JSON object/],
      ['not json', /not JSON/],
    ];
    for (const [body, message] of bad) {
      const answer = await cloud.admin('PATCH', 'settings', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.Code).toBe('InvalidParameter');
      expect(answer.body.Message).toMatch(message);
    }
    expect((await cloud.admin('GET', 'settings')).body).toEqual(start.body);
    const changed = await cloud.admin('PATCH', 'settings', { snapshotCreationSeconds: 0.2, instanceTransitionSeconds: 0 });
    expect(changed.body).toMatchObject({ snapshotCreationSeconds: 0.2, instanceTransitionSeconds: 0, imageQuota: 50 });
  });

  it('faults: invalid rules are a 400 naming the field', async () => {
    const bad: readonly (readonly [unknown, RegExp])[] = [
      [{}, /error, latencyMs/],
      [{ action: 'CreateImage' }, /error, latencyMs/],
      [{ probability: 2, latencyMs: 1 }, /probability/],
      [{ product: 'Rds', latencyMs: 1 }, /product/],
      [{ action: 'Create Image', latencyMs: 1 }, /action/],
      [{ times: 0, latencyMs: 1 }, /times/],
      [{ latencyMs: -5 }, /latencyMs/],
      [{ latencyMs: 1, colour: 'red' }, /colour/],
      [{ error: {} }, /error\.code/],
      [{ error: { code: 'Throttling.User', httpStatus: 200 } }, /httpStatus/],
      [{ error: { code: 'Throttling.User', when: 'now' } }, /when/],
      [{ error: 'Throttling.User' }, /error must be/],
      ['[', /not JSON/],
    ];
    for (const [body, message] of bad) {
      const answer = await cloud.admin('POST', 'faults', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.Message).toMatch(message);
    }
    expect((await cloud.admin('GET', 'faults')).body).toEqual({ faults: [] });
  });

  it('faults: a Throttling.User rule for 2 hits answers before anything is written, then retires', async () => {
    const added = await cloud.admin('POST', 'faults', { product: 'Vpc', action: 'CreateVpc', times: 2, error: { code: 'Throttling.User' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: expect.stringMatching(/^fault-/), probability: 1, times: 2, remaining: 2, hits: 0 });
    expect(added.body.error).toEqual({ code: 'Throttling.User', httpStatus: 400, message: expect.stringContaining('') });
    const before = await vpcIds();
    for (let hit = 0; hit < 2; hit += 1) {
      const failure = await expectEcsError(cloud.vpc().createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8' })), 'Throttling.User', 400);
      expect(failure.data?.['RequestId']).toEqual(expect.any(String));
    }
    expect(await vpcIds()).toEqual(before);
    const created = await cloud.vpc().createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8' }));
    expect(await vpcIds()).toContain(created.body!.vpcId);
    expect((await cloud.admin('GET', 'faults')).body).toEqual({ faults: [] });
  });

  it('faults: filters by account and action, latency alone lets the request through, and rules are deleted by id or all', async () => {
    const permanent = await cloud.admin('POST', 'faults', {
      accountId: other.accountId,
      action: 'DescribeVpcs',
      error: { code: 'InternalError', httpStatus: 500, message: 'injected' },
    });
    const slow = await cloud.admin('POST', 'faults', { product: 'Ecs', action: 'DescribeRegions', latencyMs: 600 });
    const never = await cloud.admin('POST', 'faults', { action: 'DescribeVpcs', probability: 0, error: { code: 'Throttling.User' } });
    expect(never.body.probability).toBe(0);
    await expectEcsError(cloud.vpc(other).describeVpcs(new DescribeVpcsRequest({ regionId: REGION })), 'InternalError', 500);
    await expectEcsError(cloud.vpc(other).describeVpcs(new DescribeVpcsRequest({ regionId: REGION })), 'InternalError', 500);
    await cloud.vpc().describeVpcs(new DescribeVpcsRequest({ regionId: REGION })); // the default account is not hit
    const started = Date.now();
    const regions = await cloud.ecs().describeRegions(new DescribeRegionsRequest({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(regions.body!.regions!.region!.length).toBeGreaterThan(0);
    const listed = (await cloud.admin('GET', 'faults')).body.faults as { id: string; hits: number }[];
    expect(listed.map((rule) => [rule.id, rule.hits])).toEqual([
      [permanent.body.id, 2],
      [slow.body.id, 1],
      [never.body.id, 0],
    ]);
    const missing = await cloud.admin('DELETE', 'faults/fault-nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.Code).toBe('InvalidFaultId.NotFound');
    expect((await cloud.admin('DELETE', `faults/${permanent.body.id}`)).body).toEqual({ deleted: 1 });
    await cloud.vpc(other).describeVpcs(new DescribeVpcsRequest({ regionId: REGION }));
    expect((await cloud.admin('DELETE', 'faults')).body).toEqual({ deleted: 2 });
    expect((await cloud.admin('GET', 'faults')).body).toEqual({ faults: [] });
  });

  it('jobs/complete finishes every pending job now; the image quota setting applies to the next CreateImage', async () => {
    const world = await buildWorld(cloud.ecs(), cloud.vpc(), other.accountId, 'jobs');
    const describe = async (): Promise<{ status?: string; progress?: string }> =>
      (await cloud.ecs().describeImages(new DescribeImagesRequest({ regionId: REGION, imageId: world.imageId, status: 'Creating,Available' }))).body!.images!.image![0]!;
    expect((await describe()).status).toBe('Creating');
    expect((await cloud.admin('GET', 'health', undefined, null)).body.jobs.pending).toBeGreaterThanOrEqual(1);
    const completed = await cloud.admin('POST', 'jobs/complete');
    expect(completed.status).toBe(200);
    expect(completed.body.completed).toBeGreaterThanOrEqual(1);
    expect(await describe()).toMatchObject({ status: 'Available', progress: '100%' });
    expect((await cloud.admin('POST', 'jobs/complete')).body).toEqual({ completed: 0 });

    await cloud.admin('PATCH', 'settings', { imageQuota: 1 });
    await expectEcsError(cloud.ecs().createImage(new CreateImageRequest({ regionId: REGION, snapshotId: world.snapshotId })), 'QuotaExceed.Image');
    await cloud.admin('PATCH', 'settings', { imageQuota: 50 });
  });

  it('jobs/complete also settles instance transitions and snapshots at once', async () => {
    await cloud.admin('PATCH', 'settings', { instanceTransitionSeconds: 600, snapshotCreationSeconds: 600 });
    const vpcId = (await cloud.vpc().createVpc(new CreateVpcRequest({ regionId: REGION, cidrBlock: '192.168.0.0/16' }))).body!.vpcId!;
    const vSwitchId = (
      await cloud.vpc().createVSwitch(new CreateVSwitchRequest({ regionId: REGION, vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.1.0/24' }))
    ).body!.vSwitchId!;
    const groupId = (await cloud.ecs().createSecurityGroup(new CreateSecurityGroupRequest({ regionId: REGION, vpcId }))).body!.securityGroupId!;
    const instanceId = (
      await cloud.ecs().runInstances(
        new RunInstancesRequest({
          regionId: REGION,
          imageId: 'ubuntu_18_04_x64_20G_alibase_20240115.vhd',
          instanceType: 'ecs.sn1ne.large',
          vSwitchId,
          securityGroupIds: [groupId],
        }),
      )
    ).body!.instanceIdSets!.instanceIdSet![0]!;
    const status = async (): Promise<string | undefined> =>
      (await cloud.ecs().describeInstances(new DescribeInstancesRequest({ regionId: REGION, instanceIds: JSON.stringify([instanceId]) }))).body!
        .instances!.instance![0]?.status;
    expect(await status()).toBe('Pending');
    expect((await cloud.admin('POST', 'jobs/complete')).body).toEqual({ completed: 1 });
    expect(await status()).toBe('Running');
    const diskId = (await cloud.ecs().describeDisks(new DescribeDisksRequest({ regionId: REGION, instanceId }))).body!.disks!.disk![0]!.diskId!;
    const snapshotId = (await cloud.ecs().createSnapshot(new CreateSnapshotRequest({ diskId }))).body!.snapshotId!;
    const snapshot = async () =>
      (await cloud.ecs().describeSnapshots(new DescribeSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify([snapshotId]) }))).body!
        .snapshots!.snapshot![0];
    expect((await snapshot())?.status).toBe('progressing');
    expect((await cloud.admin('POST', 'jobs/complete')).body).toEqual({ completed: 1 });
    expect(await snapshot()).toMatchObject({ status: 'accomplished', progress: '100%' });
    await cloud.admin('PATCH', 'settings', { instanceTransitionSeconds: 0.5, snapshotCreationSeconds: 1 });
    await cloud.admin('POST', 'state/reset');
  });

  it('state/reset removes every resource (of one account with ?accountId=), keeps accounts, keys and resource groups, forgets ClientTokens', async () => {
    await cloud.admin('POST', 'state/reset'); // whatever earlier tests left
    const mine = await buildWorld(cloud.ecs(), cloud.vpc(), other.accountId, 'reset');
    const theirs = await buildWorld(cloud.ecs(other), cloud.vpc(other), undefined, 'theirs');
    const groupsBefore = (await cloud.admin('GET', 'state')).body.tables.resource_groups;

    const unknown = await cloud.admin('POST', 'state/reset?accountId=999');
    expect(unknown.status).toBe(404);
    const one = await cloud.admin('POST', `state/reset?accountId=${other.accountId}`);
    expect(one.status).toBe(200);
    expect(one.body.reset).toMatchObject({ images: 1, snapshots: 1, disks: 2, instances: 1, vpcs: 1, vSwitches: 1, securityGroups: 1, securityGroupRules: 1, keyPairs: 1, tags: 2, clientTokens: 1 });
    expect(await vpcIds(other)).toEqual([]);
    expect(await vpcIds()).toContain(mine.vpcId);
    expect(theirs.vpcId).not.toBe(mine.vpcId);

    const all = await cloud.admin('POST', 'state/reset');
    expect(all.body.reset).toMatchObject({ imageShares: 1, images: 1, snapshots: 1, instances: 1, vpcs: 1, tags: 2, clientTokens: 1 });
    expect(await vpcIds()).toEqual([]);
    const vswitches = await cloud.vpc().describeVSwitches(new DescribeVSwitchesRequest({ regionId: REGION }));
    expect(vswitches.body!.vSwitches!.vSwitch).toEqual([]);
    const snapshots = await cloud.ecs().describeSnapshots(new DescribeSnapshotsRequest({ regionId: REGION }));
    expect(snapshots.body!.snapshots!.snapshot).toEqual([]);
    const images = await cloud.ecs().describeImages(new DescribeImagesRequest({ regionId: REGION, imageOwnerAlias: 'self' }));
    expect(images.body!.images!.image).toEqual([]);
    const publicImages = await cloud.ecs().describeImages(new DescribeImagesRequest({ regionId: REGION, imageOwnerAlias: 'system' }));
    expect(publicImages.body!.totalCount).toBeGreaterThan(0);
    expect((await cloud.admin('GET', 'state')).body.tables.resource_groups).toEqual(groupsBefore);
    expect((await cloud.admin('GET', 'health', undefined, null)).body.jobs).toEqual({ pending: 0, running: 0 });

    // The same ClientToken makes a new image: the old answer was forgotten with the image.
    const again = await buildWorld(cloud.ecs(), cloud.vpc(), undefined, 'reset');
    expect(again.imageId).not.toBe(mine.imageId);
    await cloud.admin('POST', 'state/reset');
  });

  it('PUT state refuses a document of another format, a newer version or an inconsistent one with a 400, and changes nothing', async () => {
    await buildWorld(cloud.ecs(), cloud.vpc(), undefined, 'refused');
    const saved = (await cloud.admin('GET', 'state')).body;
    expect(saved).toMatchObject({ format: 'ecs-image-state', version: 1, savedAt: expect.any(Number) });
    const vswitch = saved.tables.vswitches[0];
    const bad: readonly (readonly [unknown, RegExp])[] = [
      ['{', /not JSON/],
      [[], /JSON object/],
      [{ ...saved, format: 'localstack-pod' }, /format/],
      [{ ...saved, version: 2 }, /version 2 is newer/],
      [{ ...saved, version: 'one' }, /version/],
      [{ ...saved, tables: { ...saved.tables, buckets: [] } }, /tables\.buckets/],
      [{ ...saved, tables: { ...saved.tables, vswitches: [{ ...vswitch, colour: 'red' }] } }, /tables\.vswitches\[0\]\.colour/],
      [{ ...saved, tables: { ...saved.tables, vswitches: [{ ...vswitch, creation_time: 'yesterday' }] } }, /creation_time must be a number/],
      [{ ...saved, tables: { ...saved.tables, vpcs: [] } }, /vswitches .* vpc_id .* not in vpcs/],
      [{ ...saved, tables: { ...saved.tables, vswitches: [vswitch, vswitch] } }, /inconsistent/],
    ];
    for (const [body, message] of bad) {
      const answer = await cloud.admin('PUT', 'state', body);
      expect(answer.status, String(message)).toBe(400);
      expect(answer.body.Message).toMatch(message);
    }
    const after = (await cloud.admin('GET', 'state')).body;
    expect({ ...after, savedAt: 0 }).toEqual({ ...saved, savedAt: 0 });
    await cloud.admin('POST', 'state/reset');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachDiskRequest,
  CreateDiskRequest,
  CreateImageRequest,
  CreateSnapshotRequest,
  CreateSnapshotRequestTag,
  DeleteDiskRequest,
  DeleteImageRequest,
  DeleteSnapshotRequest,
  DescribeImagesRequest,
  DescribeSnapshotsRequest,
  DescribeSnapshotsRequestTag,
  DetachDiskRequest,
  RunInstancesRequestDataDisk,
  StopInstanceRequest,
} from '@alicloud/ecs20140526';
import type { EcsClient } from '../support/cloud.js';
import { launchRunning, startCompute, type SteppedCloud } from './instances-support.js';
import { ZONE, createNetwork } from '../support/network.js';
import { describeDisks, describeSnapshot, eventually, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';

const STEP = 20_000;
const SNAPSHOT_MS = 20_000;

describe('snapshots with the official ECS SDK', () => {
  let cloud: SteppedCloud;
  let ecs: EcsClient;
  let region: string;
  let instanceId: string;
  let systemDiskId: string;

  beforeAll(async () => {
    const setup = await startCompute({ instanceTransitionMs: STEP, snapshotCreationMs: SNAPSHOT_MS, imageCreationMs: 1_000 });
    ({ cloud, ecs, region } = setup);
    instanceId = await launchRunning(setup, STEP);
    const [system] = await describeDisks(ecs, { regionId: region, instanceId, diskType: 'system' });
    systemDiskId = system!.diskId!;
  });
  afterAll(async () => {
    await cloud?.tc.close();
  });

  async function createSnapshot(fields: Partial<CreateSnapshotRequest>): Promise<string> {
    const response = await ecs.createSnapshot(new CreateSnapshotRequest({ diskId: systemDiskId, ...fields }));
    return response.body!.snapshotId!;
  }
  async function settle(id: string): Promise<void> {
    cloud.advance(SNAPSHOT_MS);
    await eventually(async () => (await describeSnapshot(ecs, region, id))?.status, 'accomplished');
  }
  async function newDataDisk(): Promise<string> {
    const response = await ecs.createDisk(new CreateDiskRequest({ regionId: region, zoneId: ZONE, diskCategory: 'cloud_essd', size: 50 }));
    return response.body!.diskId!;
  }
  async function list(fields: Partial<DescribeSnapshotsRequest>): Promise<string[]> {
    const response = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId: region, pageSize: 100, ...fields }));
    return response.body!.snapshots!.snapshot!.map((snapshot) => snapshot.snapshotId!).sort();
  }

  it('CreateSnapshot: progressing with Progress growing over time, then accomplished', async () => {
    const id = await createSnapshot({
      snapshotName: 'before-upgrade',
      description: 'system disk before the upgrade',
      retentionDays: 30,
      category: 'Standard',
      tag: [new CreateSnapshotRequestTag({ key: 'purpose', value: 'backup' })],
    });
    expect(id).toMatch(/^s-bp[0-9a-z]{18}$/);
    const fresh = await describeSnapshot(ecs, region, id);
    expect(fresh).toMatchObject({
      snapshotId: id,
      snapshotName: 'before-upgrade',
      description: 'system disk before the upgrade',
      status: 'progressing',
      progress: '0%',
      available: false,
      sourceDiskId: systemDiskId,
      sourceDiskSize: '40',
      sourceDiskType: 'System',
      retentionDays: 30,
      category: 'standard',
      snapshotType: 'user',
      usage: 'none',
    });
    expect(fresh?.remainTime).toBe(SNAPSHOT_MS / 1000);
    expect(fresh?.resourceGroupId).toMatch(/^rg-/);
    expect(fresh?.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(fresh?.tags?.tag).toEqual([expect.objectContaining({ tagKey: 'purpose', tagValue: 'backup' })]);

    await expectEcsError(createSnapshot({}), 'IncorrectDiskStatus.CreatingSnapshot', 403);
    cloud.advance(SNAPSHOT_MS / 2);
    // Half the time has passed (plus the few milliseconds the calls took).
    const halfway = Number.parseInt((await describeSnapshot(ecs, region, id))?.progress ?? '', 10);
    expect(halfway).toBeGreaterThanOrEqual(50);
    expect(halfway).toBeLessThan(60);
    cloud.advance(SNAPSHOT_MS / 2);
    await eventually(async () => (await describeSnapshot(ecs, region, id))?.status, 'accomplished');
    expect(await describeSnapshot(ecs, region, id)).toMatchObject({ progress: '100%', available: true, remainTime: 0 });
  });

  it('CreateSnapshot refuses what ECS refuses', async () => {
    await expectEcsError(createSnapshot({ diskId: 'd-bpnotthere000000000' }), 'InvalidDiskId.NotFound', 404);
    await expectEcsError(createSnapshot({ snapshotName: 'auto-nightly' }), 'InvalidSnapshotName.Malformed', 400);
    await expectEcsError(createSnapshot({ snapshotName: 'x' }), 'InvalidSnapshotName.Malformed');
    await expectEcsError(createSnapshot({ description: 'https://example.com' }), 'InvalidDescription.Malformed');
    await expectEcsError(createSnapshot({ retentionDays: 0 }), 'InvalidParameter', 400);
    await expectEcsError(createSnapshot({ category: 'Archive' }), 'InvalidSnapshotCategory.Malformed', 403);
    await expectEcsError(createSnapshot({ resourceGroupId: 'rg-notmine000000000' }), 'InvalidResourceGroup.NotFound', 404);
    // A disk that was never attached has nothing to snapshot.
    await expectEcsError(createSnapshot({ diskId: await newDataDisk() }), 'IncorrectDiskStatus.NeverAttached', 403);
  });

  it('CreateSnapshot with ClientToken is idempotent', async () => {
    const first = await createSnapshot({ clientToken: 'snap-token-1', snapshotName: 'once' });
    expect(await createSnapshot({ clientToken: 'snap-token-1', snapshotName: 'once' })).toBe(first);
    await expectEcsError(createSnapshot({ clientToken: 'snap-token-1', snapshotName: 'twice' }), 'IdempotentParameterMismatch');
    await settle(first);
  });

  it('a detached data disk can be snapshotted, and cannot be deleted while its snapshot is in progress', async () => {
    const diskId = await newDataDisk();
    await ecs.attachDisk(new AttachDiskRequest({ diskId, instanceId }));
    await ecs.detachDisk(new DetachDiskRequest({ diskId, instanceId }));
    const id = await createSnapshot({ diskId });
    expect((await describeSnapshot(ecs, region, id))?.sourceDiskType).toBe('Data');
    await expectEcsError(ecs.deleteDisk(new DeleteDiskRequest({ diskId })), 'DiskCreatingSnapshot', 403);
    await settle(id);
    await ecs.deleteDisk(new DeleteDiskRequest({ diskId }));
    // The snapshot outlives its disk.
    expect((await describeSnapshot(ecs, region, id))?.status).toBe('accomplished');
  });

  it('disks made from a snapshot: size rules, Usage=disk, DeleteSnapshot needs Force', async () => {
    const id = await createSnapshot({ snapshotName: 'disk-source' });
    await expectEcsError(
      ecs.createDisk(new CreateDiskRequest({ regionId: region, zoneId: ZONE, diskCategory: 'cloud_essd', snapshotId: id })),
      'InvalidSnapshot.NotReady',
      403,
    );
    await settle(id);
    await expectEcsError(
      ecs.createDisk(new CreateDiskRequest({ regionId: region, zoneId: ZONE, diskCategory: 'cloud_essd', snapshotId: id, size: 30 })),
      'InvalidDiskSize.TooSmall',
      403,
    );
    const created = await ecs.createDisk(new CreateDiskRequest({ regionId: region, zoneId: ZONE, diskCategory: 'cloud_essd', snapshotId: id }));
    const [disk] = await describeDisks(ecs, { regionId: region, diskIds: JSON.stringify([created.body!.diskId]) });
    expect(disk).toMatchObject({ size: 40, sourceSnapshotId: id, status: 'Available' });
    expect((await describeSnapshot(ecs, region, id))?.usage).toBe('disk');
    expect(await list({ usage: 'disk' })).toContain(id);

    await expectEcsError(ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: id })), 'SnapshotCreatedDisk', 403);
    await ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: id, force: true }));
    expect(await describeSnapshot(ecs, region, id)).toBeUndefined();
    await expectEcsError(ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: id })), 'InvalidSnapshotId.NotFound', 404);
  });

  it('RunInstances with DataDisk.N.SnapshotId: a data disk of the snapshot size, unless a larger one is asked for', async () => {
    const id = await createSnapshot({ snapshotName: 'seed-data' });
    const network = await createNetwork(cloud.tc, { cidrBlock: '172.16.7.0/24' });
    const request = (size?: number) =>
      runRequest(cloud.tc, network, { dataDisk: [new RunInstancesRequestDataDisk({ category: 'cloud_essd', snapshotId: id, size })] });
    await expectEcsError(runInstances(ecs, request()), 'InvalidSnapshotId.NotReady', 403);
    await settle(id);
    await expectEcsError(runInstances(ecs, request(20)), 'InvalidDiskSize.TooSmall', 403);
    const [launched] = await runInstances(ecs, request());
    const [seeded] = await describeDisks(ecs, { regionId: region, instanceId: launched, diskType: 'data' });
    expect(seeded).toMatchObject({ size: 40, sourceSnapshotId: id, status: 'In_use', device: '/dev/xvdb' });
    expect((await describeSnapshot(ecs, region, id))?.usage).toBe('disk');
  });

  it('a snapshot an image was made from cannot be deleted, even with Force, until the image is gone', async () => {
    const id = await createSnapshot({ snapshotName: 'image-source' });
    await settle(id);
    const image = await ecs.createImage(new CreateImageRequest({ regionId: region, snapshotId: id, imageName: 'from-snapshot' }));
    const imageId = image.body!.imageId!;
    expect((await describeSnapshot(ecs, region, id))?.usage).toBe('image');
    expect(await list({ usage: 'image' })).toEqual([id]);
    await expectEcsError(ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: id })), 'SnapshotCreatedImage', 403);
    await expectEcsError(ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: id, force: true })), 'SnapshotCreatedImage', 403);

    cloud.advance(5_000);
    await eventually(async () => {
      const response = await ecs.describeImages(new DescribeImagesRequest({ regionId: region, imageId, status: 'ALL' }));
      return response.body!.images!.image![0]?.status;
    }, 'Available');
    await ecs.deleteImage(new DeleteImageRequest({ regionId: region, imageId }));
    expect((await describeSnapshot(ecs, region, id))?.usage).toBe('none');
    await ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: id }));
    expect(await describeSnapshot(ecs, region, id)).toBeUndefined();
  });

  it('DescribeSnapshots filters and pages', async () => {
    const tagged = await createSnapshot({ tag: [new CreateSnapshotRequestTag({ key: 'find', value: 'me' })] });
    expect(await list({ tag: [new DescribeSnapshotsRequestTag({ key: 'find', value: 'me' })] })).toEqual([tagged]);
    expect(await list({ status: 'progressing' })).toEqual([tagged]);
    expect(await list({ diskId: systemDiskId })).toContain(tagged);
    expect(await list({ instanceId })).toContain(tagged);
    expect(await list({ sourceDiskType: 'data' })).not.toContain(tagged);
    expect(await list({ sourceDiskType: 'System' })).toContain(tagged);
    expect(await list({ snapshotType: 'auto' })).toEqual([]);
    expect(await list({ snapshotIds: JSON.stringify([tagged, 's-bpunknown00000000000']) })).toEqual([tagged]);
    await expectEcsError(list({ status: 'done' }), 'InvalidStatus.NotFound', 404);
    await expectEcsError(list({ usage: 'everything' }), 'InvalidUsage', 404);
    await expectEcsError(list({ snapshotType: 'manual' }), 'InvalidSnapshotType.NotFound', 404);
    await expectEcsError(list({ sourceDiskType: 'root' }), 'InvalidSourceDiskType', 404);
    await expectEcsError(list({ snapshotIds: JSON.stringify(Array.from({ length: 101 }, (_, i) => `s-${i}`)) }), 'InvalidSnapshotIds.Malformed', 403);

    const all = await list({});
    const page = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId: region, pageSize: 2, pageNumber: 1 }));
    expect(page.body).toMatchObject({ pageNumber: 1, pageSize: 2, totalCount: all.length });
    await settle(tagged);
  });

  it('a snapshot in progress finishes after a restart, once', async () => {
    const id = await createSnapshot({ snapshotName: 'survives-restart' });
    await cloud.tc.restart();
    // The SDK's kept-alive sockets to the stopped server close under it: let them go first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    ecs = cloud.tc.ecsClient();
    expect((await describeSnapshot(ecs, region, id))?.status).toBe('progressing');
    await settle(id);
    const done = await cloud.tc.cloud.store.db.selectFrom('jobs').selectAll().where('resource_id', '=', id).execute();
    expect(done.map((job) => job.state)).toEqual(['done']);
  });

  it('the instance must be Running or Stopped', async () => {
    await ecs.stopInstance(new StopInstanceRequest({ instanceId }));
    await expectEcsError(createSnapshot({}), 'IncorrectInstanceStatus');
    cloud.advance(STEP);
    await waitForInstanceStatus(ecs, region, instanceId, 'Stopped');
    await settle(await createSnapshot({}));
  });

  it('another account cannot see, snapshot or delete', async () => {
    const id = await createSnapshot({});
    const keys = await cloud.tc.createAccount();
    const stranger = cloud.tc.ecsClient({ accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
    expect(await describeSnapshot(stranger, region, id)).toBeUndefined();
    await expectEcsError(stranger.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: id })), 'InvalidSnapshotId.NotFound', 404);
    await expectEcsError(stranger.createSnapshot(new CreateSnapshotRequest({ diskId: systemDiskId })), 'InvalidDiskId.NotFound', 404);
    await expectEcsError(
      stranger.createDisk(new CreateDiskRequest({ regionId: region, zoneId: ZONE, diskCategory: 'cloud_essd', snapshotId: id })),
      'InvalidSnapshotId.NotFound',
      404,
    );
  });
});

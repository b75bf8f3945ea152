/**
 * Images made from what the compute actions create — RunInstances,
 * CreateSnapshot — end to end through the official SDK, as the seed's
 * example does (instance → alicloud_image), and the snapshot rules between
 * the two areas: a snapshot an image is made from cannot be deleted while
 * the image exists; afterwards it can (the provider's delete_auto_snapshot).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateImageRequest,
  CreateSnapshotRequest,
  DeleteImageRequest,
  DeleteSnapshotRequest,
  DescribeSnapshotsRequest,
  RunInstancesRequestDataDisk,
  StopInstanceRequest,
} from '@alicloud/ecs20140526';
import { useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { untilRunning } from './instances-support.js';
import { describeImage, waitForImage } from './images-support.js';
import { createNetwork, type Network } from '../support/network.js';
import { describeDisks, describeSnapshot, eventually, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';

const regionId = 'cn-hangzhou';
/** Every transition: long beside the real time a test takes; things settle when the test moves the clock. */
const STEP_MS = 10_000;

describe('images from real instances and snapshots', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { instanceTransitionMs: STEP_MS, snapshotCreationMs: STEP_MS, imageCreationMs: STEP_MS } });
  const stepped = { tc, ...clock };
  let network: Network;
  beforeAll(async () => {
    network = await createNetwork(tc);
  });

  it('RunInstances → CreateImage(InstanceId): refused while starting, then one snapshot per disk, Available', async () => {
    for (const signature of ['v3', 'v1'] as const) {
      const ecs = tc.ecsClient({ signature });
      const [instanceId = ''] = await runInstances(
        ecs,
        runRequest(tc, network, { dataDisk: [new RunInstancesRequestDataDisk({ category: 'cloud_essd', size: 60 })], instanceName: `src-${signature}` }),
      );
      await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, instanceId })), 'IncorrectInstanceStatus', 400);
      await untilRunning(stepped, ecs, instanceId, STEP_MS);

      const created = await ecs.createImage(new CreateImageRequest({ regionId, instanceId, imageName: `from-instance-${signature}` }));
      const imageId = created.body?.imageId ?? '';
      const creating = await describeImage(ecs, imageId);
      expect(creating).toMatchObject({ status: 'Creating', usable: false, platform: 'Ubuntu', architecture: 'x86_64' });
      const disks = await describeDisks(ecs, { regionId, instanceId });
      const mappings = creating?.diskDeviceMappings?.diskDeviceMapping ?? [];
      expect(mappings.map((mapping) => mapping.type)).toEqual(['system', 'data']);
      expect(mappings.map((mapping) => mapping.size)).toEqual(
        [...disks].sort((a, b) => (a.type === 'system' ? -1 : b.type === 'system' ? 1 : 0)).map((disk) => String(disk.size)),
      );

      clock.advance(STEP_MS);
      const done = await waitForImage(ecs, imageId, (image) => image.usable === true);
      expect(done.status).toBe('Available');
      for (const mapping of mappings) {
        const snapshot = await describeSnapshot(ecs, regionId, mapping.snapshotId ?? '');
        expect(snapshot?.status).toBe('accomplished');
      }
    }
  });

  it('CreateSnapshot of a system disk → CreateImage(SnapshotId); the snapshot is locked while the image exists', async () => {
    const ecs = tc.ecsClient();
    const [instanceId = ''] = await runInstances(ecs, runRequest(tc, network, { dataDisk: [new RunInstancesRequestDataDisk({ category: 'cloud_essd', size: 40 })] }));
    await untilRunning(stepped, ecs, instanceId, STEP_MS);
    await ecs.stopInstance(new StopInstanceRequest({ instanceId }));
    clock.advance(STEP_MS);
    await waitForInstanceStatus(ecs, regionId, instanceId, 'Stopped');
    const disks = await describeDisks(ecs, { regionId, instanceId });
    const systemDisk = disks.find((disk) => disk.type === 'system');
    const dataDisk = disks.find((disk) => disk.type === 'data');
    const system = (await ecs.createSnapshot(new CreateSnapshotRequest({ diskId: systemDisk?.diskId, snapshotName: 'system-snap' }))).body?.snapshotId ?? '';
    const data = (await ecs.createSnapshot(new CreateSnapshotRequest({ diskId: dataDisk?.diskId, snapshotName: 'data-snap' }))).body?.snapshotId ?? '';

    await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, snapshotId: system })), 'InvalidSnapshotId.NotReady', 403);
    clock.advance(STEP_MS);
    await eventually(async () => (await describeSnapshot(ecs, regionId, system))?.status, 'accomplished');
    await eventually(async () => (await describeSnapshot(ecs, regionId, data))?.status, 'accomplished');
    await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, snapshotId: data })), 'OperationDenied', 403);

    const created = await ecs.createImage(new CreateImageRequest({ regionId, snapshotId: system, imageName: 'from-real-snapshot' }));
    const imageId = created.body?.imageId ?? '';
    clock.advance(STEP_MS);
    const done = await waitForImage(ecs, imageId, (image) => image.usable === true);
    expect(done.diskDeviceMappings?.diskDeviceMapping?.[0]).toMatchObject({ snapshotId: system, size: String(systemDisk?.size), type: 'system' });

    await expectEcsError(ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: system, force: true })), 'SnapshotCreatedImage');
    // What the provider's delete_auto_snapshot does: delete the image, then its snapshots with Force=true.
    await ecs.deleteImage(new DeleteImageRequest({ regionId, imageId, force: false }));
    await ecs.deleteSnapshot(new DeleteSnapshotRequest({ snapshotId: system, force: true }));
    const left = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId, snapshotIds: JSON.stringify([system]) }));
    expect(left.body?.snapshots?.snapshot).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachDiskRequest,
  CreateDiskRequest,
  CreateDiskRequestTag,
  DeleteDiskRequest,
  DescribeDisksRequest,
  DescribeDisksRequestTag,
  DetachDiskRequest,
  StopInstanceRequest,
} from '@alicloud/ecs20140526';
import type { EcsClient } from '../support/cloud.js';
import { launchRunning, startCompute, type SteppedCloud } from './instances-support.js';
import { OLD_ZONE, describeDisks, waitForInstanceStatus } from '../support/compute.js';
import { ZONE, type Network } from '../support/network.js';
import { expectEcsError } from '../support/sdk-error.js';

const STEP = 20_000;

describe('disks with the official ECS SDK', () => {
  let cloud: SteppedCloud;
  let ecs: EcsClient;
  let network: Network;
  let region: string;
  let instanceId: string;

  beforeAll(async () => {
    const setup = await startCompute({ instanceTransitionMs: STEP });
    ({ cloud, ecs, region, network } = setup);
    instanceId = await launchRunning(setup, STEP);
  });
  afterAll(async () => {
    await cloud?.tc.close();
  });

  async function createDisk(fields: Partial<CreateDiskRequest>): Promise<string> {
    const response = await ecs.createDisk(new CreateDiskRequest({ regionId: region, zoneId: ZONE, diskCategory: 'cloud_essd', size: 40, ...fields }));
    return response.body!.diskId!;
  }
  const diskById = async (id: string) => (await describeDisks(ecs, { regionId: region, diskIds: JSON.stringify([id]) }))[0];

  it('CreateDisk: an Available data disk with every field terraform reads', async () => {
    const id = await createDisk({
      diskName: 'data-disk',
      description: 'scratch space',
      performanceLevel: 'PL0',
      tag: [new CreateDiskRequestTag({ key: 'team', value: 'storage' })],
    });
    expect(id).toMatch(/^d-bp[0-9a-z]{18}$/);
    const disk = await diskById(id);
    expect(disk).toMatchObject({
      diskId: id,
      diskName: 'data-disk',
      description: 'scratch space',
      category: 'cloud_essd',
      performanceLevel: 'PL0',
      size: 40,
      zoneId: ZONE,
      regionId: region,
      status: 'Available',
      type: 'data',
      instanceId: '',
      device: '',
      portable: true,
      deleteWithInstance: false,
      encrypted: false,
      diskChargeType: 'PostPaid',
      sourceSnapshotId: '',
      attachedTime: '',
    });
    expect(disk?.resourceGroupId).toMatch(/^rg-/);
    expect(disk?.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(disk?.tags?.tag).toEqual([expect.objectContaining({ tagKey: 'team', tagValue: 'storage' })]);
    expect(disk?.attachments?.attachment).toEqual([]);
  });

  it('CreateDisk refuses what ECS refuses', async () => {
    await expectEcsError(ecs.createDisk(new CreateDiskRequest({ regionId: region, diskCategory: 'cloud_essd', size: 40 })), 'MissingParameter', 400);
    await expectEcsError(createDisk({ zoneId: 'cn-hangzhou-z' }), 'InvalidZoneId.NotFound', 404);
    await expectEcsError(createDisk({ size: undefined }), 'MissingParameter');
    await expectEcsError(createDisk({ diskCategory: 'floppy' }), 'InvalidDiskCategory.ValueNotSupported', 400);
    // Basic disks are sold only in the older zones.
    await expectEcsError(createDisk({ diskCategory: 'cloud' }), 'InvalidDataDiskCategory.NotSupported', 403);
    expect(await createDisk({ zoneId: OLD_ZONE, diskCategory: 'cloud', size: 5 })).toMatch(/^d-/);
    await expectEcsError(createDisk({ zoneId: OLD_ZONE, diskCategory: 'cloud', size: 2001 }), 'InvalidDiskSize.NotSupported', 403);
    await expectEcsError(createDisk({ diskCategory: 'cloud_efficiency', size: 19 }), 'InvalidDiskSize.NotSupported');
    await expectEcsError(createDisk({ performanceLevel: 'PL2', size: 460 }), 'InvalidDiskSize.NotSupported');
    await expectEcsError(createDisk({ performanceLevel: 'PL5' }), 'InvalidPerformanceLevel.Malformed', 400);
    await expectEcsError(createDisk({ diskName: '9lives' }), 'InvalidDiskName.Malformed', 400);
    await expectEcsError(createDisk({ description: 'http://x.example' }), 'InvalidDescription.Malformed', 400);
    await expectEcsError(createDisk({ snapshotId: 's-bpnotthere00000000000', size: undefined }), 'InvalidSnapshotId.NotFound', 404);
    await expectEcsError(createDisk({ resourceGroupId: 'rg-notmine000000000' }), 'InvalidResourceGroup.NotFound', 404);
  });

  it('CreateDisk with ClientToken is idempotent', async () => {
    const first = await createDisk({ clientToken: 'disk-token-1', diskName: 'once' });
    expect(await createDisk({ clientToken: 'disk-token-1', diskName: 'once' })).toBe(first);
    await expectEcsError(createDisk({ clientToken: 'disk-token-1', diskName: 'twice' }), 'IdempotentParameterMismatch');
    expect(await describeDisks(ecs, { regionId: region, diskName: 'once' })).toHaveLength(1);
  });

  it('AttachDisk / DetachDisk: devices in order, zone and status rules, DeleteWithInstance', async () => {
    const first = await createDisk({ diskName: 'first' });
    const second = await createDisk({ diskName: 'second' });
    await ecs.attachDisk(new AttachDiskRequest({ diskId: first, instanceId }));
    await ecs.attachDisk(new AttachDiskRequest({ diskId: second, instanceId, deleteWithInstance: true }));
    expect(await diskById(first)).toMatchObject({ status: 'In_use', instanceId, device: '/dev/xvdb', deleteWithInstance: false });
    const attached = await diskById(second);
    expect(attached).toMatchObject({ status: 'In_use', instanceId, device: '/dev/xvdc', deleteWithInstance: true });
    expect(attached?.attachments?.attachment?.[0]).toMatchObject({ instanceId, device: '/dev/xvdc' });
    expect(attached?.attachedTime).toMatch(/Z$/);
    const onInstance = await describeDisks(ecs, { regionId: region, instanceId, diskType: 'data' });
    expect(onInstance.map((disk) => disk.diskId).sort()).toEqual([first, second].sort());

    await expectEcsError(ecs.attachDisk(new AttachDiskRequest({ diskId: first, instanceId })), 'IncorrectDiskStatus', 403);
    const elsewhere = await createDisk({ zoneId: 'cn-hangzhou-i' });
    await expectEcsError(ecs.attachDisk(new AttachDiskRequest({ diskId: elsewhere, instanceId })), 'OperationDenied', 403);
    await expectEcsError(ecs.attachDisk(new AttachDiskRequest({ diskId: 'd-bpnotthere000000000', instanceId })), 'InvalidDiskId.NotFound', 404);
    await expectEcsError(ecs.attachDisk(new AttachDiskRequest({ diskId: elsewhere, instanceId: 'i-bpnotthere00000000' })), 'InvalidInstanceId.NotFound', 404);

    // The freed device is handed out again.
    await ecs.detachDisk(new DetachDiskRequest({ diskId: first, instanceId }));
    expect(await diskById(first)).toMatchObject({ status: 'Available', instanceId: '', device: '' });
    await expectEcsError(ecs.detachDisk(new DetachDiskRequest({ diskId: first, instanceId })), 'InvalidDisk.AlreadyDetached', 403);
    const third = await createDisk({ diskName: 'third' });
    await ecs.attachDisk(new AttachDiskRequest({ diskId: third, instanceId }));
    expect((await diskById(third))?.device).toBe('/dev/xvdb');

    // The system disk only leaves a Stopped instance.
    const [system] = await describeDisks(ecs, { regionId: region, instanceId, diskType: 'system' });
    await expectEcsError(ecs.detachDisk(new DetachDiskRequest({ diskId: system!.diskId, instanceId })), 'IncorrectInstanceStatus');
    await ecs.stopInstance(new StopInstanceRequest({ instanceId }));
    await expectEcsError(ecs.attachDisk(new AttachDiskRequest({ diskId: first, instanceId })), 'IncorrectInstanceStatus');
    cloud.advance(STEP);
    await waitForInstanceStatus(ecs, region, instanceId, 'Stopped');
    await ecs.detachDisk(new DetachDiskRequest({ diskId: system!.diskId, instanceId }));
    expect(await diskById(system!.diskId!)).toMatchObject({ status: 'Available', type: 'system' });
    await ecs.attachDisk(new AttachDiskRequest({ diskId: system!.diskId, instanceId, bootable: true }));
    expect(await diskById(system!.diskId!)).toMatchObject({ status: 'In_use', device: '/dev/xvda' });
  });

  it('CreateDisk with InstanceId attaches the new disk in the instance zone', async () => {
    const response = await ecs.createDisk(new CreateDiskRequest({ regionId: region, instanceId, diskCategory: 'cloud_ssd', size: 20 }));
    const disk = await diskById(response.body!.diskId!);
    expect(disk).toMatchObject({ status: 'In_use', instanceId, zoneId: ZONE });
    expect(disk?.device).toMatch(/^\/dev\/xvd[b-q]$/);
  });

  it('DeleteDisk: only Available disks', async () => {
    const id = await createDisk({});
    await ecs.attachDisk(new AttachDiskRequest({ diskId: id, instanceId }));
    await expectEcsError(ecs.deleteDisk(new DeleteDiskRequest({ diskId: id })), 'DiskStillAttached', 403);
    await ecs.detachDisk(new DetachDiskRequest({ diskId: id, instanceId }));
    await ecs.deleteDisk(new DeleteDiskRequest({ diskId: id }));
    expect(await diskById(id)).toBeUndefined();
    await expectEcsError(ecs.deleteDisk(new DeleteDiskRequest({ diskId: id })), 'InvalidDiskId.NotFound', 404);
  });

  it('DescribeDisks filters and pages', async () => {
    const tagged = await createDisk({ diskCategory: 'cloud_efficiency', size: 20, tag: [new CreateDiskRequestTag({ key: 'find', value: 'me' })] });
    const found = await describeDisks(ecs, { regionId: region, tag: [new DescribeDisksRequestTag({ key: 'find', value: 'me' })] });
    expect(found.map((disk) => disk.diskId)).toEqual([tagged]);
    const efficiency = await describeDisks(ecs, { regionId: region, category: 'cloud_efficiency', status: 'Available' });
    expect(efficiency.map((disk) => disk.diskId)).toContain(tagged);
    expect(efficiency.every((disk) => disk.category === 'cloud_efficiency' && disk.status === 'Available')).toBe(true);
    const system = await describeDisks(ecs, { regionId: region, diskType: 'system' });
    expect(system.every((disk) => disk.type === 'system')).toBe(true);
    await expectEcsError(describeDisks(ecs, { regionId: region, diskType: 'root' }), 'InvalidDiskType.ValueNotSupported', 400);
    await expectEcsError(describeDisks(ecs, { regionId: region, status: 'Sleeping' }), 'InvalidStatus.ValueNotSupported');
    await expectEcsError(describeDisks(ecs, { regionId: region, category: 'floppy' }), 'InvalidCategory.ValueNotSupported');

    const all = await describeDisks(ecs, { regionId: region });
    const page = await ecs.describeDisks(new DescribeDisksRequest({ regionId: region, pageSize: 3, pageNumber: 2 }));
    expect(page.body).toMatchObject({ pageNumber: 2, pageSize: 3, totalCount: all.length });
    expect(page.body!.disks!.disk!.map((disk) => disk.diskId)).toEqual(all.slice(3, 6).map((disk) => disk.diskId));
    await expectEcsError(describeDisks(ecs, { regionId: region, pageSize: undefined, maxResults: 5 }), 'InvalidParameter');
  });

  it('another account cannot see, attach or delete the disks', async () => {
    const id = await createDisk({});
    const keys = await cloud.tc.createAccount();
    const stranger = cloud.tc.ecsClient({ accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
    expect(await describeDisks(stranger, { regionId: region, diskIds: JSON.stringify([id]) })).toEqual([]);
    await expectEcsError(stranger.deleteDisk(new DeleteDiskRequest({ diskId: id })), 'InvalidDiskId.NotFound', 404);
    await expectEcsError(stranger.attachDisk(new AttachDiskRequest({ diskId: id, instanceId })), 'InvalidInstanceId.NotFound', 404);
    expect((await diskById(id))?.status).toBe('Available');
  });
});

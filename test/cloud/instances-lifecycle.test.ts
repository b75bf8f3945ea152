import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInstanceRequest,
  DeleteInstanceRequest,
  RunInstancesRequestDataDisk,
  RunInstancesRequestSystemDisk,
  RunInstancesRequestTag,
  StartInstanceRequest,
  StopInstanceRequest,
} from '@alicloud/ecs20140526';
import type { EcsClient } from '../support/cloud.js';
import { startCompute, untilRunning, type SteppedCloud } from './instances-support.js';
import { describeDisks, describeInstance, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';
import { type Network } from '../support/network.js';

const STEP = 20_000;

describe('instance lifecycle with the official ECS SDK', () => {
  let cloud: SteppedCloud;
  let ecs: EcsClient;
  let network: Network;
  let region: string;

  beforeAll(async () => {
    ({ cloud, ecs, region, network } = await startCompute({ instanceTransitionMs: STEP }));
  });
  afterAll(async () => {
    await cloud?.tc.close();
  });

  it('RunInstances: Pending → Starting → Running as the clock moves, with every field terraform reads', async () => {
    const [id] = await runInstances(
      ecs,
      runRequest(cloud.tc, network, {
        instanceName: 'terraform-example',
        description: 'the seed instance',
        internetMaxBandwidthOut: 10,
        systemDisk: new RunInstancesRequestSystemDisk({ category: 'cloud_efficiency', size: '50', diskName: 'root-disk' }),
        dataDisk: [
          new RunInstancesRequestDataDisk({ category: 'cloud_ssd', size: 100, diskName: 'data-one' }),
          new RunInstancesRequestDataDisk({ category: 'cloud_essd', size: 40, performanceLevel: 'PL0', deleteWithInstance: false }),
        ],
        tag: [new RunInstancesRequestTag({ key: 'team', value: 'images' })],
      }),
    );
    expect(id).toMatch(/^i-bp[0-9a-z]{18}$/);
    const pending = await describeInstance(ecs, region, id!);
    expect(pending?.status).toBe('Pending');

    await untilRunning(cloud, ecs, id!, STEP);

    const instance = await describeInstance(ecs, region, id!);
    expect(instance).toMatchObject({
      instanceId: id,
      instanceName: 'terraform-example',
      description: 'the seed instance',
      regionId: 'cn-hangzhou',
      zoneId: network.zoneId,
      instanceType: 'ecs.sn1ne.large',
      instanceTypeFamily: 'ecs.sn1ne',
      cpu: 2,
      memory: 4096,
      imageId: 'ubuntu_18_04_x64_20G_alibase_20240115.vhd',
      OSType: 'linux',
      instanceNetworkType: 'vpc',
      internetChargeType: 'PayByTraffic',
      internetMaxBandwidthOut: 10,
      instanceChargeType: 'PostPaid',
      spotStrategy: 'NoSpot',
      deletionProtection: false,
      expiredTime: '2099-12-31T15:59Z',
      stoppedMode: 'Not-applicable',
    });
    expect(instance?.hostName).toBe(`iZ${id!.slice(2)}Z`);
    expect(instance?.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(instance?.OSName).toContain('Ubuntu');
    expect(instance?.resourceGroupId).toMatch(/^rg-/);
    expect(instance?.vpcAttributes?.vpcId).toBe(network.vpcId);
    expect(instance?.vpcAttributes?.vSwitchId).toBe(network.vSwitchId);
    const [privateIp] = instance?.vpcAttributes?.privateIpAddress?.ipAddress ?? [];
    expect(privateIp).toMatch(/^172\.16\.1\.\d+$/);
    expect(instance?.publicIpAddress?.ipAddress).toHaveLength(1);
    expect(instance?.securityGroupIds?.securityGroupId).toEqual([network.securityGroupId]);
    expect(instance?.operationLocks?.lockReason).toEqual([]);
    expect(instance?.tags?.tag).toEqual([expect.objectContaining({ tagKey: 'team', tagValue: 'images' })]);
    expect(instance?.networkInterfaces?.networkInterface?.[0]).toMatchObject({ type: 'Primary', primaryIpAddress: privateIp });

    const system = await describeDisks(ecs, { regionId: region, instanceId: id, diskType: 'system' });
    expect(system).toHaveLength(1);
    expect(system[0]).toMatchObject({
      category: 'cloud_efficiency',
      size: 50,
      diskName: 'root-disk',
      status: 'In_use',
      device: '/dev/xvda',
      type: 'system',
      imageId: instance?.imageId,
      deleteWithInstance: true,
      portable: false,
    });
    const data = await describeDisks(ecs, { regionId: region, instanceId: id, diskType: 'data' });
    expect(data.map((disk) => [disk.device, disk.category, disk.size, disk.performanceLevel, disk.deleteWithInstance]).sort()).toEqual([
      ['/dev/xvdb', 'cloud_ssd', 100, '', true],
      ['/dev/xvdc', 'cloud_essd', 40, 'PL0', false],
    ]);
    expect(data.every((disk) => disk.tags?.tag?.[0]?.tagKey === 'team')).toBe(true);

    // Stop, start, stop again, each settling over time.
    await ecs.stopInstance(new StopInstanceRequest({ instanceId: id, forceStop: true }));
    expect((await describeInstance(ecs, region, id!))?.status).toBe('Stopping');
    await expectEcsError(ecs.startInstance(new StartInstanceRequest({ instanceId: id })), 'IncorrectInstanceStatus');
    cloud.advance(STEP);
    await waitForInstanceStatus(ecs, region, id!, 'Stopped');
    expect((await describeInstance(ecs, region, id!))?.stoppedMode).toBe('KeepCharging');
    await expectEcsError(ecs.stopInstance(new StopInstanceRequest({ instanceId: id })), 'IncorrectInstanceStatus');
    await ecs.startInstance(new StartInstanceRequest({ instanceId: id }));
    expect((await describeInstance(ecs, region, id!))?.status).toBe('Starting');
    cloud.advance(STEP);
    await waitForInstanceStatus(ecs, region, id!, 'Running');

    // Deleting a Running instance needs Force; its system disk and DeleteWithInstance disks go with it.
    await expectEcsError(ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id })), 'IncorrectInstanceStatus');
    await ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id, force: true }));
    expect(await describeInstance(ecs, region, id!)).toBeUndefined();
    expect(await describeDisks(ecs, { regionId: region, instanceId: id })).toEqual([]);
    const kept = data.find((disk) => disk.deleteWithInstance === false);
    const [survivor] = await describeDisks(ecs, { regionId: region, diskIds: JSON.stringify([kept?.diskId]) });
    expect(survivor).toMatchObject({ status: 'Available', instanceId: '', device: '' });
    expect(survivor?.detachedTime).toMatch(/Z$/);
    await expectEcsError(ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id, force: true })), 'InvalidInstanceId.NotFound', 404);
  });

  it('CreateInstance leaves the instance Stopped until StartInstance; DeleteInstance of a Stopped one needs no Force', async () => {
    const response = await ecs.createInstance(
      new CreateInstanceRequest({
        regionId: region,
        imageId: 'ubuntu_22_04_x64_20G_alibase_20240220.vhd',
        instanceType: 'ecs.g7.large',
        vSwitchId: network.vSwitchId,
        securityGroupId: network.securityGroupId,
        hostName: 'web-01',
      }),
    );
    const id = response.body!.instanceId!;
    expect(id).toMatch(/^i-/);
    const created = await describeInstance(ecs, region, id);
    expect(created).toMatchObject({ status: 'Stopped', hostName: 'web-01', instanceName: id, cpu: 2, memory: 8192 });
    expect(created?.publicIpAddress?.ipAddress).toEqual([]);
    cloud.advance(STEP);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await describeInstance(ecs, region, id))?.status).toBe('Stopped');

    await ecs.startInstance(new StartInstanceRequest({ instanceId: id }));
    cloud.advance(STEP);
    await waitForInstanceStatus(ecs, region, id, 'Running');
    await ecs.stopInstance(new StopInstanceRequest({ instanceId: id, stoppedMode: 'StopCharging' }));
    cloud.advance(STEP);
    await waitForInstanceStatus(ecs, region, id, 'Stopped');
    await ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id }));
    expect(await describeInstance(ecs, region, id)).toBeUndefined();
  });

  it('a Pending instance cannot be deleted yet (IncorrectInstanceStatus.Initializing, which terraform retries)', async () => {
    const [id] = await runInstances(ecs, runRequest(cloud.tc, network));
    await expectEcsError(
      ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id, force: true })),
      'IncorrectInstanceStatus.Initializing',
      403,
    );
    cloud.advance(STEP / 2);
    await waitForInstanceStatus(ecs, region, id!, 'Starting');
    await ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id, force: true }));
    // The job that would have finished the start finds nothing to do.
    cloud.advance(STEP);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await describeInstance(ecs, region, id!)).toBeUndefined();
  });

  it('DeletionProtection refuses DeleteInstance even with Force', async () => {
    const [id] = await runInstances(ecs, runRequest(cloud.tc, network, { deletionProtection: true }));
    await untilRunning(cloud, ecs, id!, STEP);
    await expectEcsError(
      ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id, force: true })),
      'InvalidOperation.DeletionProtection',
      403,
    );
  });

  it('StartInstance / StopInstance / DeleteInstance with DryRun change nothing', async () => {
    const [id] = await runInstances(ecs, runRequest(cloud.tc, network));
    await untilRunning(cloud, ecs, id!, STEP);
    await expectEcsError(ecs.stopInstance(new StopInstanceRequest({ instanceId: id, dryRun: true })), 'DryRunOperation', 400);
    await expectEcsError(ecs.deleteInstance(new DeleteInstanceRequest({ instanceId: id, force: true, dryRun: true })), 'DryRunOperation');
    expect((await describeInstance(ecs, region, id!))?.status).toBe('Running');
    await expectEcsError(ecs.startInstance(new StartInstanceRequest({ instanceId: 'i-bpdoesnotexist0000000' })), 'InvalidInstanceId.NotFound', 404);
  });
});

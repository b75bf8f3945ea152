/**
 * The charge-type and disk-spec updates of the registry provider's `alicloud_instance`
 * and `alicloud_disk` (ecs-api.md §TF), through the official ECS SDK:
 * ModifyInstanceChargeType (instances and, with IncludeDataDisks, their data disks),
 * ModifyDiskChargeType (data disks of a subscription instance) and ModifyDiskSpec
 * (an ESSD's performance level within its size limits, or the disk category).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as $Ecs from '@alicloud/ecs20140526';
import { useTestCloud } from '../support/cloud.js';
import { createNetwork, type Network } from '../support/network.js';
import { describeDisks, describeInstance, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('charge type and disk spec updates', () => {
  const tc = useTestCloud();
  let network: Network;

  beforeAll(async () => {
    network = await createNetwork(tc);
  });

  async function launch(fields: Partial<$Ecs.RunInstancesRequest> = {}): Promise<string> {
    const [id] = await runInstances(tc.ecsClient(), runRequest(tc, network, fields));
    await waitForInstanceStatus(tc.ecsClient(), tc.regionId, id!, 'Running');
    return id!;
  }

  const withDataDisk = { dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ category: 'cloud_essd', size: 40 })] };

  async function chargeTypes(instanceId: string): Promise<Record<string, string | undefined>> {
    const disks = await describeDisks(tc.ecsClient(), { regionId: tc.regionId, instanceId });
    return Object.fromEntries(disks.map((disk) => [disk.type!, disk.diskChargeType]));
  }

  it('ModifyInstanceChargeType turns instances PrePaid and back, the system disk with them', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const id = await launch(withDataDisk);
    const change = (fields: Partial<$Ecs.ModifyInstanceChargeTypeRequest>) =>
      ecs.modifyInstanceChargeType(new $Ecs.ModifyInstanceChargeTypeRequest({ regionId, instanceIds: JSON.stringify([id]), ...fields }));
    await expectEcsError(change({ instanceChargeType: 'PrePaid' }), 'MissingParameter');
    await expectEcsError(change({ instanceChargeType: 'PrePaid', period: 10 }), 'InvalidPeriod');
    await expectEcsError(change({ instanceChargeType: 'Free', period: 1 }), 'InvalidInstanceChargeType.NotFound');
    await expectEcsError(change({ instanceChargeType: 'PrePaid', period: 1, dryRun: true }), 'DryRunOperation');
    const answer = await change({ instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Month' });
    expect(answer.body?.orderId).toMatch(/^\d+$/);
    expect((await describeInstance(ecs, regionId, id))?.instanceChargeType).toBe('PrePaid');
    expect(await chargeTypes(id)).toEqual({ system: 'PrePaid', data: 'PostPaid' });
    await expectEcsError(change({ instanceChargeType: 'PrePaid', period: 1 }), 'ChargeTypeViolation');
    await change({ instanceChargeType: 'PostPaid' });
    expect((await describeInstance(ecs, regionId, id))?.instanceChargeType).toBe('PostPaid');
    expect(await chargeTypes(id)).toEqual({ system: 'PostPaid', data: 'PostPaid' });
    await change({ instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Week', includeDataDisks: true });
    expect(await chargeTypes(id)).toEqual({ system: 'PrePaid', data: 'PrePaid' });
    await expectEcsError(
      ecs.modifyInstanceChargeType(new $Ecs.ModifyInstanceChargeTypeRequest({ regionId, instanceIds: JSON.stringify(['i-missing']), instanceChargeType: 'PostPaid' })),
      'InvalidInstanceId.NotFound',
    );
    await expectEcsError(ecs.modifyInstanceChargeType(new $Ecs.ModifyInstanceChargeTypeRequest({ regionId, instanceChargeType: 'PostPaid' })), 'MissingParameter');
  });

  it('a subscription launch makes PrePaid disks', async () => {
    const id = await launch({ instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Month', ...withDataDisk });
    expect(await chargeTypes(id)).toEqual({ system: 'PrePaid', data: 'PrePaid' });
  });

  it('ModifyDiskChargeType switches the data disks of a subscription instance', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const postpaid = await launch(withDataDisk);
    const [postpaidData] = await describeDisks(ecs, { regionId, instanceId: postpaid, diskType: 'data' });
    const change = (instanceId: string, diskIds: string[], fields: Partial<$Ecs.ModifyDiskChargeTypeRequest> = {}) =>
      ecs.modifyDiskChargeType(new $Ecs.ModifyDiskChargeTypeRequest({ regionId, instanceId, diskIds: JSON.stringify(diskIds), ...fields }));
    await expectEcsError(change(postpaid, [postpaidData!.diskId!]), 'ChargeTypeViolation');
    const id = await launch({ instanceChargeType: 'PrePaid', period: 1, ...withDataDisk });
    const [data] = await describeDisks(ecs, { regionId, instanceId: id, diskType: 'data' });
    const answer = await change(id, [data!.diskId!], { diskChargeType: 'PostPaid' });
    expect(answer.body?.orderId).toMatch(/^\d+$/);
    expect(await chargeTypes(id)).toEqual({ system: 'PrePaid', data: 'PostPaid' });
    await change(id, [data!.diskId!]);
    expect(await chargeTypes(id)).toEqual({ system: 'PrePaid', data: 'PrePaid' });
    await expectEcsError(change(id, [postpaidData!.diskId!]), 'InvalidParameter');
    await expectEcsError(change(id, ['d-missing']), 'InvalidDiskId.NotFound');
    const [system] = await describeDisks(ecs, { regionId, instanceId: id, diskType: 'system' });
    await expectEcsError(change(id, [system!.diskId!], { diskChargeType: 'PostPaid' }), 'InvalidParameter');
    await expectEcsError(change(id, [data!.diskId!], { diskChargeType: 'Free' }), 'InvalidParameter');
    await expectEcsError(change('i-missing', [data!.diskId!]), 'InvalidInstanceId.NotFound');
  });

  it('ModifyDiskSpec changes an ESSD level within its size limits, and the category', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const zoneId = network.zoneId;
    const created = await ecs.createDisk(new $Ecs.CreateDiskRequest({ regionId, zoneId, diskCategory: 'cloud_essd', size: 100 }));
    const diskId = created.body!.diskId!;
    const spec = (fields: Partial<$Ecs.ModifyDiskSpecRequest>) => ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId, ...fields }));
    const read = async () => (await describeDisks(ecs, { regionId, diskIds: JSON.stringify([diskId]) }))[0];
    // PL2 needs 461 GiB (domain/disk-limits.ts): resize first, as the reference advises.
    await expectEcsError(spec({ performanceLevel: 'PL2' }), 'InvalidDiskSize.NotSupported');
    await expectEcsError(spec({ performanceLevel: 'PL9' }), 'InvalidPerformanceLevel.Malformed');
    await expectEcsError(spec({ performanceLevel: 'PL0' }), 'InvalidPerformanceLevel.Malformed');
    await expectEcsError(spec({ diskCategory: 'cloud' }), 'InvalidDiskCategory.ValueNotSupported');
    await expectEcsError(spec({ performanceLevel: 'PL2', dryRun: true }), 'InvalidDiskSize.NotSupported');
    await ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize: 500 }));
    await expectEcsError(spec({ performanceLevel: 'PL2', dryRun: true }), 'DryRunOperation');
    await spec({ performanceLevel: 'PL2' });
    expect(await read()).toMatchObject({ category: 'cloud_essd', performanceLevel: 'PL2', size: 500 });
    await spec({ performanceLevel: 'PL1' });
    expect((await read())?.performanceLevel).toBe('PL1');
    await spec({ diskCategory: 'cloud_ssd' });
    expect(await read()).toMatchObject({ category: 'cloud_ssd', performanceLevel: '' });
    await spec({ diskCategory: 'cloud_essd' });
    expect(await read()).toMatchObject({ category: 'cloud_essd', performanceLevel: 'PL1' });
    await expectEcsError(ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId: 'd-missing', performanceLevel: 'PL1' })), 'InvalidDiskId.NotFound');
  });

  it('ModifyDiskSpec only upgrades a subscription disk', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const id = await launch({ instanceChargeType: 'PrePaid', period: 1, ...withDataDisk });
    const [data] = await describeDisks(ecs, { regionId, instanceId: id, diskType: 'data' });
    await expectEcsError(ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId: data!.diskId!, diskCategory: 'cloud_ssd' })), 'InvalidDiskCategory.ValueNotSupported');
    await ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId: data!.diskId!, newSize: 500 }));
    const answer = await ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId: data!.diskId!, performanceLevel: 'PL2' }));
    expect(answer.body?.orderId).toMatch(/^\d+$/);
  });
});

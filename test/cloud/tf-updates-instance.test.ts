/**
 * The instance updates the registry provider's `alicloud_instance` makes in place
 * (ecs-api.md §TF), through the official ECS SDK: ModifyInstanceSpec (a Stopped
 * pay-as-you-go instance), ModifyPrepayInstanceSpec (a subscription one) and
 * ModifyInstanceVpcAttribute (another vSwitch or private IP of the same VPC and
 * zone) — each change visible in DescribeInstances, and the documented errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { useTestCloud } from '../support/cloud.js';
import { createNetwork, type Network } from '../support/network.js';
import { OLD_ZONE, describeInstance, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('alicloud_instance in-place updates', () => {
  const tc = useTestCloud();
  let network: Network;

  beforeAll(async () => {
    network = await createNetwork(tc);
  });

  async function launch(fields: Partial<$Ecs.RunInstancesRequest> = {}, on: Network = network): Promise<string> {
    const [id] = await runInstances(tc.ecsClient(), runRequest(tc, on, fields));
    await waitForInstanceStatus(tc.ecsClient(), tc.regionId, id!, 'Running');
    return id!;
  }

  async function stop(id: string): Promise<void> {
    await tc.ecsClient().stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    await waitForInstanceStatus(tc.ecsClient(), tc.regionId, id, 'Stopped');
  }

  it('ModifyInstanceSpec changes the type of a Stopped pay-as-you-go instance', async () => {
    const ecs = tc.ecsClient();
    const id = await launch();
    const spec = (fields: Partial<$Ecs.ModifyInstanceSpecRequest>) => ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, ...fields }));
    await expectEcsError(spec({ instanceType: 'ecs.g6.large' }), 'IncorrectInstanceStatus');
    await stop(id);
    await expectEcsError(spec({ instanceType: 'ecs.nothing.large' }), 'InvalidInstanceType.ValueNotSupported');
    await expectEcsError(spec({ instanceType: 'ecs.g6.large', dryRun: true }), 'DryRunOperation');
    expect((await describeInstance(ecs, tc.regionId, id))?.instanceType).toBe('ecs.sn1ne.large');
    await spec({ instanceType: 'ecs.g6.large', internetMaxBandwidthOut: 5 });
    expect(await describeInstance(ecs, tc.regionId, id)).toMatchObject({ instanceType: 'ecs.g6.large', cpu: 2, memory: 8192, internetMaxBandwidthOut: 5 });
    await expectEcsError(ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: 'i-missing', instanceType: 'ecs.g6.large' })), 'InvalidInstanceId.NotFound');
  });

  it('ModifyInstanceSpec refuses a type the zone does not sell and a subscription instance', async () => {
    const ecs = tc.ecsClient();
    const old = await createNetwork(tc, { zoneId: OLD_ZONE, cidrBlock: '172.16.9.0/24' });
    const id = await launch({}, old);
    await stop(id);
    await expectEcsError(ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: id, instanceType: 'ecs.g8i.large' })), 'InvalidInstanceType.ZoneNotSupported');
    const prepaid = await launch({ instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Month' });
    await stop(prepaid);
    await expectEcsError(ecs.modifyInstanceSpec(new $Ecs.ModifyInstanceSpecRequest({ instanceId: prepaid, instanceType: 'ecs.g6.large' })), 'ChargeTypeViolation');
  });

  it('ModifyPrepayInstanceSpec upgrades a running subscription instance and answers an OrderId', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const id = await launch({ instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Month' });
    const answer = await ecs.modifyPrepayInstanceSpec(new $Ecs.ModifyPrepayInstanceSpecRequest({ regionId, instanceId: id, instanceType: 'ecs.g7.xlarge', operatorType: 'upgrade' }));
    expect(answer.body?.orderId).toMatch(/^\d+$/);
    expect(await describeInstance(ecs, regionId, id)).toMatchObject({ instanceType: 'ecs.g7.xlarge', cpu: 4, memory: 16384, instanceChargeType: 'PrePaid' });
    const postpaid = await launch();
    await expectEcsError(ecs.modifyPrepayInstanceSpec(new $Ecs.ModifyPrepayInstanceSpecRequest({ regionId, instanceId: postpaid, instanceType: 'ecs.g6.large' })), 'ChargeTypeViolation');
    await expectEcsError(ecs.modifyPrepayInstanceSpec(new $Ecs.ModifyPrepayInstanceSpecRequest({ regionId, instanceId: id, instanceType: 'ecs.bogus' })), 'InvalidInstanceType.ValueNotSupported');
    await expectEcsError(ecs.modifyPrepayInstanceSpec(new $Ecs.ModifyPrepayInstanceSpecRequest({ regionId, instanceId: id })), 'MissingParameter');
    await expectEcsError(
      ecs.modifyPrepayInstanceSpec(new $Ecs.ModifyPrepayInstanceSpecRequest({ regionId, instanceId: id, instanceType: 'ecs.g6.large', operatorType: 'sideways' })),
      'InvalidParameter',
    );
  });

  it('ModifyInstanceVpcAttribute moves a Stopped instance to another vSwitch of its VPC, or to another address', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const id = await launch();
    const second = await tc.vpcClient().createVSwitch(
      new $Vpc.CreateVSwitchRequest({ regionId, vpcId: network.vpcId, zoneId: network.zoneId, cidrBlock: '172.16.2.0/24' }),
    );
    const vSwitchId = second.body!.vSwitchId!;
    const move = (fields: Partial<$Ecs.ModifyInstanceVpcAttributeRequest>) => ecs.modifyInstanceVpcAttribute(new $Ecs.ModifyInstanceVpcAttributeRequest({ instanceId: id, ...fields }));
    await expectEcsError(move({ vSwitchId }), 'IncorrectInstanceStatus');
    await stop(id);
    await move({ vSwitchId });
    let described = await describeInstance(ecs, regionId, id);
    expect(described?.vpcAttributes).toMatchObject({ vSwitchId, vpcId: network.vpcId });
    expect(described?.vpcAttributes?.privateIpAddress?.ipAddress?.[0]).toMatch(/^172\.16\.2\./);
    await move({ vSwitchId, privateIpAddress: '172.16.2.77' });
    described = await describeInstance(ecs, regionId, id);
    expect(described?.vpcAttributes?.privateIpAddress?.ipAddress).toEqual(['172.16.2.77']);
    await expectEcsError(move({ vSwitchId, privateIpAddress: '172.16.1.77' }), 'InvalidPrivateIpAddress');
    await expectEcsError(move({ vSwitchId: 'vsw-missing' }), 'InvalidVSwitchId.NotFound');
  });

  it('ModifyInstanceVpcAttribute refuses a vSwitch of another VPC or zone, and a taken address', async () => {
    const ecs = tc.ecsClient();
    const regionId = tc.regionId;
    const id = await launch();
    const neighbour = await launch();
    await stop(id);
    const neighbourIp = (await describeInstance(ecs, regionId, neighbour))?.vpcAttributes?.privateIpAddress?.ipAddress?.[0];
    const move = (fields: Partial<$Ecs.ModifyInstanceVpcAttributeRequest>) => ecs.modifyInstanceVpcAttribute(new $Ecs.ModifyInstanceVpcAttributeRequest({ instanceId: id, ...fields }));
    await expectEcsError(move({ vSwitchId: network.vSwitchId, privateIpAddress: neighbourIp }), 'InvalidPrivateIpAddress.Duplicated');
    const other = await createNetwork(tc, { cidrBlock: '172.16.3.0/24' });
    await expectEcsError(move({ vSwitchId: other.vSwitchId }), 'InvalidVSwitchId.NotFound');
    const otherZone = await tc.vpcClient().createVSwitch(
      new $Vpc.CreateVSwitchRequest({ regionId, vpcId: network.vpcId, zoneId: 'cn-hangzhou-i', cidrBlock: '172.16.4.0/24' }),
    );
    await expectEcsError(move({ vSwitchId: otherZone.body!.vSwitchId! }), 'InvalidVSwitchId.Mismatch');
  });
});

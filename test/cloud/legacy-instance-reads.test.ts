import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateSecurityGroupRequest,
  DescribeImageSupportInstanceTypesRequest,
  DescribeInstanceAttachmentAttributesRequest,
  DescribeInstanceAttributeRequest,
  DescribeInstanceAutoRenewAttributeRequest,
  DescribeInstanceMaintenanceAttributesRequest,
  DescribeInstanceRamRoleRequest,
  DescribeNetworkInterfacesRequest,
  DescribeSecurityGroupAttributeRequest,
  DescribeUserDataRequest,
  ModifyInstanceAttributeRequest,
  ModifySecurityGroupPolicyRequest,
} from '@alicloud/ecs20140526';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { UBUNTU_ARM, UBUNTU_X86, describeInstance, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { createNetwork, type Network } from '../support/network.js';
import { expectEcsError } from '../support/sdk-error.js';
import { sendV1 } from '../support/raw-rpc.js';

const USER_DATA = Buffer.from('#!/bin/sh\necho hello ecs\n').toString('base64');

describe('instance reads older tools and the registry provider make, with the official ECS SDK', () => {
  const cloud = useTestCloud({ settings: { instanceTransitionMs: 0 } });
  let ecs: EcsClient;
  let network: Network;
  let withRole: string;
  let plain: string;

  beforeAll(async () => {
    ecs = cloud.ecsClient();
    network = await createNetwork(cloud);
    [withRole] = await runInstances(ecs, runRequest(cloud, network, { userData: USER_DATA, ramRoleName: 'EcsBuilderRole', instanceName: 'reader' }));
    [plain] = await runInstances(ecs, runRequest(cloud, network));
    await waitForInstanceStatus(ecs, cloud.regionId, withRole, 'Running');
  });

  it('DescribeInstanceAttribute answers what DescribeInstances says, in its own shape', async () => {
    const listed = (await describeInstance(ecs, cloud.regionId, withRole))!;
    const body = (await ecs.describeInstanceAttribute(new DescribeInstanceAttributeRequest({ instanceId: withRole }))).body!;
    expect([body.instanceId, body.instanceName, body.status, body.zoneId, body.imageId]).toEqual([withRole, 'reader', listed.status, listed.zoneId, listed.imageId]);
    expect(body.vpcAttributes!.vSwitchId).toBe(network.vSwitchId);
    expect(body.vpcAttributes!.privateIpAddress!.ipAddress).toEqual(listed.vpcAttributes!.privateIpAddress!.ipAddress);
    expect(body.securityGroupIds!.securityGroupId).toEqual([network.securityGroupId]);
    expect(body.enableJumboFrame).toBe(false);
    expect(body.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    await expectEcsError(ecs.describeInstanceAttribute(new DescribeInstanceAttributeRequest({ instanceId: 'i-missing' })), 'InvalidInstanceId.NotFound', 404);
  });

  it('DescribeUserData returns the base64 text as stored, and what ModifyInstanceAttribute sets', async () => {
    const read = async (instanceId: string) => (await ecs.describeUserData(new DescribeUserDataRequest({ regionId: cloud.regionId, instanceId }))).body!;
    expect((await read(withRole)).userData).toBe(USER_DATA);
    expect((await read(plain)).userData).toBe('');
    const changed = Buffer.from('#cloud-config\n').toString('base64');
    await ecs.modifyInstanceAttribute(new ModifyInstanceAttributeRequest({ instanceId: plain, userData: changed }));
    expect(await read(plain)).toMatchObject({ instanceId: plain, regionId: cloud.regionId, userData: changed });
    // aliyungo's spelling of the action.
    const legacy = await sendV1(cloud.url, { ...cloud.credentials, method: 'GET', params: { Action: 'DescribeUserdata', RegionId: cloud.regionId, InstanceId: withRole } });
    expect(legacy.json?.['UserData']).toBe(USER_DATA);
    await expectEcsError(read('i-missing'), 'InvalidInstanceId.NotFound', 404);
  });

  it('DescribeInstanceRamRole lists only instances holding a role', async () => {
    const byIds = (await ecs.describeInstanceRamRole(new DescribeInstanceRamRoleRequest({ regionId: cloud.regionId, instanceIds: JSON.stringify([withRole, plain]) }))).body!;
    expect(byIds.instanceRamRoleSets!.instanceRamRoleSet!.map((set) => [set.instanceId, set.ramRoleName])).toEqual([[withRole, 'EcsBuilderRole']]);
    const byName = (await ecs.describeInstanceRamRole(new DescribeInstanceRamRoleRequest({ regionId: cloud.regionId, ramRoleName: 'EcsBuilderRole' }))).body!;
    expect(byName.totalCount).toBe(1);
    await expectEcsError(ecs.describeInstanceRamRole(new DescribeInstanceRamRoleRequest({ regionId: cloud.regionId })), 'InvalidParameter.AllEmpty', 403);
    await expectEcsError(ecs.describeInstanceRamRole(new DescribeInstanceRamRoleRequest({ regionId: cloud.regionId, instanceIds: 'i-not-json' })), 'InvalidInstanceIds.Malformed', 400);
    await expectEcsError(ecs.describeInstanceRamRole(new DescribeInstanceRamRoleRequest({ regionId: cloud.regionId, instanceIds: '["i-missing"]' })), 'InvalidInstanceId.NotFound', 404);
  });

  it('DescribeNetworkInterfaces answers each instance primary ENI with JSON booleans', async () => {
    const listed = (await describeInstance(ecs, cloud.regionId, withRole))!;
    const eniId = listed.networkInterfaces!.networkInterface![0]!.networkInterfaceId!;
    const body = (await ecs.describeNetworkInterfaces(new DescribeNetworkInterfacesRequest({ regionId: cloud.regionId, networkInterfaceId: [eniId] }))).body!;
    const eni = body.networkInterfaceSets!.networkInterfaceSet![0]!;
    expect([eni.networkInterfaceId, eni.type, eni.status, eni.instanceId, eni.vSwitchId]).toEqual([eniId, 'Primary', 'InUse', withRole, network.vSwitchId]);
    expect(eni.privateIpSets!.privateIpSet![0]!.primary).toBe(true);
    expect(eni.attachment!.deviceIndex).toBe(0);
    const byVSwitch = (await ecs.describeNetworkInterfaces(new DescribeNetworkInterfacesRequest({ regionId: cloud.regionId, vSwitchId: network.vSwitchId }))).body!;
    expect(byVSwitch.totalCount).toBe(2);
    const none = (await ecs.describeNetworkInterfaces(new DescribeNetworkInterfacesRequest({ regionId: cloud.regionId, networkInterfaceId: ['eni-missing'] }))).body!;
    expect(none.networkInterfaceSets!.networkInterfaceSet).toEqual([]);
    await expectEcsError(ecs.describeNetworkInterfaces(new DescribeNetworkInterfacesRequest({ regionId: cloud.regionId, type: 'Trunk' })), 'InvalidParameter', 400);
  });

  it('DescribeInstanceMaintenanceAttributes and DescribeInstanceAttachmentAttributes list every instance asked for', async () => {
    const maintenance = (await ecs.describeInstanceMaintenanceAttributes(new DescribeInstanceMaintenanceAttributesRequest({ regionId: cloud.regionId, instanceId: [withRole] }))).body!;
    const attribute = maintenance.maintenanceAttributes!.maintenanceAttribute![0]!;
    expect(attribute.instanceId).toBe(withRole);
    expect(attribute.notifyOnMaintenance).toBe(false);
    expect(attribute.actionOnMaintenance!.value).toBe('AutoRecover');
    await expectEcsError(
      ecs.describeInstanceMaintenanceAttributes(new DescribeInstanceMaintenanceAttributesRequest({ regionId: cloud.regionId, instanceId: ['i-missing'] })),
      'InvalidInstanceId.NotFound',
      404,
    );
    const attachment = (await ecs.describeInstanceAttachmentAttributes(new DescribeInstanceAttachmentAttributesRequest({ regionId: cloud.regionId, instanceIds: JSON.stringify([plain]) }))).body!;
    expect(attachment.instances!.instance).toEqual([expect.objectContaining({ instanceId: plain, privatePoolOptionsId: '' })]);
  });

  it('DescribeInstanceAutoRenewAttribute serves subscription instances only', async () => {
    const [prepaid] = await runInstances(ecs, runRequest(cloud, network, { instanceChargeType: 'PrePaid', period: 1, periodUnit: 'Month' }));
    const body = (await ecs.describeInstanceAutoRenewAttribute(new DescribeInstanceAutoRenewAttributeRequest({ regionId: cloud.regionId, instanceId: prepaid }))).body!;
    expect(body.instanceRenewAttributes!.instanceRenewAttribute![0]).toMatchObject({ instanceId: prepaid, renewalStatus: 'Normal', autoRenewEnabled: false, periodUnit: 'Month' });
    await expectEcsError(ecs.describeInstanceAutoRenewAttribute(new DescribeInstanceAutoRenewAttributeRequest({ regionId: cloud.regionId, instanceId: plain })), 'ChargeTypeViolation', 403);
    await expectEcsError(ecs.describeInstanceAutoRenewAttribute(new DescribeInstanceAutoRenewAttributeRequest({ regionId: cloud.regionId })), 'MissingParameter.InstanceId', 403);
  });

  it('ModifySecurityGroupPolicy switches a basic group between Accept and Drop', async () => {
    const groupId = (await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId: network.vpcId }))).body!.securityGroupId!;
    const policy = async () => (await ecs.describeSecurityGroupAttribute(new DescribeSecurityGroupAttributeRequest({ regionId: cloud.regionId, securityGroupId: groupId }))).body!.innerAccessPolicy;
    expect(await policy()).toBe('Accept');
    await ecs.modifySecurityGroupPolicy(new ModifySecurityGroupPolicyRequest({ regionId: cloud.regionId, securityGroupId: groupId, innerAccessPolicy: 'drop' }));
    expect(await policy()).toBe('Drop');
    await expectEcsError(ecs.modifySecurityGroupPolicy(new ModifySecurityGroupPolicyRequest({ regionId: cloud.regionId, securityGroupId: groupId, innerAccessPolicy: 'Maybe' })), 'InvalidPolicy.Malformed', 400);
    await expectEcsError(ecs.modifySecurityGroupPolicy(new ModifySecurityGroupPolicyRequest({ regionId: cloud.regionId, securityGroupId: 'sg-missing', innerAccessPolicy: 'Accept' })), 'InvalidSecurityGroupId.NotFound', 404);
  });

  it('DescribeImageSupportInstanceTypes lists the types of the image architecture', async () => {
    const types = async (imageId: string) =>
      (await ecs.describeImageSupportInstanceTypes(new DescribeImageSupportInstanceTypesRequest({ regionId: cloud.regionId, imageId }))).body!.instanceTypes!.instanceType!.map((type) => type.instanceTypeId!);
    const x86 = await types(UBUNTU_X86);
    const arm = await types(UBUNTU_ARM);
    expect(x86).toContain('ecs.sn1ne.large');
    expect(arm.length).toBeGreaterThan(0);
    expect(arm.some((type) => x86.includes(type))).toBe(false);
    await expectEcsError(types('m-missing'), 'InvalidImageId.NotFound', 404);
    await expectEcsError(ecs.describeImageSupportInstanceTypes(new DescribeImageSupportInstanceTypesRequest({ regionId: cloud.regionId })), 'MissingParameter', 400);
  });
});

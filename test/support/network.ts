/**
 * The network most SDK tests start from, made through the official SDKs: a
 * VPC with one vSwitch, and (for launching instances) a security group.
 */
import { CreateSecurityGroupRequest } from '@alicloud/ecs20140526';
import { ListResourceGroupsRequest } from '@alicloud/resourcemanager20200331';
import { CreateVSwitchRequest, CreateVpcRequest } from '@alicloud/vpc20160428';
import type { ClientOptions, TestCloud } from './cloud.js';

export const ZONE = 'cn-hangzhou-h';

export interface VSwitchOptions extends ClientOptions {
  /** The VPC's block (default 172.16.0.0/12). */
  readonly vpcCidr?: string;
  /** The vSwitch's block (default 172.16.1.0/24). */
  readonly cidrBlock?: string;
  readonly zoneId?: string;
  /** `VpcName` and `VSwitchName`; none when undefined. */
  readonly name?: string;
}

export interface VpcWithVSwitch {
  readonly vpcId: string;
  readonly vSwitchId: string;
  readonly zoneId: string;
  readonly cidrBlock: string;
}

export interface Network extends VpcWithVSwitch {
  readonly securityGroupId: string;
}

export async function createVpcWithVSwitch(tc: TestCloud, options: VSwitchOptions = {}): Promise<VpcWithVSwitch> {
  const vpcClient = tc.vpcClient(options);
  const zoneId = options.zoneId ?? ZONE;
  const cidrBlock = options.cidrBlock ?? '172.16.1.0/24';
  const vpc = await vpcClient.createVpc(
    new CreateVpcRequest({ regionId: tc.regionId, cidrBlock: options.vpcCidr ?? '172.16.0.0/12', vpcName: options.name }),
  );
  const vpcId = vpc.body!.vpcId!;
  const vSwitch = await vpcClient.createVSwitch(
    new CreateVSwitchRequest({ regionId: tc.regionId, vpcId, zoneId, cidrBlock, vSwitchName: options.name }),
  );
  return { vpcId, vSwitchId: vSwitch.body!.vSwitchId!, zoneId, cidrBlock };
}

/** A VPC (172.16.0.0/12), a vSwitch in `zoneId` and a security group, all named `compute-test`. */
export async function createNetwork(tc: TestCloud, options: ClientOptions & { zoneId?: string; cidrBlock?: string } = {}): Promise<Network> {
  const named = { name: 'compute-test', ...options };
  const { vpcId, vSwitchId, zoneId, cidrBlock } = await createVpcWithVSwitch(tc, named);
  const group = await tc
    .ecsClient(options)
    .createSecurityGroup(new CreateSecurityGroupRequest({ regionId: tc.regionId, vpcId, securityGroupName: named.name }));
  return { vpcId, vSwitchId, securityGroupId: group.body!.securityGroupId!, zoneId, cidrBlock };
}

/** The ids of the account's two seeded resource groups: `default` and the other one. */
export async function seededResourceGroups(tc: TestCloud): Promise<{ readonly defaultId: string; readonly otherId: string }> {
  const groups = (await tc.resourceManagerClient().listResourceGroups(new ListResourceGroupsRequest({}))).body!;
  const all = groups.resourceGroups!.resourceGroup!;
  return {
    defaultId: all.find((group) => group.name === 'default')!.id!,
    otherId: all.find((group) => group.name !== 'default')!.id!,
  };
}

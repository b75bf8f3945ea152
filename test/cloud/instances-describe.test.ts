import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteInstanceRequest,
  DescribeInstancesRequest,
  DescribeInstancesRequestTag,
  RunInstancesRequestTag,
  StartInstanceRequest,
} from '@alicloud/ecs20140526';
import { ListResourceGroupsRequest } from '@alicloud/resourcemanager20200331';
import type { EcsClient } from '../support/cloud.js';
import { startCompute, type SteppedCloud } from './instances-support.js';
import { createNetwork, type Network } from '../support/network.js';
import { describeInstance, runInstances, runRequest } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('DescribeInstances, Amount, ClientToken and account isolation', () => {
  let cloud: SteppedCloud;
  let ecs: EcsClient;
  let network: Network;
  let second: Network;
  let region: string;
  let batch: string[];

  beforeAll(async () => {
    ({ cloud, ecs, region, network } = await startCompute({}, { signature: 'v1' }));
    second = await createNetwork(cloud.tc, { zoneId: 'cn-hangzhou-i', cidrBlock: '172.16.2.0/24' });
    batch = await runInstances(
      ecs,
      runRequest(cloud.tc, network, {
        amount: 3,
        instanceName: 'web-[1,2]',
        hostName: 'web-[1,2]',
        tag: [new RunInstancesRequestTag({ key: 'tier', value: 'web' })],
      }),
    );
  });
  afterAll(async () => {
    await cloud?.tc.close();
  });

  async function list(fields: Partial<DescribeInstancesRequest>) {
    const response = await ecs.describeInstances(new DescribeInstancesRequest({ regionId: region, pageSize: 100, ...fields }));
    return response.body!;
  }
  const ids = async (fields: Partial<DescribeInstancesRequest>) => (await list(fields)).instances!.instance!.map((i) => i.instanceId).sort();

  it('Amount creates that many instances with sequenced names and distinct private IPs', async () => {
    expect(batch).toHaveLength(3);
    const instances = (await list({ instanceIds: JSON.stringify(batch) })).instances!.instance!;
    expect(instances.map((i) => i.instanceName).sort()).toEqual(['web-01', 'web-02', 'web-03']);
    expect(instances.map((i) => i.hostName).sort()).toEqual(['web-01', 'web-02', 'web-03']);
    const ips = instances.map((i) => i.vpcAttributes!.privateIpAddress!.ipAddress![0]);
    expect(new Set(ips).size).toBe(3);
  });

  it('filters by ids, VPC, vSwitch, zone, status, name (with *), image, type, group, tags', async () => {
    const [lone] = await runInstances(
      ecs,
      runRequest(cloud.tc, second, { instanceName: 'db-main', instanceType: 'ecs.g7.large', imageId: 'centos_7_9_x64_20G_alibase_20240314.vhd' }),
    );
    expect(await ids({ instanceIds: JSON.stringify([lone, 'i-bpunknown0000000000']) })).toEqual([lone]);
    expect(await ids({ vpcId: network.vpcId })).toEqual([...batch].sort());
    expect(await ids({ vSwitchId: second.vSwitchId })).toEqual([lone]);
    expect(await ids({ zoneId: 'cn-hangzhou-i' })).toEqual([lone]);
    expect(await ids({ instanceName: 'web-0*' })).toEqual([...batch].sort());
    expect(await ids({ instanceName: 'db-main' })).toEqual([lone]);
    expect(await ids({ imageId: 'centos_7_9_x64_20G_alibase_20240314.vhd' })).toEqual([lone]);
    expect(await ids({ instanceType: 'ecs.g7.large' })).toEqual([lone]);
    expect(await ids({ instanceTypeFamily: 'ecs.sn1ne' })).toEqual([...batch].sort());
    expect(await ids({ securityGroupId: second.securityGroupId })).toEqual([lone]);
    expect(await ids({ tag: [new DescribeInstancesRequestTag({ key: 'tier', value: 'web' })] })).toEqual([...batch].sort());
    expect(await ids({ tag: [new DescribeInstancesRequestTag({ key: 'tier', value: 'db' })] })).toEqual([]);
    expect(await ids({ status: 'Pending', vpcId: network.vpcId })).toEqual([...batch].sort());
    expect(await ids({ status: 'Running' })).toEqual([]);
    const groups = await cloud.tc.resourceManagerClient().listResourceGroups(new ListResourceGroupsRequest({}));
    const defaultGroup = groups.body!.resourceGroups!.resourceGroup!.find((group) => group.name === 'default')!;
    expect(await ids({ resourceGroupId: defaultGroup.id })).toHaveLength(4);
    await expectEcsError(list({ status: 'Sleeping' }), 'InvalidStatus.NotFound', 404);
    await expectEcsError(list({ instanceIds: 'i-not-json' }), 'InvalidParameter', 400);
  });

  it('pages with PageNumber/PageSize and with NextToken/MaxResults', async () => {
    const first = await list({ pageSize: 2, pageNumber: 1, vpcId: network.vpcId });
    expect(first).toMatchObject({ pageNumber: 1, pageSize: 2, totalCount: 3 });
    const page2 = await list({ pageSize: 2, pageNumber: 2, vpcId: network.vpcId });
    expect(page2.instances!.instance).toHaveLength(1);
    const seen = [...first.instances!.instance!, ...page2.instances!.instance!].map((i) => i.instanceId);
    expect(new Set(seen).size).toBe(3);

    const tokenPage = await list({ pageSize: undefined, maxResults: 2, vpcId: network.vpcId });
    expect(tokenPage.instances!.instance).toHaveLength(2);
    expect(tokenPage.nextToken).not.toBe('');
    const rest = await list({ pageSize: undefined, maxResults: 2, nextToken: tokenPage.nextToken, vpcId: network.vpcId });
    expect(rest.instances!.instance).toHaveLength(1);
    expect(rest.nextToken).toBe('');
    await expectEcsError(list({ nextToken: 'garbage' }), 'InvalidParameter');
  });

  it('ClientToken: a retry returns the same instances; other parameters with the same token are refused', async () => {
    const request = () => runRequest(cloud.tc, network, { clientToken: 'run-once-123', instanceName: 'idempotent' });
    const first = await runInstances(ecs, request());
    const again = await runInstances(ecs, request());
    expect(again).toEqual(first);
    expect(await ids({ instanceName: 'idempotent' })).toEqual(first);
    await expectEcsError(
      runInstances(ecs, runRequest(cloud.tc, network, { clientToken: 'run-once-123', instanceName: 'different' })),
      'IdempotentParameterMismatch',
      400,
    );
  });

  it('another account sees none of it and cannot touch it, and cannot launch into this account’s vSwitch', async () => {
    const keys = await cloud.tc.createAccount();
    const stranger = cloud.tc.ecsClient({ accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
    const [target] = batch;
    const theirs = await stranger.describeInstances(new DescribeInstancesRequest({ regionId: region, instanceIds: JSON.stringify(batch) }));
    expect(theirs.body!.instances!.instance).toEqual([]);
    expect(theirs.body!.totalCount).toBe(0);
    await expectEcsError(stranger.startInstance(new StartInstanceRequest({ instanceId: target })), 'InvalidInstanceId.NotFound', 404);
    await expectEcsError(stranger.deleteInstance(new DeleteInstanceRequest({ instanceId: target, force: true })), 'InvalidInstanceId.NotFound', 404);
    await expectEcsError(runInstances(stranger, runRequest(cloud.tc, network)), 'InvalidVSwitchId.NotFound', 404);
    // Their own network works, and their instance is invisible to us.
    const mine = await createNetwork(cloud.tc, { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
    await expectEcsError(
      runInstances(stranger, runRequest(cloud.tc, mine, { securityGroupIds: [network.securityGroupId] })),
      'InvalidSecurityGroupId.NotFound',
    );
    const [theirInstance] = await runInstances(stranger, runRequest(cloud.tc, mine));
    expect(await describeInstance(ecs, region, theirInstance!)).toBeUndefined();
  });
});

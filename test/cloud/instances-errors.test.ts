import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateImageRequest,
  DescribeInstancesRequest,
  RunInstancesRequest,
  RunInstancesRequestDataDisk,
  RunInstancesRequestSystemDisk,
  RunInstancesRequestTag,
} from '@alicloud/ecs20140526';
import type { EcsClient } from '../support/cloud.js';
import { startCompute, type SteppedCloud } from './instances-support.js';
import { ALIYUN_X86, OLD_ZONE, UBUNTU_ARM, runInstances, runRequest } from '../support/compute.js';
import { createNetwork, type Network } from '../support/network.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('RunInstances checks its parameters against each other, as ECS does', () => {
  let cloud: SteppedCloud;
  let ecs: EcsClient;
  let network: Network;
  let other: Network;
  let old: Network;

  beforeAll(async () => {
    ({ cloud, ecs, network } = await startCompute());
    other = await createNetwork(cloud.tc);
    old = await createNetwork(cloud.tc, { zoneId: OLD_ZONE });
  });
  afterAll(async () => {
    await cloud?.tc.close();
  });

  const run = (fields: Partial<RunInstancesRequest>, net: Network = network) => runInstances(ecs, runRequest(cloud.tc, net, fields));

  async function instanceCount(): Promise<number> {
    const response = await ecs.describeInstances(new DescribeInstancesRequest({ regionId: cloud.tc.regionId }));
    return response.body!.totalCount!;
  }

  it('networking: unknown vSwitch or group, group of another VPC, zone other than the vSwitch zone', async () => {
    await expectEcsError(run({ vSwitchId: 'vsw-bpnotthere0000000000' }), 'InvalidVSwitchId.NotFound', 404);
    await expectEcsError(run({ securityGroupIds: ['sg-bpnotthere000000000'] }), 'InvalidSecurityGroupId.NotFound', 404);
    const mismatch = await expectEcsError(run({ securityGroupIds: [other.securityGroupId] }), 'InvalidParameter.Mismatch', 400);
    expect(mismatch.message).toContain('not in the same VPC');
    const zone = await expectEcsError(run({ zoneId: 'cn-hangzhou-i' }), 'InvalidParameter.Mismatch', 400);
    expect(zone.message).toContain('not in the specified zone');
    await expectEcsError(run({ vSwitchId: undefined }), 'MissingParameter', 400);
    await expectEcsError(
      run({ securityGroupId: network.securityGroupId, securityGroupIds: [network.securityGroupId] }),
      'InvalidParameter.Conflict',
    );
  });

  it('instance type and image: unknown type, type not sold in the zone, unknown or incompatible image', async () => {
    await expectEcsError(run({ instanceType: 'ecs.nope.large' }), 'InvalidInstanceType.ValueNotSupported', 400);
    await expectEcsError(run({ instanceType: 'ecs.g8i.large' }, old), 'InvalidInstanceType.ZoneNotSupported', 403);
    await expectEcsError(run({ imageId: 'm-bpnotthere0000000000' }), 'InvalidImageId.NotFound', 404);
    await expectEcsError(run({ imageId: undefined }), 'MissingParameter', 400);
    // An arm64 image on an x86 type, and an image without NVMe on a type that needs it.
    await expectEcsError(run({ imageId: UBUNTU_ARM }), 'ImageNotSupportInstanceType', 403);
    await expectEcsError(run({ instanceType: 'ecs.g8i.large' }), 'ImageNotSupportInstanceType', 403);
    const [arm] = await run({ imageId: UBUNTU_ARM, instanceType: 'ecs.g8y.large' });
    expect(arm).toMatch(/^i-/);
  });

  it('an image still being created is not launchable (IncorrectImageStatus)', async () => {
    const [id] = await run({});
    cloud.advance(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    cloud.advance(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const image = await ecs.createImage(new CreateImageRequest({ regionId: cloud.tc.regionId, instanceId: id, imageName: 'in-progress' }));
    await expectEcsError(run({ imageId: image.body!.imageId }), 'IncorrectImageStatus', 400);
  });

  it('system disk: category, and size against the image and the category range', async () => {
    await expectEcsError(run({ systemDisk: new RunInstancesRequestSystemDisk({ category: 'bogus' }) }), 'InvalidSystemDiskCategory.ValueNotSupported', 400);
    // Basic disks are not sold in the newer zones.
    await expectEcsError(run({ systemDisk: new RunInstancesRequestSystemDisk({ category: 'cloud' }) }), 'InvalidSystemDiskCategory.ValueNotSupported');
    await expectEcsError(
      run({ imageId: ALIYUN_X86, systemDisk: new RunInstancesRequestSystemDisk({ size: '30' }) }),
      'InvalidSystemDiskSize.LessThanImageSize',
      404,
    );
    await expectEcsError(run({ systemDisk: new RunInstancesRequestSystemDisk({ size: '3000' }) }), 'InvalidSystemDiskSize.MoreThanMaxSize', 404);
    await expectEcsError(
      run({ systemDisk: new RunInstancesRequestSystemDisk({ category: 'cloud_essd', performanceLevel: 'PL9' }) }),
      'InvalidPerformanceLevel.Malformed',
    );
  });

  it('data disks: category, size range, snapshot, at most 16', async () => {
    const disk = (fields: Partial<RunInstancesRequestDataDisk>) => new RunInstancesRequestDataDisk({ category: 'cloud_efficiency', size: 40, ...fields });
    await expectEcsError(run({ dataDisk: [disk({ category: 'local_hdd' })] }), 'InvalidDataDiskCategory.ValueNotSupported', 400);
    await expectEcsError(run({ dataDisk: [disk({ size: 10 })] }), 'InvalidDataDiskSize.ValueNotSupported', 400);
    await expectEcsError(run({ dataDisk: [disk({ category: 'cloud_essd', performanceLevel: 'PL2', size: 100 })] }), 'InvalidDataDiskSize.ValueNotSupported');
    await expectEcsError(run({ dataDisk: [disk({ size: undefined, snapshotId: 's-bpnotthere00000000000' })] }), 'InvalidDataDiskSnapshotId.NotFound', 404);
    await expectEcsError(run({ dataDisk: Array.from({ length: 17 }, () => disk({})) }), 'InstanceDiskNumber.LimitExceed', 400);
    await expectEcsError(run({ dataDisk: [disk({ size: undefined })] }), 'MissingParameter');
  });

  it('names, host name, description, password, bandwidth, tags, resource group', async () => {
    await expectEcsError(run({ instanceName: '1-starts-with-a-digit' }), 'InvalidInstanceName.Malformed', 400);
    await expectEcsError(run({ instanceName: 'http://example' }), 'InvalidInstanceName.Malformed');
    await expectEcsError(run({ hostName: '-bad-' }), 'InvalidHostName.Malformed', 400);
    await expectEcsError(run({ description: 'https://example.com' }), 'InvalidDescription.Malformed', 400);
    await expectEcsError(run({ password: 'weakpass' }), 'InvalidPassword.Malformed', 400);
    await expectEcsError(run({ internetMaxBandwidthOut: 101 }), 'InvalidParameter', 400);
    await expectEcsError(run({ internetChargeType: 'PayByMood' }), 'InvalidInternetChargeType.ValueNotSupported');
    await expectEcsError(run({ instanceChargeType: 'Free' }), 'InvalidInstanceChargeType.NotFound', 404);
    await expectEcsError(run({ instanceChargeType: 'PrePaid', period: 10 }), 'InvalidPeriod');
    await expectEcsError(run({ tag: [new RunInstancesRequestTag({ key: 'aliyun-reserved', value: 'x' })] }), 'InvalidTagKey.Malformed');
    await expectEcsError(run({ resourceGroupId: 'rg-notmine000000000' }), 'InvalidResourceGroup.NotFound', 404);
    await expectEcsError(run({ amount: 0 }), 'InvalidParameter');
    await expectEcsError(run({ amount: 2, minAmount: 3 }), 'InvalidParameter');
  });

  it('private IPs: inside the vSwitch block, not reserved, not taken; a full vSwitch refuses more', async () => {
    await expectEcsError(run({ privateIpAddress: '10.0.0.5' }), 'InvalidPrivateIpAddress', 400);
    await expectEcsError(run({ privateIpAddress: '172.16.1.255' }), 'InvalidPrivateIpAddress');
    const [fixed] = await run({ privateIpAddress: '172.16.1.77' });
    expect(fixed).toMatch(/^i-/);
    await expectEcsError(run({ privateIpAddress: '172.16.1.77' }), 'InvalidPrivateIpAddress.Duplicated', 400);
    await expectEcsError(run({ privateIpAddress: '172.16.1.78', amount: 2 }), 'InvalidParameter');

    const tiny = await createNetwork(cloud.tc, { cidrBlock: '172.16.9.0/29' });
    const ids = await run({ amount: 4 }, tiny);
    expect(ids).toHaveLength(4);
    await expectEcsError(run({}, tiny), 'QuotaExceeded.PrivateIpAddress', 400);
  });

  it('DryRun validates everything and creates nothing; a failed request writes nothing', async () => {
    const before = await instanceCount();
    await expectEcsError(run({ dryRun: true, amount: 3 }), 'DryRunOperation', 400);
    await expectEcsError(run({ dryRun: true, instanceType: 'ecs.nope.large' }), 'InvalidInstanceType.ValueNotSupported');
    // The second data disk fails after the first one was planned: nothing may remain.
    await expectEcsError(
      run({ amount: 2, dataDisk: [new RunInstancesRequestDataDisk({ size: 40 }), new RunInstancesRequestDataDisk({ size: 1 })] }),
      'InvalidDataDiskSize.ValueNotSupported',
    );
    expect(await instanceCount()).toBe(before);
  });
});

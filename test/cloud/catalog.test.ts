/** Catalog actions through the official ECS SDK, in the shapes terraform's data sources read. */
import { describe, expect, it } from 'vitest';
import {
  DescribeAvailableResourceRequest,
  DescribeInstanceTypesRequest,
  DescribeRegionsRequest,
  DescribeZonesRequest,
} from '@alicloud/ecs20140526';
import { findInstanceType, isInstanceTypeAvailableInZone, findZone } from '../../src/cloud/api/catalog/catalog.js';
import { useTestCloud } from '../support/cloud.js';
import { sendV1 } from '../support/raw-rpc.js';
import { sdkError } from '../support/sdk-error.js';

describe('catalog', () => {
  const cloud = useTestCloud();

  it('DescribeRegions lists several regions with Chinese names by default', async () => {
    const { body } = await cloud.ecsClient().describeRegions(new DescribeRegionsRequest({}));
    const regions = body?.regions?.region ?? [];
    expect(regions.length).toBeGreaterThanOrEqual(4);
    expect(regions[0]).toMatchObject({ regionId: 'cn-hangzhou', localName: '华东1（杭州）', status: 'available' });
    expect(regions.find((r) => r.regionId === 'cn-beijing')?.regionEndpoint).toBe('ecs.cn-beijing.aliyuncs.com');
  });

  it('DescribeRegions refuses an unknown language and resource type', async () => {
    const ecs = cloud.ecsClient({ signature: 'v1' });
    expect((await sdkError(ecs.describeRegions(new DescribeRegionsRequest({ acceptLanguage: 'xx' })))).code).toBe(
      'InvalidAcceptLanguage.NotFound',
    );
    expect((await sdkError(ecs.describeRegions(new DescribeRegionsRequest({ resourceType: 'boat' })))).code).toBe(
      'InvalidResourceType.NotFound',
    );
  });

  it('DescribeZones lists zones with instance types and disk categories (alicloud_zones needs both)', async () => {
    const { body } = await cloud.ecsClient().describeZones(new DescribeZonesRequest({ regionId: 'cn-hangzhou', acceptLanguage: 'en-US' }));
    const zones = body?.zones?.zone ?? [];
    expect(zones.map((zone) => zone.zoneId)).toEqual(['cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
    const h = zones[1];
    expect(h?.localName).toBe('Hangzhou Zone H');
    expect(h?.availableResourceCreation?.resourceTypes).toContain('Instance');
    expect(h?.availableInstanceTypes?.instanceTypes).toContain('ecs.g8i.large');
    expect(h?.availableDiskCategories?.diskCategories).toContain('cloud_essd');
    expect(h?.availableResources?.resourcesInfo?.[0]?.instanceTypes?.supportedInstanceType).toContain('ecs.g7.large');
    // The oldest zone lacks the newest families.
    expect(zones[0]?.availableInstanceTypes?.instanceTypes).not.toContain('ecs.g8i.large');
    expect(zones[0]?.availableInstanceTypes?.instanceTypes).toContain('ecs.sn1ne.large');
  });

  it('DescribeZones with Verbose=false leaves the lists empty', async () => {
    const { body } = await cloud.ecsClient().describeZones(new DescribeZonesRequest({ regionId: 'cn-shanghai', verbose: false }));
    expect(body?.zones?.zone?.[0]?.availableInstanceTypes?.instanceTypes).toEqual([]);
  });

  it('DescribeZones in another region and an unknown one', async () => {
    const { body } = await cloud.ecsClient().describeZones(new DescribeZonesRequest({ regionId: 'ap-southeast-1' }));
    expect(body?.zones?.zone?.map((zone) => zone.zoneId)).toContain('ap-southeast-1-a');
    const error = await sdkError(cloud.ecsClient().describeZones(new DescribeZonesRequest({ regionId: 'cn-nowhere' })));
    expect(error).toMatchObject({ code: 'InvalidRegionId.NotFound', statusCode: 404 });
  });

  it('DescribeInstanceTypes filters by family and architecture', async () => {
    const ecs = cloud.ecsClient();
    const g7 = await ecs.describeInstanceTypes(new DescribeInstanceTypesRequest({ instanceTypeFamily: 'ecs.g7' }));
    const types = g7.body?.instanceTypes?.instanceType ?? [];
    expect(types.length).toBeGreaterThan(2);
    expect(types.every((type) => type.instanceTypeFamily === 'ecs.g7')).toBe(true);
    expect(types.find((type) => type.instanceTypeId === 'ecs.g7.large')).toMatchObject({
      cpuCoreCount: 2,
      memorySize: 8,
      cpuArchitecture: 'X86',
      nvmeSupport: 'unsupported',
    });
    const arm = await ecs.describeInstanceTypes(new DescribeInstanceTypesRequest({ cpuArchitecture: 'ARM' }));
    const armIds = (arm.body?.instanceTypes?.instanceType ?? []).map((type) => type.instanceTypeId);
    expect(armIds).toContain('ecs.g8y.large');
    expect(armIds.every((id) => findInstanceType(id ?? '')?.cpuArchitecture === 'ARM')).toBe(true);
    const g8i = await ecs.describeInstanceTypes(new DescribeInstanceTypesRequest({ instanceTypes: ['ecs.g8i.xlarge', 'ecs.sn1ne.large'] }));
    expect(g8i.body?.instanceTypes?.instanceType?.map((type) => [type.instanceTypeId, type.nvmeSupport])).toEqual([
      ['ecs.sn1ne.large', 'unsupported'],
      ['ecs.g8i.xlarge', 'required'],
    ]);
  });

  it('DescribeInstanceTypes pages with MaxResults and NextToken', async () => {
    const ecs = cloud.ecsClient();
    const all = await ecs.describeInstanceTypes(new DescribeInstanceTypesRequest({}));
    const everything = (all.body?.instanceTypes?.instanceType ?? []).map((type) => type.instanceTypeId);
    expect(all.body?.nextToken).toBeFalsy();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await ecs.describeInstanceTypes(new DescribeInstanceTypesRequest({ maxResults: 7, nextToken: token }));
      const ids = (page.body?.instanceTypes?.instanceType ?? []).map((type) => type.instanceTypeId ?? '');
      expect(ids.length).toBeLessThanOrEqual(7);
      seen.push(...ids);
      token = page.body?.nextToken || undefined;
    } while (token !== undefined);
    expect(seen).toEqual(everything);
  });

  it('DescribeAvailableResource for Zone (alicloud_zones) and InstanceType (alicloud_instance_types)', async () => {
    const ecs = cloud.ecsClient({ signature: 'v1' });
    const zones = await ecs.describeAvailableResource(
      new DescribeAvailableResourceRequest({ regionId: 'cn-hangzhou', destinationResource: 'Zone', ioOptimized: 'optimized' }),
    );
    const available = zones.body?.availableZones?.availableZone ?? [];
    expect(available.length).toBe(5);
    expect(available[0]).toMatchObject({ regionId: 'cn-hangzhou', zoneId: 'cn-hangzhou-g', status: 'Available' });

    const types = await ecs.describeAvailableResource(
      new DescribeAvailableResourceRequest({ regionId: 'cn-hangzhou', destinationResource: 'InstanceType', instanceType: 'ecs.g8y.large' }),
    );
    const zonesWithG8y = (types.body?.availableZones?.availableZone ?? []).map((zone) => zone.zoneId);
    expect(zonesWithG8y).not.toContain('cn-hangzhou-g');
    expect(zonesWithG8y).toContain('cn-hangzhou-h');
    const supported = types.body?.availableZones?.availableZone?.[0]?.availableResources?.availableResource?.[0];
    expect(supported?.type).toBe('InstanceType');
    expect(supported?.supportedResources?.supportedResource?.map((item) => item.value)).toEqual(['ecs.g8y.large']);
  });

  it('DescribeAvailableResource for SystemDisk gives size ranges', async () => {
    const { body } = await cloud.ecsClient().describeAvailableResource(
      new DescribeAvailableResourceRequest({
        regionId: 'cn-beijing',
        zoneId: 'cn-beijing-h',
        destinationResource: 'SystemDisk',
        systemDiskCategory: 'cloud_essd',
      }),
    );
    const item = body?.availableZones?.availableZone?.[0]?.availableResources?.availableResource?.[0]?.supportedResources?.supportedResource?.[0];
    expect(item).toMatchObject({ value: 'cloud_essd', min: 20, max: 2048, unit: 'GiB' });
  });

  it('DescribeAvailableResource errors', async () => {
    const answer = await sendV1(cloud.url, {
      ...cloud.credentials,
      params: { Action: 'DescribeAvailableResource', RegionId: 'cn-hangzhou' },
    });
    expect(answer.json?.Code).toBe('Invalid.Param');
    const ecs = cloud.ecsClient();
    const conflict = await sdkError(
      ecs.describeAvailableResource(
        new DescribeAvailableResourceRequest({ regionId: 'cn-hangzhou', destinationResource: 'InstanceType', instanceType: 'ecs.g7.large', cores: 2 }),
      ),
    );
    expect(conflict).toMatchObject({ code: 'InvalidParam.TypeAndCpuMem.Conflict', statusCode: 403 });
    const badDestination = await sdkError(
      ecs.describeAvailableResource(new DescribeAvailableResourceRequest({ regionId: 'cn-hangzhou', destinationResource: 'Moon' })),
    );
    expect(badDestination.code).toBe('Invalid.DestinationResource');
  });

  it('lookup functions other areas use', () => {
    expect(findZone('cn-hangzhou', 'cn-hangzhou-i')?.diskCategories).toContain('cloud_essd');
    expect(findZone('cn-hangzhou', 'cn-shanghai-e')).toBeUndefined();
    expect(isInstanceTypeAvailableInZone('cn-hangzhou', 'cn-hangzhou-h', 'ecs.g8i.large')).toBe(true);
    expect(isInstanceTypeAvailableInZone('cn-hangzhou', 'cn-hangzhou-g', 'ecs.g8i.large')).toBe(false);
    expect(isInstanceTypeAvailableInZone('cn-hangzhou', 'cn-hangzhou-h', 'ecs.nope.large')).toBe(false);
    expect(findInstanceType('ecs.sn1ne.2xlarge')).toMatchObject({ cpuCoreCount: 8, memorySize: 16, family: 'ecs.sn1ne' });
  });
});

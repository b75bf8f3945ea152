import { describe, expect, it } from 'vitest';
import { DescribeRegionsRequest } from '@alicloud/ecs20140526';
import { startTestCloud, useTestCloud } from '../support/cloud.js';

describe('core endpoint with the official ECS SDK', () => {
  const cloud = useTestCloud();

  it('answers DescribeRegions signed with ACS3-HMAC-SHA256', async () => {
    const response = await cloud.ecsClient().describeRegions(new DescribeRegionsRequest({}));
    expect(response.statusCode).toBe(200);
    expect(response.body?.requestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const ids = response.body?.regions?.region?.map((region) => region.regionId);
    expect(ids?.[0]).toBe('cn-hangzhou');
    expect(ids).toContain('cn-shanghai');
  });

  it('answers DescribeRegions signed with RPC HMAC-SHA1', async () => {
    const response = await cloud
      .ecsClient({ signature: 'v1' })
      .describeRegions(new DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
    expect(response.body?.regions?.region?.[0]?.localName).toBe('China (Hangzhou)');
  });

  it('restart() keeps the data, the port and the credentials', async () => {
    const before = cloud.endpoint;
    const account = await cloud.createAccount();
    await cloud.restart();
    expect(cloud.endpoint).toBe(before);
    const asNew = cloud.ecsClient({ accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret });
    expect((await asNew.describeRegions(new DescribeRegionsRequest({}))).statusCode).toBe(200);
    expect((await cloud.ecsClient().describeRegions(new DescribeRegionsRequest({}))).statusCode).toBe(200);
  });

  it('runs beside a second cloud in the same process; their accounts are unrelated', async () => {
    const other = await startTestCloud();
    try {
      expect(other.endpoint).not.toBe(cloud.endpoint);
      const crossed = other.ecsClient({ ...cloud.credentials });
      await expect(crossed.describeRegions(new DescribeRegionsRequest({}))).rejects.toMatchObject({
        code: 'InvalidAccessKeyId.NotFound',
      });
      expect((await other.ecsClient().describeRegions(new DescribeRegionsRequest({}))).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

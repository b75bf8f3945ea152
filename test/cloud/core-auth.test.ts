/** Authentication and routing failures: each gets its gateway code and status, through real SDKs and raw requests. */
import { describe, expect, it } from 'vitest';
import { DescribeRegionsRequest } from '@alicloud/ecs20140526';
import { ListResourceGroupsRequest } from '@alicloud/resourcemanager20200331';
import { useTestCloud } from '../support/cloud.js';
import { isoSeconds, sendAcs3, sendV1 } from '../support/raw-rpc.js';
import { sdkError } from '../support/sdk-error.js';

describe('authentication', () => {
  const cloud = useTestCloud();

  const keys = (): { accessKeyId: string; accessKeySecret: string } => cloud.credentials;

  for (const signature of ['v3', 'v1'] as const) {
    it(`${signature}: a wrong secret gets SignatureDoesNotMatch (400)`, async () => {
      const error = await sdkError(
        cloud.ecsClient({ signature, accessKeySecret: 'wrong' }).describeRegions(new DescribeRegionsRequest({})),
      );
      expect(error.code).toBe('SignatureDoesNotMatch');
      expect(error.statusCode).toBe(400);
      expect(error.data?.RequestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(error.data?.HostId).toBe(cloud.endpoint);
      expect(String(error.data?.Recommend)).toContain('SignatureDoesNotMatch');
    });

    it(`${signature}: an unknown AccessKey gets InvalidAccessKeyId.NotFound (404)`, async () => {
      const error = await sdkError(
        cloud.ecsClient({ signature, accessKeyId: 'LTAInobody' }).describeRegions(new DescribeRegionsRequest({})),
      );
      expect(error.code).toBe('InvalidAccessKeyId.NotFound');
      expect(error.statusCode).toBe(404);
    });

    it(`${signature}: an STS token is accepted`, async () => {
      const response = await cloud
        .ecsClient({ signature, securityToken: 'STS.testtoken' })
        .describeRegions(new DescribeRegionsRequest({}));
      expect(response.statusCode).toBe(200);
    });
  }

  it('the Resource Manager SDK signs and is answered on the same endpoint', async () => {
    const response = await cloud.resourceManagerClient().listResourceGroups(new ListResourceGroupsRequest({}));
    expect(response.body?.totalCount).toBe(2);
  });

  it('v1: an expired or future timestamp gets InvalidTimeStamp.Expired', async () => {
    for (const offset of [-16 * 60_000, 16 * 60_000]) {
      const answer = await sendV1(cloud.url, {
        ...keys(),
        params: { Action: 'DescribeRegions', Timestamp: isoSeconds(Date.now() + offset) },
      });
      expect(answer.status).toBe(400);
      expect(answer.json?.Code).toBe('InvalidTimeStamp.Expired');
    }
  });

  it('v1: a timestamp 14 minutes off is still accepted', async () => {
    const answer = await sendV1(cloud.url, {
      ...keys(),
      params: { Action: 'DescribeRegions', Timestamp: isoSeconds(Date.now() - 14 * 60_000) },
    });
    expect(answer.status).toBe(200);
  });

  it('v1: a malformed timestamp gets InvalidTimeStamp.Format', async () => {
    for (const Timestamp of ['yesterday', '2025-13-01T00:00:00Z', '2025-01-01 00:00:00']) {
      const answer = await sendV1(cloud.url, { ...keys(), params: { Action: 'DescribeRegions', Timestamp } });
      expect(answer.status).toBe(400);
      expect(answer.json?.Code).toBe('InvalidTimeStamp.Format');
    }
  });

  it('ACS3: an expired x-acs-date gets InvalidTimeStamp.Expired', async () => {
    const answer = await sendAcs3(cloud.url, {
      ...keys(),
      action: 'DescribeRegions',
      date: isoSeconds(Date.now() - 60 * 60_000),
    });
    expect(answer.status).toBe(400);
    expect(answer.json?.Code).toBe('InvalidTimeStamp.Expired');
  });

  it('v1: a reused nonce gets SignatureNonceUsed, the first use succeeds', async () => {
    const params = { Action: 'DescribeRegions', SignatureNonce: 'nonce-reused-v1' };
    const first = await sendV1(cloud.url, { ...keys(), params });
    expect(first.status).toBe(200);
    const second = await sendV1(cloud.url, { ...keys(), params });
    expect(second.status).toBe(400);
    expect(second.json?.Code).toBe('SignatureNonceUsed');
  });

  it('ACS3: a reused nonce gets SignatureNonceUsed', async () => {
    const first = await sendAcs3(cloud.url, { ...keys(), action: 'DescribeRegions', nonce: 'nonce-reused-acs3' });
    expect(first.status).toBe(200);
    const second = await sendAcs3(cloud.url, { ...keys(), action: 'DescribeRegions', nonce: 'nonce-reused-acs3' });
    expect(second.json?.Code).toBe('SignatureNonceUsed');
  });

  it('a failed signature does not burn the nonce', async () => {
    const params = { Action: 'DescribeRegions', SignatureNonce: 'nonce-after-bad-signature' };
    const bad = await sendV1(cloud.url, { ...keys(), accessKeySecret: 'wrong', params });
    expect(bad.json?.Code).toBe('SignatureDoesNotMatch');
    const good = await sendV1(cloud.url, { ...keys(), params });
    expect(good.status).toBe(200);
  });

  it('GET requests with everything in the URL are accepted (v1)', async () => {
    const answer = await sendV1(cloud.url, { ...keys(), method: 'GET', params: { Action: 'DescribeRegions' } });
    expect(answer.status).toBe(200);
    expect(answer.json?.RequestId).toBeTypeOf('string');
  });

  it('parameters in a form body (Go style, `+` for spaces) are signed and read', async () => {
    const answer = await sendV1(cloud.url, {
      ...keys(),
      params: { Action: 'DescribeRegions' },
      form: { AcceptLanguage: 'en-US', Unused: 'a b*c' },
    });
    expect(answer.status).toBe(200);
    expect((answer.json?.Regions as { Region: Array<{ LocalName: string }> }).Region[0]?.LocalName).toBe('China (Hangzhou)');
  });

  it('a missing Action gets MissingParameter (400)', async () => {
    const answer = await sendV1(cloud.url, { ...keys(), params: {} });
    expect(answer.status).toBe(400);
    expect(answer.json?.Code).toBe('MissingParameter');
    expect(answer.json?.Message).toContain('"Action"');
  });

  it('an unknown action, a wrong case or an unknown version get InvalidApi.NotFound (404)', async () => {
    const cases: Array<Record<string, string>> = [
      { Action: 'DescribeUnicorns' },
      { Action: 'describeRegions' },
      { Action: 'DescribeRegions', Version: '2099-01-01' },
      { Action: 'toString' },
      { Action: '__proto__' },
    ];
    for (const params of cases) {
      const answer = await sendV1(cloud.url, { ...keys(), params });
      expect(answer.status, JSON.stringify(params)).toBe(404);
      expect(answer.json?.Code).toBe('InvalidApi.NotFound');
    }
  });

  it('VPC actions are not ECS actions', async () => {
    const answer = await sendV1(cloud.url, { ...keys(), params: { Action: 'ListResourceGroups' } });
    expect(answer.json?.Code).toBe('InvalidApi.NotFound');
  });

  it('an unknown RegionId gets InvalidRegionId.NotFound (404)', async () => {
    const answer = await sendV1(cloud.url, { ...keys(), params: { Action: 'DescribeRegions', RegionId: 'mars-north-1' } });
    expect(answer.status).toBe(404);
    expect(answer.json?.Code).toBe('InvalidRegionId.NotFound');
  });

  it('no AccessKeyId at all gets MissingAccessKeyId', async () => {
    const answer = await sendV1(cloud.url, { ...keys(), params: { Action: 'DescribeRegions' }, omit: ['AccessKeyId'] });
    expect(answer.status).toBe(400);
    expect(answer.json?.Code).toBe('MissingAccessKeyId');
  });

  it('a signature method other than HMAC-SHA1 gets InvalidSignatureMethod', async () => {
    const answer = await sendV1(cloud.url, { ...keys(), params: { Action: 'DescribeRegions', SignatureMethod: 'HMAC-MD5' } });
    expect(answer.json?.Code).toBe('InvalidSignatureMethod');
  });
});

import { describe, expect, it } from 'vitest';
import { DescribeVpcAttributeRequest } from '@alicloud/vpc20160428';
import { useTestCloud } from '../support/cloud.js';
import { signV1 } from '../support/raw-rpc.js';
import { rawExchange } from './raw-http.js';

describe('proxy mode: HTTP_PROXY pointing at the cloud', () => {
  const cloud = useTestCloud();

  /** A request as Packer 1.6 sends it through the proxy: POST, every parameter in the query, an empty form body. */
  function packerStyle(host: string, params: Record<string, string>): string {
    const { query } = signV1({ ...cloud.credentials, params: { SecurityToken: '', SignatureType: '', RegionId: cloud.regionId, ...params } });
    return (
      `POST http://${host}/?${new URLSearchParams(query).toString()} HTTP/1.1\r\nHost: ${host}\r\n` +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\nx-sdk-client: golang/1.0.0\r\n\r\n'
    );
  }

  it('serves absolute-form requests for Alibaba Cloud API hosts as if they were sent directly', async () => {
    const created = await rawExchange(cloud.cloud.port, packerStyle('ecs-cn-hangzhou.aliyuncs.com', { Action: 'CreateVpc', Version: '2014-05-26' }));
    expect(created.status).toBe(200);
    const vpcId = String(created.json?.['VpcId']);
    expect(vpcId).toMatch(/^vpc-/);
    // The same VPC through the VPC product's host and version, and through the official SDK directly.
    const described = await rawExchange(cloud.cloud.port, packerStyle(`vpc.${cloud.regionId}.aliyuncs.com`, { Action: 'DescribeVpcAttribute', Version: '2016-04-28', VpcId: vpcId }));
    expect(described.json?.['VpcId']).toBe(vpcId);
    const attribute = (await cloud.vpcClient().describeVpcAttribute(new DescribeVpcAttributeRequest({ regionId: cloud.regionId, vpcId }))).body!;
    expect(attribute.vpcId).toBe(vpcId);
    // Errors keep the envelope, with the proxied host as HostId.
    const failed = await rawExchange(cloud.cloud.port, packerStyle('ecs-cn-hangzhou.aliyuncs.com', { Action: 'DeleteVpc', Version: '2014-05-26', VpcId: 'vpc-missing' }));
    expect([failed.status, failed.json?.['Code'], failed.json?.['HostId']]).toEqual([404, 'InvalidVpcId.NotFound', 'ecs-cn-hangzhou.aliyuncs.com']);
  });

  it('answers a GET in absolute form the way aliyungo and the Go SDK send it', async () => {
    const { query } = signV1({ ...cloud.credentials, method: 'GET', params: { Action: 'DescribeRegions', RegionId: cloud.regionId } });
    const target = `http://ecs.${cloud.regionId}.aliyuncs.com/?${new URLSearchParams(query).toString()}`;
    const answer = await rawExchange(cloud.cloud.port, `GET ${target} HTTP/1.1\r\nHost: ecs.${cloud.regionId}.aliyuncs.com\r\n\r\n`);
    expect(answer.status).toBe(200);
    expect(answer.json?.['Regions']).toBeDefined();
  });

  it('refuses any other host with a 403 envelope', async () => {
    const answer = await rawExchange(cloud.cloud.port, 'GET http://example.com/index.html HTTP/1.1\r\nHost: example.com\r\n\r\n');
    expect(answer.dropped).toBe(false);
    expect(answer.status).toBe(403);
    expect(answer.json?.['Code']).toBe('Forbidden.ProxyHost');
    expect(String(answer.json?.['Message'])).toContain('example.com');
    const lookalike = await rawExchange(cloud.cloud.port, 'GET http://ecs.aliyuncs.com.evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(lookalike.status).toBe(403);
  });

  it('answers CONNECT (an HTTPS tunnel it cannot serve) at once with an error envelope', async () => {
    const started = Date.now();
    const answer = await rawExchange(cloud.cloud.port, 'CONNECT location-readonly.aliyuncs.com:443 HTTP/1.1\r\nHost: location-readonly.aliyuncs.com:443\r\n\r\n');
    expect(answer.dropped).toBe(false);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.json?.['Code']).toBeDefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

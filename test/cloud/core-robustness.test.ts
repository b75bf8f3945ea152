/** Malformed input of every kind gets a 4xx ECS envelope, never a 500, and the server keeps serving. */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DescribeRegionsRequest } from '@alicloud/ecs20140526';
import { useTestCloud } from '../support/cloud.js';
import { send, sendAcs3, sendV1 } from '../support/raw-rpc.js';

describe('malformed requests', () => {
  const cloud = useTestCloud();

  function expectEnvelope(answer: { status: number; json: Record<string, unknown> | undefined }, status?: number): void {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    if (status !== undefined) expect(answer.status).toBe(status);
    expect(answer.json?.Code).toBeTypeOf('string');
    expect(answer.json?.Message).toBeTypeOf('string');
    expect(answer.json?.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  }

  it('unsigned and garbled URLs', async () => {
    for (const path of ['/', '/?', '/?%', '/?%zz=%zz', '/?Action', '/?=&=&&', '/nothing/here?Action=DescribeRegions', '/?Action=%E0%A4%A']) {
      expectEnvelope(await send(`${cloud.url}${path}`, { method: 'POST' }));
    }
  });

  it('unsupported methods', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const answer = await send(`${cloud.url}/?Action=DescribeRegions`, { method });
      expectEnvelope(answer, 400);
      expect(answer.json?.Code).toBe('UnsupportedHTTPMethod');
    }
  });

  it('malformed Authorization headers', async () => {
    for (const authorization of [
      'ACS3-HMAC-SHA256',
      'ACS3-HMAC-SHA256 Credential=',
      'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=,Signature=',
      'ACS3-RSA-SHA256 Credential=x,SignedHeaders=host,Signature=ab',
      `ACS3-HMAC-SHA256 Credential=${'a'.repeat(5000)},SignedHeaders=host,Signature=ab`,
    ]) {
      const answer = await send(`${cloud.url}/`, {
        method: 'POST',
        headers: { authorization, 'x-acs-action': 'DescribeRegions', 'x-acs-version': '2014-05-26' },
      });
      expectEnvelope(answer);
    }
  });

  it('ACS3 without the date or nonce among the signed headers gets IncompleteSignature', async () => {
    const answer = await send(`${cloud.url}/`, {
      method: 'POST',
      headers: {
        authorization: `ACS3-HMAC-SHA256 Credential=${cloud.credentials.accessKeyId},SignedHeaders=host;x-acs-action,Signature=00`,
        'x-acs-action': 'DescribeRegions',
        'x-acs-version': '2014-05-26',
      },
    });
    expectEnvelope(answer, 400);
    expect(answer.json?.Code).toBe('IncompleteSignature');
  });

  it('an ACS3 body that does not match its signed hash is refused', async () => {
    const answer = await sendAcs3(cloud.url, {
      ...cloud.credentials,
      action: 'DescribeRegions',
      body: 'A=1',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(200);
    // Same request, but the hash header lies about the body: the recomputed signature differs.
    const lying = await send(`${cloud.url}/`, {
      method: 'POST',
      headers: { 'x-acs-content-sha256': 'ab'.repeat(32), authorization: 'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=00' },
      body: 'B=2',
    });
    expectEnvelope(lying);
  });

  it('JSON, binary and non-UTF-8 bodies', async () => {
    for (const [contentType, body] of [
      ['application/json', '{"Action": "DescribeRegions"'],
      ['application/x-www-form-urlencoded', Buffer.from([0xff, 0xfe, 0x00, 0x25, 0x3d])],
      ['application/octet-stream', Buffer.alloc(1024, 7)],
    ] as const) {
      const answer = await send(`${cloud.url}/?Action=DescribeRegions`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      expectEnvelope(answer);
    }
  });

  it('a body over the limit gets RequestTooLarge (413)', async () => {
    const answer = await send(`${cloud.url}/?Action=DescribeRegions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `A=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expectEnvelope(answer, 413);
    expect(answer.json?.Code).toBe('RequestTooLarge');
  });

  it('bad parameter values of a real action get 4xx codes', async () => {
    const cases: Array<Record<string, string>> = [
      { Action: 'DescribeInstanceTypes', MaxResults: 'lots' },
      { Action: 'DescribeInstanceTypes', NextToken: '%%%' },
      { Action: 'DescribeZones' },
      { Action: 'DescribeAvailableResource', RegionId: 'cn-hangzhou', DestinationResource: 'Moon' },
    ];
    for (const params of cases) {
      expectEnvelope(await sendV1(cloud.url, { ...cloud.credentials, params }));
    }
  });

  it('broken HTTP framing gets a 400 and the server keeps serving', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(cloud.endpoint.split(':')[1]), '127.0.0.1', () => {
        socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n');
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain('"Code"');
    const response = await cloud.ecsClient().describeRegions(new DescribeRegionsRequest({}));
    expect(response.statusCode).toBe(200);
  });
});

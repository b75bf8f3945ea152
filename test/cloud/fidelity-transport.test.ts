/**
 * Issue 14 item 3: whatever goes wrong at the transport level, the answer is
 * the ECS JSON envelope with a fitting code, and no connection is closed
 * without one. node:http answers some of these itself (a bare 400 without a
 * Host header, a bare 417 for an unknown Expect) and drops others (CONNECT).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeRegionsRequest } from '@alicloud/ecs20140526';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { rawExchange, type RawHttpAnswer } from './raw-http.js';

describe('transport-level answers are ECS envelopes', () => {
  let tc: TestCloud;
  let port = 0;
  beforeAll(async () => {
    tc = await startTestCloud();
    port = tc.cloud.port;
  });
  afterAll(async () => {
    await tc?.close();
  });

  function expectEnvelope(answer: RawHttpAnswer, status: number, code: string): void {
    expect(answer.dropped, 'the connection was closed without an answer').toBe(false);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toMatchObject({ Code: code, RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/) });
    expect(answer.json?.Message).toBeTypeOf('string');
    expect(answer.json?.HostId).toBeTypeOf('string');
    expect(answer.json?.Recommend).toBeTypeOf('string');
  }

  it('an HTTP/1.1 request without a Host header', async () => {
    expectEnvelope(await rawExchange(port, 'GET /?Action=DescribeRegions HTTP/1.1\r\n\r\n'), 400, 'MissingParameter');
  });

  it('an Expect header other than 100-continue', async () => {
    const answer = await rawExchange(port, 'POST /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\nExpect: junk\r\nContent-Length: 0\r\n\r\n');
    expectEnvelope(answer, 417, 'ExpectationFailed');
  });

  it('CONNECT, as a proxy client would send it', async () => {
    const answer = await rawExchange(port, 'CONNECT ecs.aliyuncs.com:443 HTTP/1.1\r\nHost: ecs.aliyuncs.com:443\r\n\r\n');
    expectEnvelope(answer, 400, 'UnsupportedHTTPMethod');
  });

  it('an Upgrade request', async () => {
    const answer = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    expect(answer.dropped).toBe(false);
    expect(answer.json?.Code).toBeTypeOf('string');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('a broken request line and oversized headers', async () => {
    expectEnvelope(await rawExchange(port, 'NONSENSE\r\n\r\n'), 400, 'InvalidParameter');
    expectEnvelope(await rawExchange(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, 'RequestHeaderTooLarge');
  });

  it('100-continue still works, and the server keeps serving', async () => {
    const answer = await rawExchange(port, 'POST /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n');
    expect(answer.dropped).toBe(false);
    expect(answer.status).toBe(400);
    expect(answer.json?.Code).toBeTypeOf('string');
    const response = await tc.ecsClient().describeRegions(new DescribeRegionsRequest({}));
    expect(response.statusCode).toBe(200);
  });
});

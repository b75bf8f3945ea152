import { describe, expect, it } from 'vitest';
import { isApiHost, routeProxyForm } from '../../src/cloud/http/proxy-request.js';
import type { RawRequest } from '../../src/cloud/http/raw-request.js';

const request = (url: string, host = 'proxy'): RawRequest => ({ method: 'GET', url, headers: { host }, body: Buffer.alloc(0) });

describe('proxy mode routing', () => {
  it.each([
    ['ecs.aliyuncs.com', true],
    ['ECS-CN-HANGZHOU.ALIYUNCS.COM', true],
    ['vpc.cn-hangzhou.aliyuncs.com.', true],
    ['aliyuncs.com', true],
    ['aliyuncs.com.evil.example', false],
    ['notaliyuncs.com', false],
    ['127.0.0.1', false],
  ])('%s is an API host: %s', (host, expected) => {
    expect(isApiHost(host)).toBe(expected);
  });

  it('leaves origin-form requests as they are', () => {
    const raw = request('/?Action=DescribeRegions');
    expect(routeProxyForm(raw)).toEqual({ kind: 'serve', request: raw });
  });

  it('turns an absolute-form target for an API host into origin form, keeping the query as sent and the host', () => {
    const routed = routeProxyForm(request('http://ecs-cn-hangzhou.aliyuncs.com/?Action=X&Name=a%2Bb+c'));
    expect(routed).toMatchObject({ kind: 'serve', request: { url: '/?Action=X&Name=a%2Bb+c', headers: { host: 'ecs-cn-hangzhou.aliyuncs.com' } } });
    expect(routeProxyForm(request('http://ecs.aliyuncs.com:80?Action=X'))).toMatchObject({ kind: 'serve', request: { url: '/?Action=X', headers: { host: 'ecs.aliyuncs.com' } } });
    expect(routeProxyForm(request('http://ecs.aliyuncs.com'))).toMatchObject({ kind: 'serve', request: { url: '/' } });
  });

  it('refuses other hosts and schemes with Forbidden.ProxyHost, and an unparsable target with InvalidParameter', () => {
    for (const url of ['http://example.com/', 'ftp://ecs.aliyuncs.com/', 'http://127.0.0.1:8787/_ecs-image/health']) {
      const routed = routeProxyForm(request(url));
      expect(routed.kind === 'refuse' && routed.error.code).toBe('Forbidden.ProxyHost');
    }
    const broken = routeProxyForm(request('http://[bad/'));
    expect(broken.kind === 'refuse' && broken.error.code).toBe('InvalidParameter');
  });
});

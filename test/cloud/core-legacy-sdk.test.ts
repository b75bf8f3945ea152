/**
 * The older SDK generation (`@alicloud/openapi-client` 0.4.x, what the
 * `@alicloud/ecs20140526` 4.x clients run on) signs both ways too; the server
 * accepts it unchanged, parameters in the query or in a form body.
 */
import { describe, expect, it } from 'vitest';
import OpenApiModule, * as OpenApi from '@alicloud/openapi-client';
import * as Util from '@alicloud/tea-util';
import { type TestCloud, useTestCloud } from '../support/cloud.js';

type LegacyClient = InstanceType<typeof OpenApiModule.default>;

function legacyClient(cloud: TestCloud, signatureAlgorithm?: string): LegacyClient {
  const module: unknown = OpenApiModule;
  const Client = typeof module === 'function' ? (module as typeof OpenApiModule.default) : OpenApiModule.default;
  return new Client(
    new OpenApi.Config({
      accessKeyId: cloud.credentials.accessKeyId,
      accessKeySecret: cloud.credentials.accessKeySecret,
      regionId: 'cn-hangzhou',
      endpoint: cloud.endpoint,
      protocol: 'http',
      ...(signatureAlgorithm !== undefined ? { signatureAlgorithm } : {}),
    }),
  );
}

function params(action: string, version: string): OpenApi.Params {
  return new OpenApi.Params({
    action,
    version,
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
}

describe('legacy SDK generation (openapi-client 0.4)', () => {
  const cloud = useTestCloud();

  for (const [name, algorithm] of [
    ['ACS3-HMAC-SHA256', undefined],
    ['RPC HMAC-SHA1', 'v2'],
  ] as const) {
    it(`${name}: query parameters`, async () => {
      const answer = (await legacyClient(cloud, algorithm).callApi(
        params('DescribeZones', '2014-05-26'),
        new OpenApi.OpenApiRequest({ query: { RegionId: 'cn-shanghai', AcceptLanguage: 'en-US' } }),
        new Util.RuntimeOptions({}),
      )) as { statusCode: number; body: { Zones: { Zone: Array<{ ZoneId: string }> } } };
      expect(answer.statusCode).toBe(200);
      expect(answer.body.Zones.Zone.map((zone) => zone.ZoneId)).toContain('cn-shanghai-l');
    });

    it(`${name}: form body parameters`, async () => {
      const answer = (await legacyClient(cloud, algorithm).callApi(
        params('ListResourceGroups', '2020-03-31'),
        new OpenApi.OpenApiRequest({ body: { PageSize: '50', Name: 'dev' } }),
        new Util.RuntimeOptions({}),
      )) as { statusCode: number; body: { TotalCount: number } };
      expect(answer.body.TotalCount).toBe(1);
    });
  }

  it('its errors carry the code and status', async () => {
    const client = legacyClient(cloud);
    await expect(
      client.callApi(params('DescribeZones', '2014-05-26'), new OpenApi.OpenApiRequest({ query: {} }), new Util.RuntimeOptions({})),
    ).rejects.toMatchObject({ code: 'MissingParameter', statusCode: 400 });
  });
});

/**
 * `protocol = "HTTPS"` and the Apsara Stack `insecure` flag against a real HTTPS server with a
 * self-signed certificate (a test-only key, generated for this file): verification is on by
 * default and refuses the server; `insecure = true` accepts it.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $Ecs, CloudError, callWithRetry, openClients, resolveAlibabacloudStackConfig } from '../../src/provider/client/index.js';

const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHm1z4GiI859tzLmN
r6n4vI+t1dHPuOQzYv6vqxDhnH6hRANCAASTLKKYCIVF6aEtZNL6PK+kqw+Ti3kf
M639LPxvNeEoSUpaDoXKr+Bbhnj5tPA9hi8zyPYhbRtB8qHI3pi28qqY
-----END PRIVATE KEY-----`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBfjCCASWgAwIBAgIUaK63Ib1RpY9q6GDDLupL2yGeaEswCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzE2MzgwNVoYDzIxMjYxMDMw
MTYzODA1WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASTLKKYCIVF6aEtZNL6PK+kqw+Ti3kfM639LPxvNeEoSUpaDoXKr+Bb
hnj5tPA9hi8zyPYhbRtB8qHI3pi28qqYo1MwUTAdBgNVHQ4EFgQUUnL1OR2Afq/N
yAkZmi7Q+1cBZLMwHwYDVR0jBBgwFoAUUnL1OR2Afq/NyAkZmi7Q+1cBZLMwDwYD
VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiA174IHLO2UU1LTHmPUm26I
xUYnaYBZNOa07DADoYYRqwIgaHefSk7e7PHnlY4pTa6hsoxZ2wEpkARbS7gF3ggZ
Xao=
-----END CERTIFICATE-----`;

let server: Server;
let endpoint: string;
let requests = 0;

beforeAll(async () => {
  server = createServer({ key: KEY, cert: CERT }, (_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ RequestId: 'R-TLS', Regions: { Region: [{ RegionId: 'cn-stack-1' }] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function describeRegions(insecure: boolean): Promise<unknown> {
  const config = await resolveAlibabacloudStackConfig(
    { access_key: 'k', secret_key: 's', region: 'cn-stack-1', department: '1', resource_group: '1', protocol: 'HTTPS', insecure, endpoints: { ecs: endpoint } },
    { env: {} },
  );
  const clients = await openClients(config);
  return callWithRetry(() => clients.ecs.describeRegionsWithOptions(new $Ecs.DescribeRegionsRequest({}), clients.runtime()), { timeoutMs: 1_000 });
}

describe('TLS verification', () => {
  it('refuses a self-signed certificate by default, without retrying', async () => {
    const before = requests;
    const err = await describeRegions(false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect(err).toMatchObject({ kind: 'transport' });
    expect((err as Error).message).toMatch(/self[- ]signed/i);
    expect(requests).toBe(before);
  });

  it('accepts it with insecure = true', async () => {
    const response = (await describeRegions(true)) as { body?: { requestId?: string } };
    expect(response.body?.requestId).toBe('R-TLS');
  });
});

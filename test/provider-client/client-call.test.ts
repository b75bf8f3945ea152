/**
 * `callWithRetry` through the official SDK clients: a scripted real HTTP server in front of
 * the real local cloud answers 503 / throttling / errors on cue, then forwards to the cloud.
 */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  $Ecs,
  CancelledError,
  CloudError,
  buildClientToken,
  callWithRetry,
  openClients,
  createImage,
  isNotFound,
  resolveAlicloudConfig,
  resolveAlibabacloudStackConfig,
  type CloudClients,
} from '../../src/provider/client/index.js';
import { useTestCloud } from '../support/cloud.js';
import { ecsError, REGIONS_OK, startScriptedServer, type ScriptedServer, type Step } from './client-scripted-server.js';
import { insertSnapshot } from '../support/store-rows.js';

const tc = useTestCloud();
const servers: ScriptedServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function scripted(script: (index: number) => Step): Promise<ScriptedServer> {
  const server = await startScriptedServer((index) => script(index));
  servers.push(server);
  return server;
}

async function clientsFor(endpoint: string): Promise<CloudClients> {
  const config = await resolveAlicloudConfig(
    { access_key: tc.credentials.accessKeyId, secret_key: tc.credentials.accessKeySecret, region: tc.regionId, protocol: 'HTTP', endpoints: { ecs: endpoint } },
    { env: {} },
  );
  return openClients(config);
}

const FAST = { initialDelayMs: 20, maxDelayMs: 100 };
const describeRegions = (clients: CloudClients) => () => clients.ecs.describeRegionsWithOptions(new $Ecs.DescribeRegionsRequest({}), clients.runtime());

describe('callWithRetry', () => {
  it('retries a 503 twice, then gets the real answer through the proxy', async () => {
    const server = await scripted((i) => (i < 2 ? ecsError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.') : { forwardTo: tc.endpoint }));
    const clients = await clientsFor(server.endpoint);
    const attempts: number[] = [];
    const response = await callWithRetry((attempt) => {
      attempts.push(attempt);
      return describeRegions(clients)();
    }, { backoff: FAST });
    expect(attempts).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(3);
    expect(response.body?.regions?.region?.map((r) => r.regionId)).toContain(tc.regionId);
    // Each attempt is a freshly signed request (RPC v1: new nonce), so the cloud's replay check passes.
    const nonces = server.requests.map((r) => r.query.get('SignatureNonce'));
    expect(new Set(nonces).size).toBe(3);
    expect(server.requests[0]!.query.get('SignatureMethod')).toBe('HMAC-SHA1');
  });

  it('honours x-acs-retry-after on throttling answers', async () => {
    const server = await scripted((i) => (i === 0 ? ecsError(400, 'Throttling.User', 'Request was denied due to user flow control.', { 'x-acs-retry-after': '300' }) : REGIONS_OK));
    const clients = await clientsFor(server.endpoint);
    const started = Date.now();
    await callWithRetry(describeRegions(clients), { backoff: FAST });
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('does not retry a client error, and reports code, status, request id and the cloud message', async () => {
    const server = await scripted(() => ecsError(400, 'InvalidParameter', 'The specified parameter "X" is not valid.'));
    const clients = await clientsFor(server.endpoint);
    const err = await callWithRetry(describeRegions(clients), { backoff: FAST }).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(err).toBeInstanceOf(CloudError);
    expect(err).toMatchObject({
      kind: 'api',
      code: 'InvalidParameter',
      status: 400,
      requestId: 'R-InvalidParameter-400',
      cloudMessage: 'The specified parameter "X" is not valid.',
    });
    expect((err as Error).message).toBe('InvalidParameter: The specified parameter "X" is not valid. (HTTP 400, request id R-InvalidParameter-400)');
  });

  it('retries an action-specific code only when the caller names it', async () => {
    const server = await scripted((i) => (i < 2 ? ecsError(400, 'IncorrectInstanceStatus', 'The current status of the instance does not support this operation.') : REGIONS_OK));
    const clients = await clientsFor(server.endpoint);
    await expect(callWithRetry(describeRegions(clients), { backoff: FAST })).rejects.toMatchObject({ code: 'IncorrectInstanceStatus' });
    await callWithRetry(describeRegions(clients), { backoff: FAST, retryCodes: ['IncorrectInstanceStatus'] });
    expect(server.requests).toHaveLength(3);
  });

  it('stops at the deadline with the last error', async () => {
    const server = await scripted(() => ecsError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.'));
    const clients = await clientsFor(server.endpoint);
    const started = Date.now();
    const err = await callWithRetry(describeRegions(clients), { backoff: FAST, timeoutMs: 400 }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toMatchObject({ code: 'InternalError', status: 500 });
    expect(server.requests.length).toBeGreaterThan(2);
    expect(elapsed).toBeLessThan(1000);
  });

  it('is cancelled by the AbortSignal while backing off', async () => {
    const server = await scripted(() => ecsError(503, 'ServiceUnavailable', 'down'));
    const clients = await clientsFor(server.endpoint);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('StopProvider')), 150);
    const started = Date.now();
    const err = await callWithRetry(describeRegions(clients), { backoff: { initialDelayMs: 5_000 }, signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as Error).message).toBe('operation cancelled: StopProvider');
    expect((err as CancelledError).lastAnswer).toMatchObject({ code: 'ServiceUnavailable', status: 503 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('turns a non-JSON gateway page into a clear error, not retried', async () => {
    const server = await scripted(() => ({ status: 502, text: '<html><body>Bad Gateway</body></html>' }));
    const clients = await clientsFor(server.endpoint);
    const err = await callWithRetry(describeRegions(clients), { backoff: FAST }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'malformed-response', code: 'MalformedResponse' });
    expect((err as Error).message).toMatch(/not JSON/);
    expect(server.requests).toHaveLength(1);
  });

  it('retries transport failures (nothing listening) until the deadline', async () => {
    const port = await freePort();
    const clients = await clientsFor(`127.0.0.1:${port}`);
    const err = await callWithRetry(describeRegions(clients), { backoff: FAST, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transport', code: 'ECONNREFUSED' });
  });
});

describe('ClientToken', () => {
  it('has the reference shape and length', () => {
    const token = buildClientToken('CreateImage', Date.UTC(2025, 0, 1));
    expect(token).toMatch(/^TF-CreateImage-1735689600-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(buildClientToken('A'.repeat(80)).length).toBe(64);
  });

  it('is reused across the retries of one CreateImage, so the cloud makes one image', async () => {
    const snapshotId = await insertSnapshot(tc);
    // The first attempt reaches the cloud but its answer is "lost" (replaced by a 503).
    const lost = ecsError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
    const server = await startScriptedServer((i) => (i === 0 ? { forwardTo: tc.endpoint, replaceWith: lost } : i === 1 ? lost : { forwardTo: tc.endpoint }));
    servers.push(server);
    const clients = await clientsFor(server.endpoint);
    const imageId = await createImage(clients, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'token-reuse' }), { backoff: FAST });
    const tokens = server.requests.map((r) => r.params.get('ClientToken'));
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^TF-CreateImage-\d+-/);
    const listed = await tc.ecsClient().describeImages(new $Ecs.DescribeImagesRequest({ regionId: tc.regionId, imageName: 'token-reuse', status: 'ALL' }));
    expect(listed.body?.images?.image?.map((image) => image.imageId)).toEqual([imageId]);
  });
});

describe('the Apsara Stack decoration on the wire', () => {
  it('sends the scoping parameters and headers on every call, signed with HMAC-SHA1', async () => {
    const server = await scripted(() => REGIONS_OK);
    const config = await resolveAlibabacloudStackConfig(
      { access_key: 'k', secret_key: 's', region: 'cn-stack-1', department: '27', resource_group: '45', endpoints: { ecs: server.endpoint } },
      { env: {} },
    );
    const clients = await openClients(config);
    await describeRegions(clients)();
    const [request] = server.requests;
    expect(request!.query.get('Department')).toBe('27');
    expect(request!.query.get('OrganizationId')).toBe('27');
    expect(request!.query.get('ResourceGroup')).toBe('45');
    expect(request!.query.get('SignatureMethod')).toBe('HMAC-SHA1');
    const headers = Object.fromEntries(request!.rawHeaders);
    expect(headers).toMatchObject({
      RegionId: 'cn-stack-1',
      'x-acs-regionid': 'cn-stack-1',
      'x-acs-organizationid': '27',
      'x-acs-resourcegroupid': '45',
      'x-acs-request-version': 'v1',
      'x-acs-asapi-product': 'Ecs',
      'x-ascm-product-name': 'Ecs',
    });
  });

  it('sends nothing extra for alicloud', async () => {
    const server = await scripted(() => REGIONS_OK);
    await describeRegions(await clientsFor(server.endpoint))();
    const [request] = server.requests;
    expect(request!.query.has('Department')).toBe(false);
    expect(request!.headers['x-acs-organizationid']).toBeUndefined();
  });
});

describe('isNotFound', () => {
  const err = (code: string, status: number, message = 'm') => new CloudError({ kind: 'api', code, status, cloudMessage: message });
  it.each([
    { e: err('InvalidImageId.NotFound', 404), want: true },
    { e: err('InvalidSnapshotId.NotFound', 400), want: true },
    { e: err('SomethingElse', 404), want: true },
    { e: err('Forbidden.InstanceNotFound', 403), want: true },
    { e: err('InvalidParameter', 400, 'The instance is not found'), want: true },
    { e: err('InvalidAccessKeyId.NotFound', 404), want: false },
    { e: err('InvalidApi.NotFound', 404), want: false },
    { e: err('InvalidParameter', 400), want: false },
    { e: new Error('InvalidImageId.NotFound'), want: false },
  ])('$e.message → $want', ({ e, want }) => {
    expect(isNotFound(e)).toBe(want);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

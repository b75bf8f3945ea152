/**
 * Apsara Stack tenant discovery (ASCM ListResourceGroup): against a scripted real HTTP server
 * standing in for a real ASCM (the request as the SDK signs it, and the answers upstream
 * handles: one match, none, several, a failure code), and against the local cloud's own ASCM
 * route (src/cloud/http/ascm-route.ts), whose `id` is the resource set's `rg-…` id as a string.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $Ecs, ConfigError, connect, resolveAlibabacloudStackConfig } from '../../src/provider/client/index.js';
import { useTestCloud } from '../support/cloud.js';
import { startScriptedServer, type RecordedRequest, type ScriptedServer, type Step } from './client-scripted-server.js';

const servers: ScriptedServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function ascm(step: Step): Promise<ScriptedServer> {
  const server = await startScriptedServer(() => step);
  servers.push(server);
  return server;
}

async function connectWithSet(server: ScriptedServer, setName: string, securityToken?: string) {
  const config = await resolveAlibabacloudStackConfig(
    {
      access_key: 'AKID',
      secret_key: 'SECRET',
      security_token: securityToken ?? null,
      region: 'cn-stack-1',
      resource_group_set_name: setName,
      endpoints: { ecs: 'ecs.stack.local', ascm: server.endpoint },
    },
    { env: {} },
  );
  return connect(config, { timeoutMs: 2_000 });
}

const answer = (data: unknown[], code: unknown = '200'): Step => ({ status: 200, json: { code, data, success: true, message: 'ok', pageInfo: {} } });

/** ROA string to sign as alibabacloudstack.md §3.4 describes it, recomputed from the wire. */
function roaStringToSign(request: RecordedRequest): string {
  const h = request.headers;
  const acs = Object.keys(h)
    .filter((name) => name.startsWith('x-acs-'))
    .sort()
    .map((name) => `${name}:${String(h[name])}`);
  const query = [...request.query.keys()]
    .sort()
    .map((key) => (request.query.get(key) ? `${key}=${request.query.get(key)}` : key))
    .join('&');
  const fixed = ['POST', h['accept'] ?? '', h['content-md5'] ?? '', h['content-type'] ?? '', h['date'] ?? ''];
  return [...fixed, ...acs, `${request.path}${query ? `?${query}` : ''}`].join('\n');
}

describe('ASCM resource set lookup', () => {
  it('finds department and resource group by set name, with a correctly signed ROA request', async () => {
    const server = await ascm(
      answer([
        { id: 44, organizationID: 26, resourceGroupName: 'other-set', rsId: 'rs-other' },
        { id: 45, organizationID: 27, resourceGroupName: 'my-set', rsId: 'rs-mine' },
      ]),
    );
    const clients = await connectWithSet(server, 'my-set');
    expect(clients.scope).toEqual({ department: '27', resourceGroup: '45', resourceGroupId: 'rs-mine' });

    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/ascm/auth/resource_group/list_resource_group');
    expect(Object.fromEntries(request!.query)).toEqual({ pageNumber: '1', pageSize: '10', resourceGroupName: 'my-set' });
    expect(request!.headers).toMatchObject({ 'x-ascm-product-name': 'ascm', 'x-acs-action': 'ListResourceGroup', 'x-acs-version': '2019-05-10' });
    const signature = createHmac('sha1', 'SECRET').update(roaStringToSign(request!)).digest('base64');
    expect(request!.headers['authorization']).toBe(`acs AKID:${signature}`);
  });

  it('accepts organizationId in any case and passes an STS token in the query', async () => {
    const server = await ascm(answer([{ id: '7', organizationId: '8', resourceGroupName: 'set' }]));
    const clients = await connectWithSet(server, 'set', 'STS.token');
    expect(clients.scope).toEqual({ department: '8', resourceGroup: '7', resourceGroupId: undefined });
    expect(server.requests[0]!.query.get('SecurityToken')).toBe('STS.token');
  });

  it.each([
    { name: 'no entry with that exact name', step: answer([{ id: 1, organizationID: 2, resourceGroupName: 'my-set-2' }]), message: /^resource group ID and organization not found for resource set my-set$/ },
    {
      name: 'two entries with that name',
      step: answer([
        { id: 1, organizationID: 2, resourceGroupName: 'my-set' },
        { id: 3, organizationID: 4, resourceGroupName: 'my-set' },
      ]),
      message: /more than one resource set is named my-set/,
    },
    { name: 'a failure code', step: answer([], '500'), message: /ASCM ListResourceGroup answered code 500/ },
    { name: 'an HTTP error', step: { status: 403, json: { Code: 'Forbidden', Message: 'denied', RequestId: 'R1' } }, message: /looking up resource set "my-set" at http:\/\/.* failed: Forbidden/ },
  ])('fails clearly on $name', async ({ step, message }) => {
    const server = await ascm(step);
    const err = await connectWithSet(server, 'my-set').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).attribute).toBe('resource_group_set_name');
    expect((err as Error).message).toMatch(message);
  });
});

describe('ASCM resource set lookup against the local cloud', () => {
  const tc = useTestCloud();
  let devGroup: string;

  beforeAll(async () => {
    const dev = await tc.cloud.store.db.selectFrom('resource_groups').select('id').where('account_id', '=', tc.accountId).where('name', '=', 'dev').executeTakeFirstOrThrow();
    devGroup = dev.id;
  });

  async function connectToCloud(setName: string, secret = tc.credentials.accessKeySecret) {
    const config = await resolveAlibabacloudStackConfig(
      {
        access_key: tc.credentials.accessKeyId,
        secret_key: secret,
        region: tc.regionId,
        resource_group_set_name: setName,
        endpoints: { ecs: tc.endpoint, ascm: tc.endpoint },
      },
      { env: {} },
    );
    return connect(config, { timeoutMs: 5_000 });
  }

  it('resolves "dev" to the account (organization) and its dev group (resource set), and scoped calls then work', async () => {
    const clients = await connectToCloud('dev');
    expect(clients.scope).toEqual({ department: tc.accountId, resourceGroup: devGroup, resourceGroupId: devGroup });
    await clients.prepare();
    const images = await clients.ecs.describeImagesWithOptions(new $Ecs.DescribeImagesRequest({ regionId: tc.regionId, imageOwnerAlias: 'self' }), clients.runtime());
    expect(images.body?.images?.image ?? []).toEqual([]);
  });

  it.each([
    { name: 'an unknown set name', setName: 'nope', message: /^resource group ID and organization not found for resource set nope$/ },
    { name: "the default group (not a resource set)", setName: 'default', message: /^resource group ID and organization not found for resource set default$/ },
  ])('fails with the documented error for $name', async ({ setName, message }) => {
    const err = await connectToCloud(setName).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).attribute).toBe('resource_group_set_name');
    expect((err as Error).message).toMatch(message);
  });

  it('a wrong secret is refused by the signature check', async () => {
    const err = await connectToCloud('dev', 'not-the-secret').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/SignatureDoesNotMatch/);
  });
});

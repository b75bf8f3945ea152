/**
 * `validateCredentials` against the real local cloud: the messages a user sees at plan time
 * for an unknown key, a wrong secret, an unreachable endpoint and a cloud that keeps failing.
 */
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  connect,
  createClients,
  resolveAlicloudConfig,
  resolveAlibabacloudStackConfig,
  validateCredentials,
  type AlicloudProviderArgs,
} from '../../src/provider/client/index.js';
import { useTestCloud } from '../support/cloud.js';
import { ecsError, nonDefaultGroup, startScriptedServer } from './client-scripted-server.js';

const tc = useTestCloud();

async function check(args: AlicloudProviderArgs, env: Record<string, string> = {}): Promise<unknown> {
  const config = await resolveAlicloudConfig({ region: tc.regionId, endpoints: { ecs: tc.url }, ...args }, { env });
  return validateCredentials(createClients(config), { timeoutMs: 2_000 }).catch((err: unknown) => err);
}

describe('validateCredentials', () => {
  it('accepts the cloud account keys, from arguments or from the environment', async () => {
    expect(await check({ access_key: tc.credentials.accessKeyId, secret_key: tc.credentials.accessKeySecret })).toBeUndefined();
    expect(
      await check({}, { ALIBABA_CLOUD_ACCESS_KEY_ID: tc.credentials.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: tc.credentials.accessKeySecret }),
    ).toBeUndefined();
  });

  it('names an unknown access key, where it came from and the endpoint', async () => {
    const err = await check({}, { ALICLOUD_ACCESS_KEY: 'LTAInobody', ALICLOUD_SECRET_KEY: 'whatever' });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toMatchObject({
      attribute: 'access_key',
      message: `the access key "LTAInobody" (from environment variable ALICLOUD_ACCESS_KEY and environment variable ALICLOUD_SECRET_KEY) is not known to ${tc.url}`,
    });
    expect((err as ConfigError).detail).toMatch(/Check the access key id/);
  });

  it('says the secret does not match the key', async () => {
    const err = await check({ access_key: tc.credentials.accessKeyId, secret_key: 'not-the-secret' });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toMatchObject({ attribute: 'secret_key' });
    expect((err as Error).message).toBe(
      `the secret key does not match the access key "${tc.credentials.accessKeyId}" (from provider argument "access_key" and provider argument "secret_key")`,
    );
  });

  it('says the endpoint cannot be reached, at once', async () => {
    const closed = await startScriptedServer(() => ({ status: 200, json: {} }));
    await closed.close();
    const started = Date.now();
    const err = await check({ access_key: 'a', secret_key: 'b', endpoints: { ecs: `http://${closed.endpoint}` } });
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).attribute).toBe('endpoints');
    expect((err as Error).message).toMatch(new RegExp(`^cannot reach the ECS API at http://${closed.endpoint}: .*ECONNREFUSED`));
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('retries a cloud that keeps answering 503, then reports it', async () => {
    const down = await startScriptedServer(() => ecsError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'));
    try {
      const err = await check({ access_key: 'a', secret_key: 'b', endpoints: { ecs: `http://${down.endpoint}` } });
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/^checking the credentials with DescribeRegions at http:\/\/.* failed: ServiceUnavailable: /);
      expect(down.requests.length).toBeGreaterThan(1);
    } finally {
      await down.close();
    }
  });

  it('works for the Apsara Stack flavour, and names a wrong department or resource set', async () => {
    const resourceSet = await nonDefaultGroup(tc);
    const stack = async (args: { access_key?: string; department: string; resource_group: string }) =>
      connect(
        await resolveAlibabacloudStackConfig(
          {
            access_key: args.access_key ?? tc.credentials.accessKeyId,
            secret_key: tc.credentials.accessKeySecret,
            region: tc.regionId,
            department: args.department,
            resource_group: args.resource_group,
            endpoints: { ecs: tc.endpoint },
          },
          { env: {} },
        ),
      );
    const check = async (clients: Awaited<ReturnType<typeof stack>>) => validateCredentials(clients, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(await check(await stack({ department: tc.accountId, resource_group: resourceSet }))).toBeUndefined();
    expect(await check(await stack({ access_key: 'LTAInobody', department: tc.accountId, resource_group: resourceSet }))).toMatchObject({ attribute: 'access_key' });
    expect(await check(await stack({ department: '999', resource_group: resourceSet }))).toMatchObject({
      attribute: 'department',
      message: expect.stringMatching(/^the cloud refused department "999" for the access key/),
    });
    expect(await check(await stack({ department: tc.accountId, resource_group: 'rg-nope' }))).toMatchObject({
      attribute: 'resource_group',
      message: `resource_group "rg-nope" is not a resource set of department "${tc.accountId}"`,
    });
  });
});

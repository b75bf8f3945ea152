/**
 * A bounded, seeded fuzz over every action (issue 14): a few thousand malformed and
 * mis-signed requests on loopback. Every answer is a 2xx or 4xx (never 5xx), every error is
 * the ECS envelope, no connection is dropped, and the account the requests target is
 * unchanged afterwards. Writes are only ever sent mis-signed (a valid signature would let
 * a lucky write through); validly signed requests with junk values go to read-only actions.
 * The seed is fixed, so a failure replays: the assertion message names the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeRegionsRequest } from '@alicloud/ecs20140526';
import { PRODUCTS } from '../../src/cloud/api/registry.js';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { isoSeconds, send, sendAcs3, signV1, type RawAnswer } from '../support/raw-rpc.js';

const SEED = 0x5eed_0014;
const REQUESTS = 2_400;
const IN_FLIGHT = 4;

/** mulberry32: small, seeded, good enough to pick cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const JUNK_VALUES = [
  '', ' ', '%', '%%41', '\u0000', 'ü', '🙂', 'a'.repeat(5_000), '-1', '0', '99999999999999999999', '1e9', '["x"]', '["',
  '{"a":', 'true', 'null', 'undefined', 'http://x', '../../etc/passwd', "' OR 1=1 --", 'm-', 'i-', 'vpc-', 'cn-hangzhou', 'ALL',
];
const JUNK_NAMES = [
  'RegionId', 'ImageId', 'InstanceId', 'DiskId', 'SnapshotId', 'VpcId', 'VSwitchId', 'SecurityGroupId', 'ResourceGroupId',
  'PageSize', 'PageNumber', 'MaxResults', 'NextToken', 'Tag.1.Key', 'Tag.1.Value', 'Tag.0.Key', 'Tag.999999.Key', 'Filter.1.Key',
  'DiskDeviceMapping.1.Size', 'DataDisk.1.Size', 'SystemDisk.Size', 'InstanceIds', 'DiskIds', 'SnapshotIds', 'Status',
  'ImageOwnerAlias', 'DryRun', 'ClientToken', 'CidrBlock', 'ZoneId', 'DestinationResource', 'ResourceType', 'ResourceId.1',
  'Department', 'ResourceGroup', 'a.b.c', '', 'Action', 'Version',
];

interface Target {
  readonly product: string;
  readonly version: string;
  readonly action: string;
  readonly readOnly: boolean;
}

describe('fuzzing every action with malformed and mis-signed requests', () => {
  let tc: TestCloud;
  beforeAll(async () => {
    tc = await startTestCloud();
  });
  afterAll(async () => {
    await tc?.close();
  });

  /** Every row of the account, per table: what must not change. */
  async function accountState(): Promise<string> {
    const db = tc.cloud.store.db;
    const tables = ['images', 'instances', 'disks', 'snapshots', 'security_groups', 'vpcs', 'vswitches', 'tags', 'resource_groups', 'idempotency', 'jobs'] as const;
    const state: Record<string, unknown> = {};
    for (const table of tables) {
      state[table] = await db.selectFrom(table).selectAll().where('account_id', '=', tc.accountId).execute();
    }
    state.access_keys = await db.selectFrom('access_keys').selectAll().where('account_id', '=', tc.accountId).execute();
    return JSON.stringify(state, (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
  }

  it(`${REQUESTS} requests: no 5xx, every error in the envelope, no dropped connection, nothing changed`, { timeout: 60_000 }, async () => {
    const targets: Target[] = PRODUCTS.flatMap((product) =>
      product.tables.flatMap((table) =>
        Object.entries(table).map(([action, definition]) => ({ product: product.name, version: product.version, action, readOnly: definition.readOnly === true })),
      ),
    );
    const next = random(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const { accessKeyId, accessKeySecret } = tc.credentials;
    const before = await accountState();

    const junkParams = (): Record<string, string> => {
      const params: Record<string, string> = {};
      const count = Math.floor(next() * 6);
      for (let i = 0; i < count; i += 1) {
        const name = pick(JUNK_NAMES);
        if (name !== '' && name !== 'Action' && name !== 'Version') params[name] = pick(JUNK_VALUES);
      }
      return params;
    };

    /** One request; returns a description (for failure messages) and the answer. */
    const oneRequest = async (): Promise<[string, RawAnswer]> => {
      const target = pick(targets);
      const params = { Action: target.action, Version: target.version, ...junkParams() };
      const kind = target.readOnly ? Math.floor(next() * 11) : Math.floor(next() * 10);
      const describe = `${target.product} ${target.action} case ${kind} ${JSON.stringify(params).slice(0, 300)}`;
      const signed = (overrides: Partial<Parameters<typeof signV1>[0]> = {}) =>
        signV1({ accessKeyId, accessKeySecret, params, ...overrides });
      const post = (query: Record<string, string>, init: RequestInit = {}) =>
        send(`${tc.url}/?${new URLSearchParams(query).toString()}`, { method: 'POST', ...init });
      switch (kind) {
        case 0: {
          const { query } = signed();
          const signature = query.Signature ?? '';
          const flipped = `${signature.slice(0, 3)}${signature[3] === 'A' ? 'B' : 'A'}${signature.slice(4)}`;
          return [describe, await post({ ...query, Signature: flipped })];
        }
        case 1:
          return [describe, await post(signed({ accessKeySecret: `${accessKeySecret}x` }).query)];
        case 2: {
          const { Signature: _, ...query } = signed().query;
          return [describe, await post(query)];
        }
        case 3:
          return [describe, await post(signed({ params: { ...params, Timestamp: pick(['yesterday', '2001-01-01T00:00:00Z', isoSeconds(Date.now() + 3_600_000), '']) } }).query)];
        case 4:
          return [describe, await post(signed({ accessKeyId: `LTAI${Math.floor(next() * 1e9)}` }).query)];
        case 5:
          return [describe, await post({ ...signed().query, SignatureMethod: pick(['HMAC-SHA256', 'RSA', '']), SignatureVersion: '2.0' })];
        case 6:
          // Tampered after signing: a parameter added in the form body.
          return [describe, await post(signed().query, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${pick(JUNK_NAMES) || 'X'}=${encodeURIComponent(pick(JUNK_VALUES))}` })];
        case 7:
          return [
            describe,
            await sendAcs3(tc.url, { accessKeyId, accessKeySecret: `${accessKeySecret}x`, action: target.action, version: target.version, query: junkParams() }),
          ];
        case 8:
          return [describe, await send(`${tc.url}/?${pick(['%', '%zz', 'Action=%E0%A4%A', '&&==&', 'Action'])}&${new URLSearchParams(params).toString()}`, { method: pick(['POST', 'GET', 'PUT', 'DELETE']) })];
        case 9:
          return [
            describe,
            await post(signed().query, { headers: { 'content-type': pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded; charset=latin1']) }, body: Buffer.from([0xff, 0x25, 0x3d, 0x00, 0x26]) }),
          ];
        default:
          // Read-only actions only: validly signed, with junk values.
          return [describe, await post(signed().query)];
      }
    };

    const problems: string[] = [];
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < REQUESTS) {
        sent += 1;
        let answer: RawAnswer;
        let describe: string;
        try {
          [describe, answer] = await oneRequest();
        } catch (error) {
          problems.push(`dropped: ${String(error)}`);
          continue;
        }
        if (answer.status >= 500) problems.push(`${answer.status}: ${describe} → ${answer.text.slice(0, 200)}`);
        else if (answer.status >= 400) {
          const body = answer.json ?? {};
          const envelope = ['RequestId', 'HostId', 'Code', 'Message', 'Recommend'].every((key) => typeof body[key] === 'string');
          if (!envelope) problems.push(`not an envelope (${answer.status}): ${describe} → ${answer.text.slice(0, 200)}`);
        } else if (typeof answer.json?.RequestId !== 'string') problems.push(`success without RequestId: ${describe}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    expect(problems.slice(0, 10)).toEqual([]);
    expect(await accountState()).toBe(before);
    const still = await tc.ecsClient().describeRegions(new DescribeRegionsRequest({}));
    expect(still.statusCode).toBe(200);
  });
});

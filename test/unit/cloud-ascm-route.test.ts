/** The ASCM ListResourceGroup route on a real in-memory store: verification and the account's resource sets. */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, type AccountCredentials } from '../../src/cloud/seed/accounts.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';
import { AccessKeyDirectory } from '../../src/cloud/http/access-keys.js';
import { handleAscm, isAscmRequest, LIST_RESOURCE_GROUP_PATH } from '../../src/cloud/http/ascm-route.js';
import type { RawRequest } from '../../src/cloud/http/raw-request.js';
import { roaSignature, roaStringToSign } from '../../src/cloud/http/signature-roa.js';

let store: Store;
let account: AccountCredentials;
let other: AccountCredentials;

beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', file: ':memory:' });
  account = await createAccount(store.db, { now: 1 });
  other = await createAccount(store.db, { now: 1 });
});

afterEach(async () => {
  await store.close();
});

function signed(query: string, accessKeyId: string, secret: string): RawRequest {
  const headers = { accept: 'application/json', 'content-type': 'application/json', date: new Date(0).toUTCString(), 'x-acs-action': 'ListResourceGroup' };
  const queryPairs = [...new URLSearchParams(query)];
  const signature = roaSignature(roaStringToSign({ method: 'POST', path: LIST_RESOURCE_GROUP_PATH, queryPairs, headers }), secret);
  return { method: 'POST', url: `${LIST_RESOURCE_GROUP_PATH}?${query}`, headers: { ...headers, authorization: `acs ${accessKeyId}:${signature}` }, body: Buffer.alloc(0) };
}

async function call(raw: RawRequest): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await handleAscm(raw, { accessKeys: new AccessKeyDirectory(store.db), db: store.db, logger: pino({ level: 'silent' }) });
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

describe('ASCM ListResourceGroup route', () => {
  it('claims only its path', () => {
    expect(isAscmRequest({ method: 'POST', url: `${LIST_RESOURCE_GROUP_PATH}?pageNumber=1`, headers: {}, body: Buffer.alloc(0) })).toBe(true);
    expect(isAscmRequest({ method: 'POST', url: '/?Action=DescribeImages', headers: {}, body: Buffer.alloc(0) })).toBe(false);
  });

  it("answers the caller's non-default group of that exact name, with the organization as an integer", async () => {
    const dev = await store.db.selectFrom('resource_groups').select('id').where('account_id', '=', account.accountId).where('name', '=', 'dev').executeTakeFirstOrThrow();
    const { status, body } = await call(signed('pageNumber=1&pageSize=10&resourceGroupName=dev', account.accessKeyId, account.accessKeySecret));
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: '200', success: true, pageInfo: { currentPage: 1, pageSize: 10, total: 1 } });
    const data = body['data'] as Record<string, unknown>[];
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ id: dev.id, rsId: dev.id, resourceGroupName: 'dev' });
    expect(String(data[0]!['organizationID'])).toBe(account.accountId);
  });

  it('never lists the default group, and an unknown or inexact name finds nothing', async () => {
    for (const name of ['default', 'de', 'nope']) {
      const { body } = await call(signed(`pageNumber=1&pageSize=10&resourceGroupName=${name}`, account.accessKeyId, account.accessKeySecret));
      expect(body['data']).toEqual([]);
    }
  });

  it('rejects an unknown AccessKey and a wrong signature with the gateway envelope', async () => {
    const unknown = await call(signed('resourceGroupName=dev', 'LTAInobody', 'x'));
    expect(unknown).toMatchObject({ status: 404, body: { Code: 'InvalidAccessKeyId.NotFound' } });
    const wrong = await call(signed('resourceGroupName=dev', account.accessKeyId, other.accessKeySecret));
    expect(wrong).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    const tampered = signed('resourceGroupName=dev', account.accessKeyId, account.accessKeySecret);
    const swapped = await call({ ...tampered, url: tampered.url.replace('dev', 'ops') });
    expect(swapped.body['Code']).toBe('SignatureDoesNotMatch');
    const bare = await call({ ...tampered, headers: { ...tampered.headers, authorization: undefined } });
    expect(bare.body['Code']).toBe('IncompleteSignature');
  });
});

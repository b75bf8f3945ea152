/**
 * Apsara Stack's ASCM `ListResourceGroup`, the one ROA call the `alibabacloudstack` provider
 * makes to discover its tenant from `resource_group_set_name` (alibabacloudstack.md §3.4):
 * `POST /ascm/auth/resource_group/list_resource_group?pageNumber=&pageSize=&resourceGroupName=`,
 * signed `Authorization: acs <AK>:<HMAC-SHA1>` (signature-roa.ts). It is answered here,
 * before RPC parsing, because it has no Action/Version parameters and another signature.
 *
 * The tenant model is apsara-scope.ts's: organization = the caller's account, resource set =
 * one of its NON-default resource groups. So the answer lists the caller's non-default groups
 * whose name equals `resourceGroupName` exactly (an empty name lists them all), paged by
 * `pageNumber`/`pageSize`. Entry mapping, our own choice where the cloud has no equivalent:
 * - `organizationID` = the account id, a JSON integer as §3.4 requires; as a decimal string
 *   only when it exceeds 2^53, where a JavaScript client would round an integer.
 * - `id` = the group's `rg-…` id, a STRING: our resource sets have no numeric id, and
 *   apsara-scope.ts names a resource set by its `rg-…` id, so this is what the provider must
 *   send back as `ResourceGroup`. The provider's lookupApsaraScope takes `id` as text (string
 *   or number) for exactly this reason. A client that insists on an integer (the Go provider
 *   decodes `id` as int) cannot use the local cloud's ASCM; it must give department and
 *   resource_group directly.
 * - `rsId` = the same `rg-…` id (what CopyImage's `ResourceGroupId` takes).
 * Errors use the gateway's ECS envelope (ASCM's own error shape is not documented):
 * no or malformed `Authorization` → `IncompleteSignature`; unknown AccessKey →
 * `InvalidAccessKeyId.NotFound`; wrong signature → `SignatureDoesNotMatch`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Account } from '../api/action.js';
import type { Database } from '../store/schema.js';
import type { AccessKeyDirectory } from './access-keys.js';
import { EcsError } from '../api/errors.js';
import { parseRequest } from './parse-request.js';
import type { RawRequest, RpcResponse } from './raw-request.js';
import { newRequestId, renderError } from './render.js';
import { parseRoaAuthorization, roaSignature, roaStringToSign } from './signature-roa.js';

export const LIST_RESOURCE_GROUP_PATH = '/ascm/auth/resource_group/list_resource_group';

export interface AscmDeps {
  readonly accessKeys: AccessKeyDirectory;
  readonly db: Kysely<Database>;
  readonly logger: Logger;
}

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

/** Whether the raw request is for the ASCM route (its path, whatever the query). */
export function isAscmRequest(raw: RawRequest): boolean {
  const queryStart = raw.url.indexOf('?');
  return (queryStart < 0 ? raw.url : raw.url.slice(0, queryStart)) === LIST_RESOURCE_GROUP_PATH;
}

export async function handleAscm(raw: RawRequest, deps: AscmDeps): Promise<RpcResponse> {
  const requestId = newRequestId();
  try {
    const request = parseRequest(raw);
    const account = await verifyRoa(request, deps.accessKeys);
    const name = request.params.get('resourceGroupName') ?? '';
    const pageNumber = positiveInt(request.params.get('pageNumber'), 1, 'pageNumber');
    const pageSize = Math.min(positiveInt(request.params.get('pageSize'), DEFAULT_PAGE_SIZE, 'pageSize'), MAX_PAGE_SIZE);
    let query = deps.db
      .selectFrom('resource_groups')
      .select(['id', 'name', 'created_at'])
      .where('account_id', '=', account.id)
      .where('is_default', '=', 0);
    if (name !== '') query = query.where('name', '=', name);
    const groups = await query.orderBy('created_at').orderBy('id').execute();
    const page = groups.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    const organizationID = organizationNumber(account.id);
    const data = page.map((group) => ({
      id: group.id,
      organizationID,
      organizationName: account.name,
      resourceGroupName: group.name,
      rsId: group.id,
      gmtCreated: Number(group.created_at),
    }));
    const body = {
      code: '200',
      data,
      pageInfo: { currentPage: pageNumber, pageSize, total: groups.length },
      success: true,
      message: 'success',
      asapiRequestId: requestId,
    };
    return { status: 200, body: JSON.stringify(body) };
  } catch (error) {
    const host = raw.headers.host;
    return renderError(error, { requestId, hostId: typeof host === 'string' && host !== '' ? host : 'ascm', product: 'ascm', logger: deps.logger });
  }
}

async function verifyRoa(request: ReturnType<typeof parseRequest>, keys: AccessKeyDirectory): Promise<Account> {
  const authorization = request.headers['authorization'];
  const parsed = parseRoaAuthorization(Array.isArray(authorization) ? authorization.join(',') : authorization);
  if (parsed === undefined) throw new EcsError('IncompleteSignature');
  const method = request.headers['x-acs-signature-method'];
  if (method !== undefined && method !== 'HMAC-SHA1') throw new EcsError('InvalidSignatureMethod');
  const found = await keys.find(parsed.accessKeyId);
  if (found === undefined) throw new EcsError('InvalidAccessKeyId.NotFound');
  const stringToSign = roaStringToSign(request);
  const signs = (secret: string): boolean => sameText(roaSignature(stringToSign, secret), parsed.signature);
  if (signs(found.secret)) return found.account;
  // A remembered secret may have been changed meanwhile: the store's current one decides.
  const current = await keys.reload(parsed.accessKeyId);
  if (current === undefined) throw new EcsError('InvalidAccessKeyId.NotFound');
  if (current.secret === found.secret || !signs(current.secret)) throw new EcsError('SignatureDoesNotMatch', stringToSign);
  return current.account;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new EcsError('InvalidParameter', name);
  return n;
}

function organizationNumber(accountId: string): number | string {
  const n = Number(accountId);
  return Number.isSafeInteger(n) && String(n) === accountId ? n : accountId;
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

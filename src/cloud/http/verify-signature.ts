/**
 * Step 3: authenticate. Finds the AccessKey (ACS3 `Authorization` header, or
 * the RPC v1 `AccessKeyId` parameter), checks the timestamp window and
 * recomputes the signature. Yields the caller's account and the nonce to guard.
 * An STS `SecurityToken` is accepted as given: it is signed like any other
 * parameter or header, and the AccessKey decides the account.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Account } from '../api/action.js';
import type { AccessKey, AccessKeyDirectory } from './access-keys.js';
import { EcsError } from '../api/errors.js';
import type { ParsedRequest } from './parse-request.js';
import { headerValue } from './raw-request.js';
import {
  ACS3_ALGORITHM,
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  parseAcs3Authorization,
  sha256Hex,
} from './signature-acs3.js';
import { v1Signature, v1StringToSign } from './signature-v1.js';
import { checkTimestamp } from './timestamp.js';

export interface Caller {
  readonly account: Account;
  readonly accessKeyId: string;
  readonly nonce: string;
  readonly timestamp: number;
}

/** Headers a valid ACS3 request must sign, so that date and nonce cannot be swapped. */
const REQUIRED_ACS3_HEADERS = ['host', 'x-acs-date', 'x-acs-signature-nonce'] as const;

export async function verifySignature(request: ParsedRequest, keys: AccessKeyDirectory, now: number): Promise<Caller> {
  const authorization = headerValue(request.headers, 'authorization');
  if (authorization !== undefined && authorization.trim().startsWith('ACS3-')) {
    return verifyAcs3(request, authorization, keys, now);
  }
  return verifyV1(request, keys, now);
}

async function verifyAcs3(request: ParsedRequest, authorization: string, keys: AccessKeyDirectory, now: number): Promise<Caller> {
  const parsed = parseAcs3Authorization(authorization);
  if (parsed === undefined) throw new EcsError('IncompleteSignature');
  if (parsed.algorithm !== ACS3_ALGORITHM) throw new EcsError('InvalidSignatureMethod');
  const key = await keys.find(parsed.accessKeyId);
  if (key === undefined) throw new EcsError('InvalidAccessKeyId.NotFound');
  const stsKeyId = headerValue(request.headers, 'x-acs-accesskey-id');
  if (stsKeyId !== undefined && stsKeyId !== parsed.accessKeyId) throw new EcsError('IncompleteSignature');
  for (const name of REQUIRED_ACS3_HEADERS) {
    if (!parsed.signedHeaders.includes(name)) throw new EcsError('IncompleteSignature');
  }
  const date = headerValue(request.headers, 'x-acs-date');
  if (date === undefined) throw new EcsError('MissingParameter', 'x-acs-date');
  const timestamp = checkTimestamp(date, now);
  const nonce = headerValue(request.headers, 'x-acs-signature-nonce');
  if (nonce === undefined || nonce === '') throw new EcsError('MissingParameter', 'x-acs-signature-nonce');
  const canonical = acs3CanonicalRequest({
    method: request.method,
    path: request.path,
    queryPairs: request.queryPairs,
    headerValue: (name) => headerValue(request.headers, name),
    signedHeaders: parsed.signedHeaders,
    payloadHash: sha256Hex(request.body),
  });
  if (canonical === undefined) throw new EcsError('IncompleteSignature');
  const stringToSign = acs3StringToSign(canonical);
  const signer = await signingKey(keys, key, stringToSign, (secret) => sameText(acs3Signature(stringToSign, secret), parsed.signature));
  return { account: signer.account, accessKeyId: signer.accessKeyId, nonce, timestamp };
}

async function verifyV1(request: ParsedRequest, keys: AccessKeyDirectory, now: number): Promise<Caller> {
  const params = request.params;
  const accessKeyId = params.get('AccessKeyId');
  if (accessKeyId === undefined || accessKeyId === '') throw new EcsError('MissingAccessKeyId');
  const key = await keys.find(accessKeyId);
  if (key === undefined) throw new EcsError('InvalidAccessKeyId.NotFound');
  const method = params.get('SignatureMethod');
  if (method !== undefined && method !== 'HMAC-SHA1') throw new EcsError('InvalidSignatureMethod');
  const version = params.get('SignatureVersion');
  if (version !== undefined && version !== '1.0') throw new EcsError('IncompleteSignature');
  const signature = params.get('Signature');
  if (signature === undefined || signature === '') throw new EcsError('IncompleteSignature');
  const rawTimestamp = params.get('Timestamp');
  if (rawTimestamp === undefined || rawTimestamp === '') throw new EcsError('MissingParameter', 'Timestamp');
  const timestamp = checkTimestamp(rawTimestamp, now);
  const nonce = params.get('SignatureNonce');
  if (nonce === undefined || nonce === '') throw new EcsError('MissingParameter', 'SignatureNonce');
  const stringToSign = v1StringToSign(request.method, [...request.queryPairs, ...request.formPairs]);
  const signer = await signingKey(keys, key, stringToSign, (secret) => sameText(v1Signature(stringToSign, secret), signature));
  return { account: signer.account, accessKeyId: signer.accessKeyId, nonce, timestamp };
}

/**
 * The key that made the signature: the one found, or else the store's current
 * one, since a remembered secret may have been changed meanwhile.
 */
async function signingKey(
  keys: AccessKeyDirectory,
  found: AccessKey,
  stringToSign: string,
  signs: (secret: string) => boolean,
): Promise<AccessKey> {
  if (signs(found.secret)) return found;
  const current = await keys.reload(found.accessKeyId);
  if (current === undefined) throw new EcsError('InvalidAccessKeyId.NotFound');
  if (current.secret === found.secret || !signs(current.secret)) throw new EcsError('SignatureDoesNotMatch', stringToSign);
  return current;
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** ROA string to sign and signature (alibabacloudstack.md §3.4), against values computed outside this code (openssl). */
import { describe, expect, it } from 'vitest';
import { parseRoaAuthorization, roaSignature, roaStringToSign } from '../../src/cloud/http/signature-roa.js';

const request = {
  method: 'post',
  path: '/ascm/auth/resource_group/list_resource_group',
  queryPairs: [
    ['resourceGroupName', 'my set'],
    ['pageSize', '10'],
    ['pageNumber', '1'],
  ] as const,
  headers: {
    'x-acs-version': '2019-05-10',
    'content-type': 'application/json',
    'x-ascm-product-name': 'ascm',
    date: 'Mon, 23 Nov 2026 18:00:00 GMT',
    'x-acs-action': 'ListResourceGroup',
    accept: 'application/json',
    'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==',
    'x-acs-signature-method': 'HMAC-SHA1',
    'user-agent': 'test',
  },
};

const EXPECTED = [
  'POST',
  'application/json',
  '1B2M2Y8AsgTpgAmY7PhCfg==',
  'application/json',
  'Mon, 23 Nov 2026 18:00:00 GMT',
  'x-acs-action:ListResourceGroup',
  'x-acs-signature-method:HMAC-SHA1',
  'x-acs-version:2019-05-10',
  '/ascm/auth/resource_group/list_resource_group?pageNumber=1&pageSize=10&resourceGroupName=my set',
].join('\n');

describe('ROA signature', () => {
  it('builds the string to sign: fixed headers, sorted x-acs-* headers, sorted unencoded query', () => {
    expect(roaStringToSign(request)).toBe(EXPECTED);
  });

  it('writes a key with an empty value bare, and a missing fixed header as an empty line', () => {
    const text = roaStringToSign({ method: 'POST', path: '/p', queryPairs: [['resourceGroupName', ''], ['a', '1']], headers: {} });
    expect(text).toBe('POST\n\n\n\n\n/p?a=1&resourceGroupName');
  });

  it('signs with HMAC-SHA1 keyed by the secret alone (openssl: Wrp009mF5zR1ACrnfXZE/9c9eL4=)', () => {
    expect(roaSignature(EXPECTED, 'SECRET')).toBe('Wrp009mF5zR1ACrnfXZE/9c9eL4=');
    expect(roaSignature(EXPECTED, 'SECRET&')).not.toBe('Wrp009mF5zR1ACrnfXZE/9c9eL4=');
  });

  it('parses `acs <AK>:<signature>` and nothing else', () => {
    expect(parseRoaAuthorization('acs AKID:abc/+=')).toEqual({ accessKeyId: 'AKID', signature: 'abc/+=' });
    expect(parseRoaAuthorization('ACS3-HMAC-SHA256 Credential=AKID')).toBeUndefined();
    expect(parseRoaAuthorization('acs AKID')).toBeUndefined();
    expect(parseRoaAuthorization(undefined)).toBeUndefined();
  });
});

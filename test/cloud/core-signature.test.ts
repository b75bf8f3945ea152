/** The worked examples of ecs-wire.md §4, recomputed by the server's verifiers. */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/cloud/http/parse-request.js';
import {
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  parseAcs3Authorization,
  sha256Hex,
} from '../../src/cloud/http/signature-acs3.js';
import { v1Signature, v1StringToSign } from '../../src/cloud/http/signature-v1.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function acs3Verify(url: string, headers: Record<string, string>, body = ''): { canonical: string; signature: string; given: string } {
  const request = parseRequest({ method: 'POST', url, headers, body: Buffer.from(body) });
  const auth = parseAcs3Authorization(headers.authorization ?? '');
  if (auth === undefined) throw new Error('bad authorization');
  const canonical = acs3CanonicalRequest({
    method: request.method,
    path: request.path,
    queryPairs: request.queryPairs,
    headerValue: (name) => headers[name],
    signedHeaders: auth.signedHeaders,
    payloadHash: sha256Hex(request.body),
  });
  if (canonical === undefined) throw new Error('missing signed header');
  return { canonical, signature: acs3Signature(acs3StringToSign(canonical), 'testsecret'), given: auth.signature };
}

const COMMON = {
  host: '127.0.0.1:18080',
  'x-acs-version': '2014-05-26',
  'x-acs-date': '2025-01-01T00:00:00Z',
  'x-acs-signature-nonce': 'e0b1c2d3a4f5061728394a5b6c7d8e9f',
  accept: 'application/json',
  'x-acs-content-sha256': EMPTY_SHA256,
};

describe('ACS3-HMAC-SHA256 worked examples', () => {
  it('§4.1 DescribeImages: canonical request, string to sign and signature', () => {
    const { canonical, signature, given } = acs3Verify(
      '/?ImageId=m-abc123&ImageName=my%20image*&PageSize=50&RegionId=cn-hangzhou&Tag.1.Key=env&Tag.1.Value=dev%20test',
      {
        ...COMMON,
        'x-acs-action': 'DescribeImages',
        'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2',
        'x-acs-credentials-provider': 'static_ak',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=41be71d6b1cf0acfd42398f1ca75dbc47bd748d119b88d5cb6a4d5ca3f1d1c71',
      },
    );
    expect(canonical.split('\n')[2]).toBe(
      'ImageId=m-abc123&ImageName=my%20image%2A&PageSize=50&RegionId=cn-hangzhou&Tag.1.Key=env&Tag.1.Value=dev%20test',
    );
    expect(acs3StringToSign(canonical)).toBe('ACS3-HMAC-SHA256\nea1ac90270c4c9423a412b1b9823d470d619a4df1c10ada65b045460935e0009');
    expect(signature).toBe(given);
    expect(signature).toBe('41be71d6b1cf0acfd42398f1ca75dbc47bd748d119b88d5cb6a4d5ca3f1d1c71');
  });

  it('§4.3 CreateImage with an STS token', () => {
    const { canonical, signature } = acs3Verify(
      '/?ClientToken=tok-1&DiskDeviceMapping.1.DiskType=system&DiskDeviceMapping.1.Size=40&DiskDeviceMapping.1.SnapshotId=s-1&ImageName=img1&RegionId=cn-hangzhou&Tag.1.Key=env&Tag.1.Value=dev',
      {
        ...COMMON,
        'x-acs-action': 'CreateImage',
        'x-acs-credentials-provider': 'static_sts',
        'x-acs-accesskey-id': 'testid',
        'x-acs-security-token': 'STS.testtoken',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=56c5984220e3d0de379e9bed942269f2adb5e1fdfceb7592a2f23ed208f3f84a',
      },
    );
    expect(acs3StringToSign(canonical)).toBe('ACS3-HMAC-SHA256\nbc0d008c0a26c5bee399bb000be5992a7623e25204522aa4c9caf7784a5e98ba');
    expect(signature).toBe('56c5984220e3d0de379e9bed942269f2adb5e1fdfceb7592a2f23ed208f3f84a');
  });

  it('§4.5 a form body takes part through its hash only', () => {
    const body = 'TunnelOptionsSpecification.1.CustomerGatewayId=cgw-1&TunnelOptionsSpecification.1.Role=master';
    expect(sha256Hex(body)).toBe('3c6bd08d214ad88b84e4480e8c03b992faad9e45b5c6e814bba0a7e733c3b81b');
    const { signature } = acs3Verify(
      '/?RegionId=cn-hangzhou&VpnGatewayId=vpn-1',
      {
        ...COMMON,
        'content-type': 'application/x-www-form-urlencoded',
        'x-acs-action': 'CreateVpnConnection',
        'x-acs-version': '2016-04-28',
        'x-acs-content-sha256': sha256Hex(body),
        'x-acs-credentials-provider': 'static_ak',
        authorization:
          'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=4cfe46c1222326ff7e285c8854ebcdd85fe5dba0ed41b945750c1981f4219aac',
      },
      body,
    );
    expect(signature).toBe('4cfe46c1222326ff7e285c8854ebcdd85fe5dba0ed41b945750c1981f4219aac');
  });
});

describe('RPC v1 (HMAC-SHA1) worked examples', () => {
  function v1(method: string, url: string, body = '', contentType?: string): { stringToSign: string; signature: string; given: string } {
    const request = parseRequest({
      method,
      url,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
      body: Buffer.from(body),
    });
    const stringToSign = v1StringToSign(request.method, [...request.queryPairs, ...request.formPairs]);
    return { stringToSign, signature: v1Signature(stringToSign, 'testsecret'), given: request.params.get('Signature') ?? '' };
  }

  it('§4.2 DescribeImages', () => {
    const { stringToSign, signature, given } = v1(
      'POST',
      '/?Action=DescribeImages&Format=json&Version=2014-05-26&Timestamp=2025-01-01T00%3A00%3A00Z&SignatureNonce=e0b1c2d3a4f5061728394a5b6c7d8e9f&ImageId=m-abc123&ImageName=my%20image*&PageSize=50&RegionId=cn-hangzhou&Tag.1.Key=env&Tag.1.Value=dev%20test&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testid&Signature=BgTWbGVLYknx6p0CU10LnsUwh6s%3D',
    );
    expect(stringToSign).toBe(
      'POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeImages%26Format%3Djson%26ImageId%3Dm-abc123%26ImageName%3Dmy%2520image%252A%26PageSize%3D50%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3De0b1c2d3a4f5061728394a5b6c7d8e9f%26SignatureVersion%3D1.0%26Tag.1.Key%3Denv%26Tag.1.Value%3Ddev%2520test%26Timestamp%3D2025-01-01T00%253A00%253A00Z%26Version%3D2014-05-26',
    );
    expect(signature).toBe('BgTWbGVLYknx6p0CU10LnsUwh6s=');
    expect(given).toBe(signature);
  });

  it('§4.4 CreateImage with SecurityToken', () => {
    const { signature } = v1(
      'POST',
      '/?Action=CreateImage&Format=json&Version=2014-05-26&Timestamp=2025-01-01T00%3A00%3A00Z&SignatureNonce=e0b1c2d3a4f5061728394a5b6c7d8e9f&ClientToken=tok-1&DiskDeviceMapping.1.DiskType=system&DiskDeviceMapping.1.Size=40&DiskDeviceMapping.1.SnapshotId=s-1&ImageName=img1&RegionId=cn-hangzhou&Tag.1.Key=env&Tag.1.Value=dev&SecurityToken=STS.testtoken&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testid&Signature=xK0PIl5E6bUdrZNUR0rYdS795cw%3D',
    );
    expect(signature).toBe('xK0PIl5E6bUdrZNUR0rYdS795cw=');
  });

  it('§3.2.9 the public GET example', () => {
    const { stringToSign, signature, given } = v1(
      'GET',
      '/?Timestamp=2016-02-23T12%3A46%3A24Z&Format=XML&AccessKeyId=testid&Action=DescribeRegions&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Version=2014-05-26&SignatureVersion=1.0&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D',
    );
    expect(stringToSign).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signature).toBe(given);
  });

  it('Go-style encoding (`+` for space, `%2A`) and a form body canonicalise the same', () => {
    const wire = v1(
      'POST',
      '/?Action=DescribeImages&Format=json&Version=2014-05-26&Timestamp=2025-01-01T00%3A00%3A00Z&SignatureNonce=e0b1c2d3a4f5061728394a5b6c7d8e9f&ImageId=m-abc123&PageSize=50&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testid&Signature=BgTWbGVLYknx6p0CU10LnsUwh6s%3D',
      'ImageName=my+image%2A&Tag.1.Key=env&Tag.1.Value=dev+test',
      'application/x-www-form-urlencoded',
    );
    expect(wire.signature).toBe('BgTWbGVLYknx6p0CU10LnsUwh6s=');
  });
});

/**
 * Issue 14 item 5: RPC signature v1 orders parameters as the SDKs do — by
 * their raw names, before encoding. A name with a character that encodes as
 * `%XX` (`/`, `é`) sorts differently once encoded, so a server sorting the
 * encoded names rejects a request the official SDK signed correctly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { callAction } from './call-action.js';

describe('signature v1 parameter order', () => {
  let tc: TestCloud;
  beforeAll(async () => {
    tc = await startTestCloud();
  });
  afterAll(async () => {
    await tc?.close();
  });

  const describeRegions = (query: Record<string, string>, body?: Record<string, string>) =>
    callAction(tc.ecsClient({ signature: 'v1' }), { action: 'DescribeRegions', version: '2014-05-26', query, ...(body === undefined ? {} : { body }) });

  it('verifies names whose encoded order differs from their raw order', async () => {
    // Raw: "Probe-" < "Probe/" and "Probea" < "Probeé"; encoded: "Probe%2F" < "Probe-" and "Probe%C3%A9" < "Probea".
    const answer = await describeRegions({ 'Probe-': '1', 'Probe/': '2', Probea: '3', 'Probeé': '4' });
    expect(answer.statusCode).toBe(200);
    const inBody = await describeRegions({ 'Probe-': '1' }, { 'Probe/': '2', RegionId: tc.regionId });
    expect(inBody.statusCode).toBe(200);
  });
});

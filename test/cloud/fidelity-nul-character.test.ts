/**
 * A NUL character in any parameter is refused as `InvalidParameter` before anything reads
 * it. Found by the fuzz test on PostgreSQL, which cannot store NUL in text: a tag key with
 * one reached the store and came back as a 500. Runs on both stores (cloud-postgres too).
 */
import { describe, expect, it } from 'vitest';
import { CreateVpcRequest, DescribeVpcsRequest } from '@alicloud/vpc20160428';
import { ListResourceGroupsRequest, ListResourceGroupsRequestTag } from '@alicloud/resourcemanager20200331';
import { useTestCloud } from '../support/cloud.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('a NUL character in a parameter', () => {
  const tc = useTestCloud();

  it('in a value that would be stored: InvalidParameter naming it, and nothing is created', async () => {
    const vpc = tc.vpcClient();
    const failure = await expectEcsError(vpc.createVpc(new CreateVpcRequest({ regionId: tc.regionId, cidrBlock: '10.0.0.0/16', description: 'a\u0000b' })), 'InvalidParameter', 400);
    expect(failure.message).toContain('Description');
    const vpcs = await vpc.describeVpcs(new DescribeVpcsRequest({ regionId: tc.regionId }));
    expect(vpcs.body?.totalCount).toBe(0);
  });

  it('in a filter only read: InvalidParameter, not an internal error', async () => {
    const request = new ListResourceGroupsRequest({ tag: [new ListResourceGroupsRequestTag({ key: 'k\u0000', value: 'v' })] });
    await expectEcsError(tc.resourceManagerClient().listResourceGroups(request), 'InvalidParameter', 400);
    await expectEcsError(tc.vpcClient().describeVpcs(new DescribeVpcsRequest({ regionId: tc.regionId, vpcName: 'x\u0000' })), 'InvalidParameter', 400);
  });
});

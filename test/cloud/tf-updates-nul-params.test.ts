/**
 * A parameter holding U+0000 is the parameter's InvalidParameter, not a 500: PostgreSQL
 * text cannot hold NUL, so before this a NUL tag filter reached the query and failed there
 * (the fuzz found it in ListResourceGroups once the new actions shifted its cases).
 */
import { describe, it } from 'vitest';
import * as $RM from '@alicloud/resourcemanager20200331';
import * as $Vpc from '@alicloud/vpc20160428';
import { useTestCloud } from '../support/cloud.js';
import { expectEcsError } from '../support/sdk-error.js';

describe('NUL in a parameter', () => {
  const tc = useTestCloud();

  it('is InvalidParameter in a tag filter and in a plain filter', async () => {
    await expectEcsError(
      tc.resourceManagerClient().listResourceGroups(new $RM.ListResourceGroupsRequest({ tag: [new $RM.ListResourceGroupsRequestTag({ key: 'a\u0000b' })] })),
      'InvalidParameter',
      400,
    );
    await expectEcsError(tc.vpcClient().describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: tc.regionId, vpcName: 'x\u0000' })), 'InvalidParameter', 400);
  });
});

/**
 * Issue 14 item 4: where the API reference marks `RegionId` required, a request without it
 * is answered `MissingParameter` naming it (before this, the cloud's default region filled
 * it in and CreateVpc succeeded). Where `RegionId` is optional, the default region still
 * applies. Each action is called with the official SDK and no RegionId at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateVpcRequest } from '@alicloud/vpc20160428';
import { ActionRegistry, PRODUCTS } from '../../src/cloud/api/registry.js';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { expectEcsError, sdkError } from '../support/sdk-error.js';
import { callAction } from './call-action.js';

/** As the reference marks them (ecs-api.md, ecs-api-more.md §1.8, §6.3, §6.5). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Ecs: [
    'CopyImage', 'CreateDisk', 'CreateImage', 'CreateInstance', 'CreateSecurityGroup', 'DeleteImage', 'DeleteSecurityGroup',
    'DescribeAvailableResource', 'DescribeDisks', 'DescribeImageSharePermission', 'DescribeImages', 'DescribeInstances',
    'DescribeSecurityGroupAttribute', 'DescribeSecurityGroups', 'DescribeSnapshots', 'DescribeZones', 'ListTagResources',
    'ModifyImageAttribute', 'ModifyImageSharePermission', 'ModifySecurityGroupAttribute', 'RunInstances', 'TagResources',
    'UntagResources',
    // ecs-api-more.md §1: security-group rules.
    'AuthorizeSecurityGroup', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroup', 'RevokeSecurityGroupEgress',
    'ModifySecurityGroupRule', 'ModifySecurityGroupEgressRule',
    // ecs-api-more.md §2: key pairs.
    'CreateKeyPair', 'ImportKeyPair', 'DescribeKeyPairs', 'DeleteKeyPairs', 'AttachKeyPair', 'DetachKeyPair',
    // Legacy actions (ecs-api-more.md §3, §4, §5, §1.9).
    'AddTags', 'RemoveTags', 'DescribeTags', 'CreateVpc', 'DescribeVpcs', 'DescribeUserData', 'DescribeUserdata',
    'DescribeInstanceRamRole', 'DescribeNetworkInterfaces', 'DescribeInstanceMaintenanceAttributes',
    'DescribeInstanceAutoRenewAttribute', 'DescribeInstanceAttachmentAttributes', 'ModifySecurityGroupPolicy',
    'DescribeImageSupportInstanceTypes',
    // The registry provider's in-place updates (ecs-api.md §TF).
    'ModifyPrepayInstanceSpec', 'ModifyInstanceChargeType', 'ModifyDiskChargeType',
  ],
  Vpc: ['CreateVpc', 'DescribeVpcAttribute', 'DescribeVpcs', 'DescribeRouteTableList', 'TagResources', 'UnTagResources', 'ListTagResources', 'ModifyRouteTableAttributes',
    'AssociateVpcCidrBlock', 'UnassociateVpcCidrBlock'],
};

describe('RegionId where the reference requires it', () => {
  let tc: TestCloud;
  beforeAll(async () => {
    tc = await startTestCloud();
  });
  afterAll(async () => {
    await tc?.close();
  });

  it('CreateVpc without RegionId is MissingParameter and creates nothing', async () => {
    const failure = await expectEcsError(tc.vpcClient().createVpc(new CreateVpcRequest({ cidrBlock: '10.0.0.0/8' })), 'MissingParameter', 400);
    expect(failure.message).toContain('RegionId');
    const vpcs = await tc.cloud.store.db.selectFrom('vpcs').select('id').where('account_id', '=', tc.accountId).execute();
    expect(vpcs).toEqual([]);
  });

  it('every action marked required answers MissingParameter naming RegionId; the others do not', async () => {
    const registry = new ActionRegistry();
    for (const product of PRODUCTS) {
      const client = product.name === 'Vpc' ? tc.vpcClient() : product.name === 'ResourceManager' ? tc.resourceManagerClient() : tc.ecsClient();
      for (const table of product.tables) {
        for (const action of Object.keys(table)) {
          expect(registry.find(product.version, action)).toBeDefined();
          const call = callAction(client, { action, version: product.version, query: { DryRun: 'true' } });
          const required = (REQUIRED[product.name] ?? []).includes(action);
          const failure = await call.then(() => undefined, () => sdkError(call));
          const missingRegion = failure?.code === 'MissingParameter' && failure.message.includes('"RegionId"');
          expect(missingRegion, `${product.name} ${action}: ${failure?.code ?? 'ok'} ${failure?.message ?? ''}`).toBe(required);
        }
      }
    }
  });
});

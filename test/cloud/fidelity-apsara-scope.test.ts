/**
 * Issue 14 item 2: Apsara Stack scoping (`Department` + `ResourceGroup`, as the
 * alibabacloudstack provider sends them) confines the tenant's own resources to its
 * resource set, and nothing else: public (system), marketplace and shared images stay
 * visible, as does the catalog. Every read-only action is asked the same question with and
 * without the scope; while the account owns nothing outside the set the answers must agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateImageRequest, ModifyImageSharePermissionRequest } from '@alicloud/ecs20140526';
import { ActionRegistry, PRODUCTS } from '../../src/cloud/api/registry.js';
import { SYSTEM_ACCOUNT_ID } from '../../src/cloud/api/catalog/system-images.js';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { insertSnapshot } from '../support/store-rows.js';
import { waitForImage } from './images-support.js';
import { callAction } from './call-action.js';

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

describe('Apsara scoping hides only what the tenant owns outside its resource set', () => {
  let tc: TestCloud;
  let scope: Record<string, string>;
  let inSetImage = '';
  let outsideImage = '';
  let sharedImage = '';
  const marketplaceImage = 'm-marketplace-fixture';

  async function call(product: string, action: string, params: Record<string, string>, scoped: boolean): Promise<Answer> {
    const client = product === 'Vpc' ? tc.vpcClient() : product === 'ResourceManager' ? tc.resourceManagerClient() : tc.ecsClient();
    const version = PRODUCTS.find((entry) => entry.name === product)?.version ?? '';
    try {
      const response = await callAction(client, { action, version, query: { ...params, ...(scoped ? scope : {}) } });
      const { RequestId: _, ...body } = response.body as Record<string, unknown>;
      return { status: Number(response.statusCode), body };
    } catch (error) {
      const failure = error as { statusCode?: number; code?: string };
      return { status: failure.statusCode ?? 0, body: { Code: failure.code } };
    }
  }

  const imageIds = (answer: Answer): string[] =>
    ((answer.body.Images as { Image?: Array<{ ImageId: string }> } | undefined)?.Image ?? []).map((image) => image.ImageId);

  beforeAll(async () => {
    tc = await startTestCloud({ settings: { imageCreationMs: 0 } });
    const db = tc.cloud.store.db;
    const dev = await db.selectFrom('resource_groups').select('id').where('account_id', '=', tc.accountId).where('name', '=', 'dev').executeTakeFirstOrThrow();
    scope = { Department: tc.accountId, ResourceGroup: dev.id };

    const created = await call('Ecs', 'CreateImage', { RegionId: tc.regionId, SnapshotId: await insertSnapshot(tc), ImageName: 'in-set' }, true);
    inSetImage = String(created.body.ImageId);
    const outside = await tc.ecsClient().createImage(new CreateImageRequest({ regionId: tc.regionId, snapshotId: await insertSnapshot(tc), imageName: 'outside' }));
    outsideImage = outside.body?.imageId ?? '';

    const friendKeys = await tc.createAccount();
    const friend = tc.ecsClient({ accessKeyId: friendKeys.accessKeyId, accessKeySecret: friendKeys.accessKeySecret });
    const friendSnapshot = await insertSnapshot(tc, { accountId: friendKeys.accountId });
    const friendImage = await friend.createImage(new CreateImageRequest({ regionId: tc.regionId, snapshotId: friendSnapshot, imageName: 'from-a-friend' }));
    sharedImage = friendImage.body?.imageId ?? '';
    await waitForImage(friend, sharedImage, (image) => image.usable === true);
    await friend.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId: tc.regionId, imageId: sharedImage, addAccount: [tc.accountId] }));

    const system = await db.selectFrom('images').selectAll().where('account_id', '=', SYSTEM_ACCOUNT_ID).where('region_id', '=', tc.regionId).executeTakeFirstOrThrow();
    await db.insertInto('images').values({ ...system, id: marketplaceImage, image_owner_alias: 'marketplace', image_name: 'marketplace-fixture' }).execute();
    await waitForImage(tc.ecsClient(), inSetImage, (image) => image.usable === true);
    // The snapshots written as fixtures belong to no group: move them into the set.
    await db.updateTable('snapshots').set({ resource_group_id: dev.id }).where('account_id', '=', tc.accountId).execute();
  });
  afterAll(async () => {
    await tc?.close();
  });

  it('DescribeImages: system, marketplace and shared images stay visible; own images outside the set do not', async () => {
    const describe = (params: Record<string, string>) => call('Ecs', 'DescribeImages', { RegionId: tc.regionId, PageSize: '100', ...params }, true);
    const system = await describe({ ImageOwnerAlias: 'system' });
    expect(imageIds(system).length).toBeGreaterThan(0);
    expect(system).toEqual(await call('Ecs', 'DescribeImages', { RegionId: tc.regionId, PageSize: '100', ImageOwnerAlias: 'system' }, false));
    expect(imageIds(await describe({ ImageOwnerAlias: 'marketplace' }))).toEqual([marketplaceImage]);
    expect(imageIds(await describe({ ImageOwnerAlias: 'others' }))).toEqual([sharedImage]);
    expect(imageIds(await describe({ ImageOwnerAlias: 'self' }))).toEqual([inSetImage]);
    const all = imageIds(await describe({}));
    expect(all).toEqual(expect.arrayContaining([inSetImage, sharedImage, marketplaceImage, ...imageIds(system)]));
    expect(all).not.toContain(outsideImage);
    expect(imageIds(await describe({ ImageId: sharedImage }))).toEqual([sharedImage]);
    expect(imageIds(await describe({ ImageId: outsideImage }))).toEqual([]);
  });

  it('every read-only action answers the same with and without the scope when nothing owned lies outside the set', async () => {
    // Only the image made outside the set differs; look at the rest.
    const paramsOf: Readonly<Record<string, Record<string, string>>> = {
      DescribeAvailableResource: { DestinationResource: 'InstanceType' },
      DescribeImages: { ImageOwnerAlias: 'others' },
      DescribeImageSharePermission: { ImageId: inSetImage },
      DescribeSecurityGroupAttribute: { SecurityGroupId: 'sg-none' },
      DescribeVpcAttribute: { VpcId: 'vpc-none' },
      DescribeVSwitchAttributes: { VSwitchId: 'vsw-none' },
      ListTagResources: { ResourceType: 'image', 'ResourceId.1': inSetImage },
    };
    // Resource groups are the tenant's own resources, addressed as such (tenant.ts).
    const ownResourceGroups = new Set(['ListResourceGroups', 'GetResourceGroup']);
    const registry = new ActionRegistry();
    let compared = 0;
    for (const product of PRODUCTS) {
      for (const table of product.tables) {
        for (const action of Object.keys(table)) {
          if (registry.find(product.version, action)?.definition.readOnly !== true || ownResourceGroups.has(action)) continue;
          const params = { RegionId: tc.regionId, ...paramsOf[action] };
          const scoped = await call(product.name, action, params, true);
          const plain = await call(product.name, action, params, false);
          expect(scoped, `${product.name} ${action}`).toEqual(plain);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(18);
  });
});

/** Resource Manager through its official SDK; groups are per account. */
import { describe, expect, it } from 'vitest';
import { GetResourceGroupRequest, ListResourceGroupsRequest } from '@alicloud/resourcemanager20200331';
import type { ActionContext } from '../../src/cloud/api/action.js';
import { resolveResourceGroupId } from '../../src/cloud/api/resource-manager/resource-groups.js';
import { EcsError } from '../../src/cloud/api/errors.js';
import { Params } from '../../src/cloud/api/params.js';
import { useTestCloud } from '../support/cloud.js';
import { sdkError } from '../support/sdk-error.js';

describe('resource manager', () => {
  const cloud = useTestCloud();

  it('lists the default group and a second one, default first, with Status OK', async () => {
    for (const signature of ['v3', 'v1'] as const) {
      const { body } = await cloud.resourceManagerClient({ signature }).listResourceGroups(new ListResourceGroupsRequest({ pageSize: 50 }));
      expect(body?.totalCount).toBe(2);
      expect(body?.pageNumber).toBe(1);
      expect(body?.pageSize).toBe(50);
      const groups = body?.resourceGroups?.resourceGroup ?? [];
      expect(groups.map((group) => group.name)).toEqual(['default', 'dev']);
      expect(groups[0]).toMatchObject({ accountId: cloud.accountId, status: 'OK', displayName: 'default resource group' });
      expect(groups[0]?.id).toMatch(/^rg-[a-z0-9]{15}$/);
      expect(groups[0]?.createDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('filters and pages', async () => {
    const rm = cloud.resourceManagerClient();
    const dev = await rm.listResourceGroups(new ListResourceGroupsRequest({ name: 'dev' }));
    expect(dev.body?.resourceGroups?.resourceGroup?.map((group) => group.name)).toEqual(['dev']);
    const page2 = await rm.listResourceGroups(new ListResourceGroupsRequest({ pageSize: 1, pageNumber: 2 }));
    expect(page2.body?.totalCount).toBe(2);
    expect(page2.body?.resourceGroups?.resourceGroup?.map((group) => group.name)).toEqual(['dev']);
    const none = await rm.listResourceGroups(new ListResourceGroupsRequest({ status: 'PendingDelete' }));
    expect(none.body?.resourceGroups?.resourceGroup).toEqual([]);
    const bad = await sdkError(rm.listResourceGroups(new ListResourceGroupsRequest({ pageSize: 500 })));
    expect(bad).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
  });

  it('GetResourceGroup returns one group with its region statuses', async () => {
    const rm = cloud.resourceManagerClient();
    const list = await rm.listResourceGroups(new ListResourceGroupsRequest({}));
    const id = list.body?.resourceGroups?.resourceGroup?.[1]?.id ?? '';
    const { body } = await rm.getResourceGroup(new GetResourceGroupRequest({ resourceGroupId: id }));
    expect(body?.resourceGroup).toMatchObject({ id, name: 'dev', status: 'OK' });
    expect(body?.resourceGroup?.regionStatuses?.regionStatus?.map((status) => status.regionId)).toContain('cn-hangzhou');
    const missing = await sdkError(rm.getResourceGroup(new GetResourceGroupRequest({ resourceGroupId: 'rg-acfmnothere0000' })));
    expect(missing).toMatchObject({ code: 'EntityNotExist.ResourceGroup', statusCode: 404 });
    const noId = await sdkError(rm.getResourceGroup(new GetResourceGroupRequest({})));
    expect(noId).toMatchObject({ code: 'MissingParameter', statusCode: 400 });
  });

  it("keeps accounts apart: B sees only its own groups and not A's by id", async () => {
    const b = await cloud.createAccount();
    const rmA = cloud.resourceManagerClient();
    const rmB = cloud.resourceManagerClient({ accessKeyId: b.accessKeyId, accessKeySecret: b.accessKeySecret });
    const groupsA = (await rmA.listResourceGroups(new ListResourceGroupsRequest({}))).body?.resourceGroups?.resourceGroup ?? [];
    const groupsB = (await rmB.listResourceGroups(new ListResourceGroupsRequest({}))).body?.resourceGroups?.resourceGroup ?? [];
    expect(groupsB).toHaveLength(2);
    expect(groupsB.every((group) => group.accountId === b.accountId)).toBe(true);
    const idsA = groupsA.map((group) => group.id);
    expect(groupsB.some((group) => idsA.includes(group.id))).toBe(false);
    const foreign = await sdkError(rmB.getResourceGroup(new GetResourceGroupRequest({ resourceGroupId: idsA[0] })));
    expect(foreign.code).toBe('EntityNotExist.ResourceGroup');
  });

  it('resolveResourceGroupId: default when absent, the group when owned, NotFound otherwise', async () => {
    const db = cloud.cloud.store.db;
    const ctx = (accountId: string): ActionContext => ({
      requestId: 'R',
      action: 'Test',
      account: { id: accountId, name: 'x' },
      regionId: 'cn-hangzhou',
      params: Params.of({}),
      db,
      now: Date.now,
      settings: cloud.cloud.settings,
    });
    const groups = await db.selectFrom('resource_groups').selectAll().where('account_id', '=', cloud.accountId).execute();
    const defaultGroup = groups.find((group) => group.is_default === 1);
    const dev = groups.find((group) => group.name === 'dev');
    expect(await resolveResourceGroupId(ctx(cloud.accountId))).toBe(defaultGroup?.id);
    expect(await resolveResourceGroupId(ctx(cloud.accountId), '')).toBe(defaultGroup?.id);
    expect(await resolveResourceGroupId(ctx(cloud.accountId), dev?.id)).toBe(dev?.id);
    const other = await cloud.createAccount();
    await expect(resolveResourceGroupId(ctx(other.accountId), dev?.id)).rejects.toSatisfy(
      (error) => error instanceof EcsError && error.code === 'InvalidResourceGroup.NotFound' && error.status === 404,
    );
  });
});

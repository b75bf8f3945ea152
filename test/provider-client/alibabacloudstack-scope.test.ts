/**
 * Apsara Stack scoping, SDK level: the provider's own client layer (ALIBABACLOUDSTACK
 * flavour: `Department`/`OrganizationId`/`ResourceGroup` parameters and `x-acs-*` headers on
 * every call) against the local cloud, and hand-signed requests for what the SDK never
 * sends (a missing or disagreeing carrier). A rejected request must leave the store as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  $Ecs,
  openClients,
  findImageById,
  resolveAlibabacloudStackConfig,
  type CloudClients,
} from '../../src/provider/client/index.js';
import { newResourceGroupId } from '../../src/cloud/api/resource-manager/resource-groups.js';
import { useTestCloud } from '../support/cloud.js';
import { send, signV1, type RawAnswer } from '../support/raw-rpc.js';
import { insertSnapshot } from '../support/store-rows.js';

const tc = useTestCloud();
let devGroup: string;
let opsGroup: string;
let defaultGroup: string;
let snapshotId: string;
let rawCount = 0;

async function clientsFor(department: string, resourceGroup: string): Promise<CloudClients> {
  const config = await resolveAlibabacloudStackConfig(
    {
      access_key: tc.credentials.accessKeyId,
      secret_key: tc.credentials.accessKeySecret,
      region: tc.regionId,
      endpoints: { ecs: tc.url },
      department,
      resource_group: resourceGroup,
    },
    { env: {} },
  );
  return openClients(config);
}

async function imageCount(): Promise<number> {
  const row = await tc.cloud.store.db
    .selectFrom('images')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', tc.accountId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A CreateImage signed by hand, with the given scoping parameters and headers. */
async function rawCreate(params: Record<string, string>, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { query } = signV1({
    accessKeyId: tc.credentials.accessKeyId,
    accessKeySecret: tc.credentials.accessKeySecret,
    params: { Action: 'CreateImage', RegionId: tc.regionId, SnapshotId: snapshotId, ImageName: `raw-image-${++rawCount}`, SignatureType: '', ...params },
  });
  return send(`${tc.url}/?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

function sdkCode(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

beforeAll(async () => {
  const groups = await tc.cloud.store.db.selectFrom('resource_groups').selectAll().where('account_id', '=', tc.accountId).execute();
  devGroup = groups.find((g) => g.name === 'dev')?.id ?? '';
  defaultGroup = groups.find((g) => g.is_default === 1)?.id ?? '';
  // A second resource set of the same organization.
  opsGroup = newResourceGroupId();
  await tc.cloud.store.db
    .insertInto('resource_groups')
    .values({ id: opsGroup, account_id: tc.accountId, name: 'ops', display_name: 'ops', status: 'OK', is_default: 0, created_at: Date.now() })
    .execute();
  snapshotId = await insertSnapshot(tc);
});

describe('a correctly scoped tenant', () => {
  it('creates in its resource set and sees only what the set holds', async () => {
    const dev = await clientsFor(tc.accountId, devGroup);
    const ops = await clientsFor(tc.accountId, opsGroup);
    const created = await dev.ecs.createImageWithOptions(
      new $Ecs.CreateImageRequest({ regionId: tc.regionId, snapshotId, imageName: '镜像-dev' }),
      dev.runtime(),
    );
    const imageId = created.body?.imageId ?? '';
    expect(imageId).toMatch(/^m-/);

    const seen = await findImageById(dev, imageId);
    expect(seen?.resourceGroupId).toBe(devGroup);
    expect(seen?.imageName).toBe('镜像-dev');

    // Another resource set of the same organization: an empty list with HTTP 200, not an error.
    const answer = await ops.ecs.describeImagesWithOptions(
      new $Ecs.DescribeImagesRequest({ regionId: tc.regionId, imageId, imageOwnerAlias: 'self', status: 'Creating,Available' }),
      ops.runtime(),
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.body?.images?.image ?? []).toEqual([]);
    expect(await findImageById(ops, imageId)).toBeUndefined();

    // …and it cannot change, tag or delete it either.
    await expect(
      ops.ecs.modifyImageAttributeWithOptions(new $Ecs.ModifyImageAttributeRequest({ regionId: tc.regionId, imageId, imageName: 'stolen' }), ops.runtime()),
    ).rejects.toSatisfy((e) => sdkCode(e) === 'InvalidImageId.NotFound');
    await expect(
      ops.ecs.tagResourcesWithOptions(
        new $Ecs.TagResourcesRequest({ regionId: tc.regionId, resourceType: 'image', resourceId: [imageId], tag: [new $Ecs.TagResourcesRequestTag({ key: 'k', value: 'v' })] }),
        ops.runtime(),
      ),
    ).rejects.toSatisfy((e) => sdkCode(e) === 'InvalidResourceId.NotFound');
    await expect(
      ops.ecs.deleteImageWithOptions(new $Ecs.DeleteImageRequest({ regionId: tc.regionId, imageId }), ops.runtime()),
    ).rejects.toSatisfy((e) => sdkCode(e) === 'InvalidImageId.NotFound');
    expect((await findImageById(dev, imageId))?.imageName).toBe('镜像-dev');
  });
});

describe('a request that lacks or misstates its scoping is refused and touches nothing', () => {
  const scoped = (): Record<string, string> => ({ Department: tc.accountId, OrganizationId: tc.accountId, ResourceGroup: devGroup });
  const headers = (): Record<string, string> => ({
    'x-acs-organizationid': tc.accountId,
    'x-acs-resourcegroupid': devGroup,
    'x-acs-regionid': tc.regionId,
    RegionId: tc.regionId,
    'x-acs-asapi-product': 'Ecs',
    'x-ascm-product-name': 'Ecs',
    'x-acs-request-version': 'v1',
  });

  it('accepts the complete Apsara request (empty SignatureType, unknown headers, empty body)', async () => {
    const before = await imageCount();
    const answer = await rawCreate(scoped(), headers());
    expect(answer.status).toBe(200);
    expect(await imageCount()).toBe(before + 1);
  });

  const cases: ReadonlyArray<readonly [string, () => { params: Record<string, string>; headers: Record<string, string> }, number, string]> = [
    ['no ResourceGroup', () => ({ params: { Department: tc.accountId, OrganizationId: tc.accountId }, headers: {} }), 400, 'MissingParameter'],
    ['an empty Department', () => ({ params: { ...scoped(), Department: '' }, headers: headers() }), 400, 'MissingParameter'],
    ['OrganizationId disagreeing with Department', () => ({ params: { ...scoped(), OrganizationId: '27' }, headers: headers() }), 400, 'InvalidParameter'],
    ['a header disagreeing with the parameter', () => ({ params: scoped(), headers: { ...headers(), 'x-acs-resourcegroupid': opsGroup } }), 400, 'InvalidParameter'],
    ['x-acs-regionid disagreeing with RegionId', () => ({ params: scoped(), headers: { ...headers(), 'x-acs-regionid': 'cn-beijing' } }), 400, 'InvalidParameter'],
    ['only a scoping header', () => ({ params: {}, headers: { 'x-acs-resourcegroupid': devGroup } }), 400, 'MissingParameter'],
    ['another organization', () => ({ params: { Department: '27', OrganizationId: '27', ResourceGroup: devGroup }, headers: {} }), 403, 'Forbidden'],
    ['an unknown resource set', () => ({ params: { ...scoped(), ResourceGroup: 'rg-acfmnothere0000' }, headers: {} }), 404, 'InvalidResourceGroup.NotFound'],
    ['the default resource group', () => ({ params: { ...scoped(), ResourceGroup: defaultGroup }, headers: {} }), 404, 'InvalidResourceGroup.NotFound'],
    ['a ResourceGroupId outside the resource set', () => ({ params: { ...scoped(), ResourceGroupId: opsGroup }, headers: {} }), 403, 'Forbidden'],
  ];
  for (const [name, build, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const before = await imageCount();
      const request = build();
      const answer = await rawCreate(request.params, request.headers);
      expect({ status: answer.status, code: answer.json?.['Code'] }).toEqual({ status, code });
      expect(await imageCount()).toBe(before);
    });
  }

  it("another account's resource set is unknown to this organization", async () => {
    const other = await tc.createAccount();
    const otherGroup = await tc.cloud.store.db.selectFrom('resource_groups').select('id').where('account_id', '=', other.accountId).where('name', '=', 'dev').executeTakeFirstOrThrow();
    const before = await imageCount();
    const answer = await rawCreate({ ...scoped(), ResourceGroup: otherGroup.id });
    expect(answer.json?.['Code']).toBe('InvalidResourceGroup.NotFound');
    expect(await imageCount()).toBe(before);
  });

  it('a public-ECS request (no scoping at all) is served unscoped', async () => {
    const before = await imageCount();
    const answer = await rawCreate({});
    expect(answer.json).toMatchObject({ ImageId: expect.stringMatching(/^m-/) });
    expect(await imageCount()).toBe(before + 1);
  });
});

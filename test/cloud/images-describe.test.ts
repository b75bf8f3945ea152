import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateImageRequest,
  CreateImageRequestTag,
  DescribeImagesRequest,
  DescribeImagesRequestFilter,
  DescribeImagesRequestTag,
  ModifyImageAttributeRequest,
  ModifyImageAttributeRequestFeatures,
} from '@alicloud/ecs20140526';
import { useTestCloud, type TestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { waitForImage } from './images-support.js';
import { expectEcsError } from '../support/sdk-error.js';
import { insertInstance, insertSnapshot } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';

/** Long beside the real time a test takes: an image is done when the test moves the clock past it. */
const CREATION_MS = 10_000;

describe('DescribeImages with the official SDK', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS } });
  const ids: string[] = [];
  let creatingId = '';

  beforeAll(async () => {
    const ecs = tc.ecsClient();
    const snapshotId = await insertSnapshot(tc);
    for (let index = 0; index < 12; index += 1) {
      const created = await ecs.createImage(
        new CreateImageRequest({
          regionId,
          snapshotId,
          imageName: `web-${String(index).padStart(2, '0')}`,
          imageFamily: index % 2 === 0 ? 'even-family' : 'odd-family',
          architecture: index < 3 ? 'arm64' : 'x86_64',
          platform: index === 11 ? 'Windows Server 2022' : 'CentOS',
          tag: [new CreateImageRequestTag({ key: 'parity', value: index % 2 === 0 ? 'even' : 'odd' })],
        }),
      );
      ids.push(created.body?.imageId ?? '');
    }
    clock.advance(CREATION_MS);
    for (const id of ids) await waitForImage(ecs, id, (image) => image.usable === true);
    const slow = await startTestCloudlessCreate(tc, snapshotId);
    creatingId = slow;
  });

  /** An image that stays Creating for the whole suite (its planned end is far away). */
  async function startTestCloudlessCreate(cloud: TestCloud, snapshotId: string): Promise<string> {
    const created = await cloud.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'still-creating' }));
    const id = created.body?.imageId ?? '';
    await cloud.cloud.store.db.updateTable('images').set({ available_at: Date.now() + 3_600_000 }).where('id', '=', id).execute();
    return id;
  }

  const describeImages = (fields: Record<string, unknown>) =>
    tc.ecsClient().describeImages(new DescribeImagesRequest({ regionId, ...fields }));

  it('always returns every documented field, empty ones included', async () => {
    const response = await describeImages({ imageId: ids[0] });
    const raw = response.body?.images?.image?.[0]?.toMap() ?? {};
    for (const field of [
      'Architecture', 'BootMode', 'CreationTime', 'Description', 'DetectionOptions', 'DiskDeviceMappings', 'Features',
      'ImageFamily', 'ImageId', 'ImageName', 'ImageOwnerAlias', 'ImageOwnerId', 'ImageVersion', 'IsCopied', 'IsPublic',
      'IsSelfShared', 'IsSubscribed', 'IsSupportCloudinit', 'IsSupportIoOptimized', 'LicenseType', 'LoginAsNonRootSupported',
      'OSName', 'OSNameEn', 'OSType', 'Platform', 'ProductCode', 'Progress', 'ResourceGroupId', 'SecureBootOptions', 'Size',
      'Status', 'SupplierName', 'Tags', 'Usable', 'Usage',
    ]) {
      expect(raw, field).toHaveProperty(field);
    }
    expect(raw['Description']).toBe('');
    expect(raw['IsSelfShared']).toBe('False');
    expect(raw['CreationTime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect((raw['Features'] as Record<string, unknown>)['NvmeSupport']).toBe('unsupported');
  });

  it('defaults to Available images of every owner the caller may use, newest first, 10 a page', async () => {
    const response = await describeImages({});
    const body = response.body;
    expect(body?.pageNumber).toBe(1);
    expect(body?.pageSize).toBe(10);
    expect(body?.regionId).toBe(regionId);
    expect(body?.totalCount).toBeGreaterThan(12); // ours + the public system images
    expect(body?.images?.image).toHaveLength(10);
    expect(body?.images?.image?.every((image) => image.status === 'Available')).toBe(true);
    expect(body?.images?.image?.[0]?.imageId).toBe(ids[11]);
  });

  it('pages over every owner as over one list: own and system images merged newest first, counted once', async () => {
    const all = (await describeImages({ pageSize: 100 })).body;
    const idsOf = (page: typeof all) => page?.images?.image?.map((image) => image.imageId) ?? [];
    const paged: (string | undefined)[] = [];
    for (let pageNumber = 1; pageNumber <= Math.ceil(Number(all?.totalCount) / 4); pageNumber += 1) {
      const page = (await describeImages({ pageSize: 4, pageNumber })).body;
      expect(page?.totalCount).toBe(all?.totalCount);
      paged.push(...idsOf(page));
    }
    expect(paged).toEqual(idsOf(all));
    expect(paged).toHaveLength(Number(all?.totalCount));
  });

  it('pages with PageNumber and PageSize (at most 100)', async () => {
    const first = await describeImages({ imageOwnerAlias: 'self', pageSize: 5, pageNumber: 1 });
    const third = await describeImages({ imageOwnerAlias: 'self', pageSize: 5, pageNumber: 3 });
    expect(first.body?.totalCount).toBe(12);
    expect(first.body?.images?.image?.map((image) => image.imageId)).toEqual(ids.slice(7).reverse());
    expect(third.body?.images?.image?.map((image) => image.imageId)).toEqual(ids.slice(0, 2).reverse());
    // TotalCount stays exact past the last page and on a full last page (neither can be inferred from the rows)
    const past = await describeImages({ imageOwnerAlias: 'self', pageSize: 5, pageNumber: 4 });
    expect([past.body?.totalCount, past.body?.images?.image?.length]).toEqual([12, 0]);
    const fullLast = await describeImages({ imageOwnerAlias: 'self', pageSize: 6, pageNumber: 2 });
    expect([fullLast.body?.totalCount, fullLast.body?.images?.image?.length]).toEqual([12, 6]);
    await expectEcsError(describeImages({ pageSize: 101 }), 'InvalidParameter', 400);
    await expectEcsError(describeImages({ pageNumber: 0 }), 'InvalidParameter', 400);
  });

  it('filters by a comma-separated ImageId list; an unknown id is an empty page, not an error', async () => {
    const response = await describeImages({ imageId: `${ids[1]},${ids[4]}` });
    expect(response.body?.images?.image?.map((image) => image.imageId).sort()).toEqual([ids[1], ids[4]].sort());
    // an id list pages newest first like any other query, and counts every match (a repeated id once)
    const list = `${ids[2]},${ids[9]},${ids[5]},${ids[9]}`;
    const pageOne = await describeImages({ imageId: list, pageSize: 2, pageNumber: 1 });
    const pageTwo = await describeImages({ imageId: list, pageSize: 2, pageNumber: 2 });
    expect(pageOne.body?.images?.image?.map((image) => image.imageId)).toEqual([ids[9], ids[5]]);
    expect(pageTwo.body?.images?.image?.map((image) => image.imageId)).toEqual([ids[2]]);
    expect([pageOne.body?.totalCount, pageTwo.body?.totalCount]).toEqual([3, 3]);
    const unknown = await describeImages({ imageId: 'm-bp1doesnotexist00000', status: 'ALL' });
    expect(unknown.body?.totalCount).toBe(0);
    expect(unknown.body?.images?.image).toEqual([]);
  });

  it('filters by Status (default Available, lists, ALL)', async () => {
    expect((await describeImages({ imageId: creatingId })).body?.totalCount).toBe(0);
    expect((await describeImages({ imageId: creatingId, status: 'Creating' })).body?.images?.image?.[0]?.progress).toMatch(/^\d+%$/);
    expect((await describeImages({ imageId: `${creatingId},${ids[0]}`, status: 'Creating,Available' })).body?.totalCount).toBe(2);
    expect((await describeImages({ imageId: `${creatingId},${ids[0]}`, status: 'ALL' })).body?.totalCount).toBe(2);
    await expectEcsError(describeImages({ status: 'Broken' }), 'InvalidStatus.ValueNotSupported', 400);
  });

  it('filters by Usable (no Status default then)', async () => {
    const notUsable = await describeImages({ imageOwnerAlias: 'self', usable: false });
    expect(notUsable.body?.images?.image?.map((image) => image.imageId)).toEqual([creatingId]);
  });

  it('filters by ImageName (substring), ImageFamily, Architecture, OSType', async () => {
    expect((await describeImages({ imageName: 'web-1' })).body?.totalCount).toBe(2);
    expect((await describeImages({ imageName: 'web_' })).body?.totalCount).toBe(0);
    expect((await describeImages({ imageFamily: 'odd-family' })).body?.totalCount).toBe(6);
    expect((await describeImages({ imageOwnerAlias: 'self', architecture: 'arm64' })).body?.totalCount).toBe(3);
    expect((await describeImages({ imageOwnerAlias: 'self', OSType: 'windows' })).body?.images?.image?.map((i) => i.imageId)).toEqual([ids[11]]);
    await expectEcsError(describeImages({ architecture: 'sparc' }), 'InvalidArchitecture', 404);
    await expectEcsError(describeImages({ OSType: 'plan9' }), 'InvalidOSType', 404);
  });

  it('filters by ImageOwnerAlias', async () => {
    const system = await describeImages({ imageOwnerAlias: 'system', pageSize: 100 });
    expect(system.body?.images?.image?.every((image) => image.imageOwnerAlias === 'system')).toBe(true);
    expect(system.body?.images?.image?.some((image) => image.imageId?.startsWith('ubuntu_22_04'))).toBe(true);
    expect((await describeImages({ imageOwnerAlias: 'others' })).body?.totalCount).toBe(0);
    expect((await describeImages({ imageOwnerAlias: 'marketplace' })).body?.totalCount).toBe(0);
    await expectEcsError(describeImages({ imageOwnerAlias: 'mine' }), 'InvalidImageOwnerAlias.ValueNotSupported', 400);
  });

  it('filters by Tag.N (all must match; a key alone matches any value)', async () => {
    const tag = (key: string, value?: string) => new DescribeImagesRequestTag(value === undefined ? { key } : { key, value });
    expect((await describeImages({ tag: [tag('parity', 'even')] })).body?.totalCount).toBe(6);
    expect((await describeImages({ tag: [tag('parity')] })).body?.totalCount).toBe(12);
    expect((await describeImages({ tag: [tag('parity', 'even'), tag('parity', 'odd')] })).body?.totalCount).toBe(0);
    await expectEcsError(describeImages({ tag: [new DescribeImagesRequestTag({ value: 'x' })] }), 'InvalidTag.Mismatch', 400);
    const many = Array.from({ length: 21 }, (_, index) => tag(`k${index}`, 'v'));
    await expectEcsError(describeImages({ tag: many }), 'InvalidTagCount', 400);
  });

  it('filters by Usage, InstanceType, SnapshotId, IsSupportIoOptimized', async () => {
    await insertInstance(tc, { imageId: ids[5] });
    const used = await describeImages({ imageOwnerAlias: 'self', usage: 'instance' });
    expect(used.body?.images?.image?.map((image) => [image.imageId, image.usage])).toEqual([[ids[5], 'instance']]);
    expect((await describeImages({ imageOwnerAlias: 'self', usage: 'none' })).body?.totalCount).toBe(11);
    await expectEcsError(describeImages({ usage: 'sometimes' }), 'InvalidUsage', 404);

    // ecs.g8y is ARM and attaches disks over NVMe: only arm64 images that support NVMe run on it.
    expect((await describeImages({ imageOwnerAlias: 'self', instanceType: 'ecs.g8y.large' })).body?.totalCount).toBe(0);
    await tc.ecsClient().modifyImageAttribute(
      new ModifyImageAttributeRequest({ regionId, imageId: ids[0], features: new ModifyImageAttributeRequestFeatures({ nvmeSupport: 'supported' }) }),
    );
    const onG8y = await describeImages({ imageOwnerAlias: 'self', instanceType: 'ecs.g8y.large' });
    expect(onG8y.body?.images?.image?.map((image) => image.imageId)).toEqual([ids[0]]);
    expect((await describeImages({ imageOwnerAlias: 'self', instanceType: 'ecs.g7.large' })).body?.totalCount).toBe(9);
    await expectEcsError(describeImages({ instanceType: 'ecs.nope.large' }), 'InvalidInstanceType.ValueNotSupported', 400);

    const snapshotId = await insertSnapshot(tc);
    const created = await tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId }));
    const bySnapshot = await describeImages({ snapshotId, status: 'ALL' });
    expect(bySnapshot.body?.images?.image?.map((image) => image.imageId)).toEqual([created.body?.imageId]);
    expect((await describeImages({ isSupportIoOptimized: false })).body?.totalCount).toBe(0);
  });

  it('filters by creation time and refuses unknown filter keys', async () => {
    const filter = (key: string, value: string) => new DescribeImagesRequestFilter({ key, value });
    const future = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16) + 'Z';
    expect((await describeImages({ imageOwnerAlias: 'self', filter: [filter('CreationStartTime', future)] })).body?.totalCount).toBe(0);
    expect((await describeImages({ imageOwnerAlias: 'self', filter: [filter('CreationEndTime', future)] })).body?.totalCount).toBe(12);
    await expectEcsError(describeImages({ filter: [filter('Colour', 'blue')] }), 'InvalidFilterKey.NotFound', 404);
  });

  it('filters by ResourceGroupId (the default group finds nothing, as ECS documents)', async () => {
    const image = (await describeImages({ imageId: ids[0] })).body?.images?.image?.[0];
    expect((await describeImages({ resourceGroupId: image?.resourceGroupId })).body?.totalCount).toBe(0);
    expect((await describeImages({ resourceGroupId: 'rg-somethingelse' })).body?.totalCount).toBe(0);
  });

  it('hides Deprecated images by default and shows them on request', async () => {
    await tc.ecsClient().modifyImageAttribute(new ModifyImageAttributeRequest({ regionId, imageId: ids[2], status: 'Deprecated' }));
    expect((await describeImages({ imageId: ids[2] })).body?.totalCount).toBe(0);
    expect((await describeImages({ imageId: ids[2], status: 'Deprecated' })).body?.images?.image?.[0]?.status).toBe('Deprecated');
    await tc.ecsClient().modifyImageAttribute(new ModifyImageAttributeRequest({ regionId, imageId: ids[2], status: 'Available' }));
    expect((await describeImages({ imageId: ids[2] })).body?.totalCount).toBe(1);
  });

  it('answers the RPC v1 signature too, and another region has none of these images', async () => {
    const v1 = await tc.ecsClient({ signature: 'v1' }).describeImages(new DescribeImagesRequest({ regionId, imageId: ids[3] }));
    expect(v1.body?.images?.image?.[0]?.imageName).toBe('web-03');
    const shanghai = await tc.ecsClient({ regionId: 'cn-shanghai' }).describeImages(
      new DescribeImagesRequest({ regionId: 'cn-shanghai', imageOwnerAlias: 'self' }),
    );
    expect(shanghai.body?.totalCount).toBe(0);
  });
});

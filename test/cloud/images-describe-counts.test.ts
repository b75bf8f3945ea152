/**
 * DescribeImages over more images than a page, with the official SDK: the
 * filters that name their images through another index (Tag.N, SnapshotId,
 * Usage, ImageName) page the same whether the page starts from that index (few images)
 * or walks every image (many), and a kept TotalCount follows every change
 * to what it counted, made through the API or by another writer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Insertable } from 'kysely';
import { DescribeImagesRequest, DescribeImagesRequestTag, TagResourcesRequest, TagResourcesRequestTag } from '@alicloud/ecs20140526';
import { FEW } from '../../src/cloud/api/images/image-id-filters.js';
import { dialectOf } from '../../src/cloud/store/dialect-of.js';
import type { ImageTable } from '../../src/cloud/store/schema.js';
import { useTestCloud } from '../support/cloud.js';
import { instanceRow } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';
/** More than `FEW`, so that a tag every image carries is tested on the walk. */
const COUNT = FEW + 50;
const NOW = Date.UTC(2025, 0, 1);

/** Image `index`: newer for a lower index; every 100th carries team=rare, the first five come from s-few. */
function imageId(index: number): string {
  return `m-count${String(index).padStart(5, '0')}`;
}

function imageRow(accountId: string, index: number): Insertable<ImageTable> {
  return {
    id: imageId(index),
    account_id: accountId,
    region_id: regionId,
    image_name: `count-${index}`,
    image_owner_alias: 'self',
    architecture: 'x86_64',
    platform: 'Ubuntu',
    os_type: 'linux',
    boot_mode: 'BIOS',
    size: 40,
    status: 'Available',
    progress: 100,
    usable: 1,
    source_snapshot_id: index < 5 ? 's-few' : 's-other',
    creation_time: NOW - index * 1_000,
    available_at: NOW - index * 1_000,
  } as Insertable<ImageTable>;
}

const RARE = Array.from({ length: COUNT }, (_, index) => index).filter((index) => index % 100 === 0);

describe('DescribeImages counts and id filters over more than a page', () => {
  const tc = useTestCloud();

  beforeAll(async () => {
    const db = tc.cloud.store.db;
    for (let start = 0; start < COUNT; start += 100) {
      const indexes = Array.from({ length: Math.min(100, COUNT - start) }, (_, offset) => start + offset);
      await db.insertInto('images').values(indexes.map((index) => imageRow(tc.accountId, index))).execute();
      const tag = (index: number, key: string, value: string) => ({ account_id: tc.accountId, resource_type: 'image', resource_id: imageId(index), tag_key: key, tag_value: value });
      await db.insertInto('tags').values(indexes.map((index) => tag(index, 'all', 'yes'))).execute();
      const rare = indexes.filter((index) => RARE.includes(index));
      if (rare.length > 0) await db.insertInto('tags').values(rare.map((index) => tag(index, 'team', 'rare'))).execute();
    }
    // PostgreSQL plans from statistics, which its autovacuum gathers a while after such a bulk insert;
    // without them it estimates one row everywhere and loops over the tags for every image.
    if (dialectOf(db) === 'postgres') await sql`analyze`.execute(db);
  });

  const page = async (fields: Record<string, unknown>): Promise<{ total: number; ids: string[] }> => {
    const body = (await tc.ecsClient().describeImages(new DescribeImagesRequest({ regionId, imageOwnerAlias: 'self', ...fields }))).body;
    return { total: Number(body?.totalCount), ids: body?.images?.image?.map((image) => image.imageId ?? '') ?? [] };
  };
  const tags = (...pairs: Array<[string, string]>) => pairs.map(([key, value]) => new DescribeImagesRequestTag({ key, value }));
  const ids = (indexes: readonly number[]) => indexes.map(imageId);

  it('pages a tag on many images (tested on the walk) and on few (the page starts from the tags)', async () => {
    expect(await page({ tag: tags(['all', 'yes']), pageSize: 10, pageNumber: 3 })).toEqual({
      total: COUNT,
      ids: ids(Array.from({ length: 10 }, (_, offset) => 20 + offset)),
    });
    expect(await page({ tag: tags(['team', 'rare']), pageSize: 4, pageNumber: 2 })).toEqual({ total: RARE.length, ids: ids(RARE.slice(4, 8)) });
    expect(await page({ tag: tags(['all', 'yes'], ['team', 'rare']), pageSize: 4, pageNumber: 3 })).toEqual({
      total: RARE.length,
      ids: ids(RARE.slice(8, 12)),
    });
    expect(await page({ tag: tags(['team', 'other']), pageSize: 4 })).toEqual({ total: 0, ids: [] });
  });

  it('pages SnapshotId and Usage from their own indexes', async () => {
    expect(await page({ snapshotId: 's-few', pageSize: 2, pageNumber: 2 })).toEqual({ total: 5, ids: ids([2, 3]) });
    expect(await page({ snapshotId: 's-few', tag: tags(['team', 'rare']) })).toEqual({ total: 1, ids: ids([0]) });
    expect(await page({ usage: 'instance' })).toEqual({ total: 0, ids: [] });
    expect((await page({ usage: 'none', pageSize: 1 })).total).toBe(COUNT);
  });

  it('pages ImageName from the trigrams of the names, and by the walk for what they cannot tell', async () => {
    const holding = (part: string) => Array.from({ length: COUNT }, (_, index) => index).filter((index) => `count-${index}`.includes(part));
    const part = 'unt-10';
    expect(await page({ imageName: part, pageSize: 5, pageNumber: 2 })).toEqual({ total: holding(part).length, ids: ids(holding(part).slice(5, 10)) });
    expect(await page({ imageName: 'unt-104', pageSize: 20 })).toEqual({ total: holding('unt-104').length, ids: ids(holding('unt-104')) });
    expect((await page({ imageName: 't-', pageSize: 1 })).total).toBe(COUNT);
    expect((await page({ imageName: 'count_1', pageSize: 1 })).total).toBe(0);
    // the trigrams follow a rename by another writer
    await tc.cloud.store.db.updateTable('images').set({ image_name: 'renamed-image' }).where('id', '=', imageId(1049)).execute();
    expect(await page({ imageName: 'med-ima' })).toEqual({ total: 1, ids: ids([1049]) });
    expect((await page({ imageName: 'unt-104', pageSize: 1 })).total).toBe(holding('unt-104').length - 1);
    await tc.cloud.store.db.updateTable('images').set({ image_name: 'count-1049' }).where('id', '=', imageId(1049)).execute();
  });

  it('a kept TotalCount follows changes through the API and by other writers', async () => {
    const rare = { tag: tags(['team', 'rare']), pageSize: 2 };
    expect((await page(rare)).total).toBe(RARE.length);
    expect((await page(rare)).total).toBe(RARE.length);
    await tc.ecsClient().tagResources(
      new TagResourcesRequest({ regionId, resourceType: 'image', resourceId: [imageId(1)], tag: [new TagResourcesRequestTag({ key: 'team', value: 'rare' })] }),
    );
    expect((await page(rare)).total).toBe(RARE.length + 1);
    const db = tc.cloud.store.db;
    await db.updateTable('images').set({ status: 'Deprecated' }).where('id', '=', imageId(0)).execute();
    expect((await page(rare)).total).toBe(RARE.length);
    expect((await page({ status: 'Deprecated,Available', ...rare })).total).toBe(RARE.length + 1);
    const usedFirst = { usage: 'none', pageSize: 1 };
    expect((await page(usedFirst)).total).toBe(COUNT - 1);
    await db.insertInto('instances').values(instanceRow({ id: 'i-count', account_id: tc.accountId, region_id: regionId, zone_id: `${regionId}-a`, image_id: imageId(2) })).execute();
    expect((await page(usedFirst)).total).toBe(COUNT - 2);
    expect(await page({ usage: 'instance' })).toEqual({ total: 1, ids: ids([2]) });
  });
});

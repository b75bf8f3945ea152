/**
 * DescribeImages by id alone runs a compiled query (describe-images-by-id.ts);
 * any other parameter takes the general query. `ActionType=CreateEcs` is
 * validated and filters nothing, so adding it to a lookup must not change a
 * byte of the answer (the RequestId apart): the two paths are compared on own,
 * system, shared, foreign, unknown and still-Creating images, with statuses,
 * repeats and paging, and on their errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateImageRequest, ModifyImageSharePermissionRequest } from '@alicloud/ecs20140526';
import { Params } from '../../src/cloud/api/params.js';
import { plainIdLookup } from '../../src/cloud/api/images/describe-images-by-id.js';
import { useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { sendV1 } from '../support/raw-rpc.js';
import { waitForImage } from './images-support.js';
import { insertInstance, insertSnapshot } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';

/** Long beside the real time a test takes: an image is done when the test moves the clock past it. */
const CREATION_MS = 10_000;

describe('DescribeImages by id: the compiled lookup answers as the general query does', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS } });
  let friend: { accessKeyId: string; accessKeySecret: string; accountId: string };
  const own: string[] = [];
  let creating = '';
  let systemImage = '';

  beforeAll(async () => {
    const created = await tc.createAccount();
    friend = { accessKeyId: created.accessKeyId, accessKeySecret: created.accessKeySecret, accountId: created.accountId };
    const ecs = tc.ecsClient();
    const snapshotId = await insertSnapshot(tc);
    for (let index = 0; index < 4; index += 1) {
      const answer = await ecs.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: `diff-${index}` }));
      own.push(answer.body?.imageId ?? '');
    }
    clock.advance(CREATION_MS);
    for (const id of own) await waitForImage(ecs, id, (image) => image.usable === true);
    await ecs.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId: own[1], addAccount: [friend.accountId] }));
    await insertInstance(tc, { imageId: own[2] });
    await tc.cloud.store.db.updateTable('images').set({ is_public: 1 }).where('id', '=', own[3] ?? '').execute();
    const slow = await ecs.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'diff-creating' }));
    creating = slow.body?.imageId ?? '';
    await tc.cloud.store.db.updateTable('images').set({ available_at: Date.now() + 3_600_000 }).where('id', '=', creating).execute();
    const system = await tc.cloud.store.db.selectFrom('images').select('id').where('image_owner_alias', '=', 'system').executeTakeFirstOrThrow();
    systemImage = system.id;
  });

  async function bothPaths(keys: { accessKeyId: string; accessKeySecret: string }, params: Record<string, string>): Promise<[string, string]> {
    const ask = async (extra: Record<string, string>) => {
      const answer = await sendV1(tc.url, { ...keys, method: 'GET', params: { Action: 'DescribeImages', RegionId: regionId, ...params, ...extra } });
      const requestId = String(answer.json?.['RequestId'] ?? '');
      expect(requestId).not.toBe('');
      return `${answer.status} ${answer.text.split(requestId).join('<id>')}`;
    };
    return [await ask({}), await ask({ ActionType: 'CreateEcs' })];
  }

  const owner = () => tc.credentials;
  const cases: Array<[string, () => { accessKeyId: string; accessKeySecret: string }, () => Record<string, string>]> = [
    ['one own image', owner, () => ({ ImageId: own[0] ?? '' })],
    ['an own image used by an instance', owner, () => ({ ImageId: own[2] ?? '' })],
    ['an own shared image', owner, () => ({ ImageId: own[1] ?? '' })],
    ['a system image', owner, () => ({ ImageId: systemImage })],
    ['an unknown id', owner, () => ({ ImageId: 'm-doesnotexist' })],
    ['a Creating image (default status: none)', owner, () => ({ ImageId: creating })],
    ['a Creating image with Status', owner, () => ({ ImageId: creating, Status: 'Creating,Available' })],
    ['every status', owner, () => ({ ImageId: `${creating},${own[0]}`, Status: 'ALL' })],
    ['a list with repeats and blanks', owner, () => ({ ImageId: ` ${own[3]},${own[0]},,${own[3]},${systemImage}`, Status: 'Available,Available' })],
    ['paging inside the list', owner, () => ({ ImageId: own.join(','), PageSize: '2', PageNumber: '2' })],
    ['a page past the end', owner, () => ({ ImageId: own.join(','), PageSize: '3', PageNumber: '5' })],
    ['the image shared with the caller', () => friend, () => ({ ImageId: own[1] ?? '' })],
    ['images of another account, not shared', () => friend, () => ({ ImageId: `${own[0]},${own[2]}` })],
    ['a public image of another account (IsPublic not asked)', () => friend, () => ({ ImageId: own[3] ?? '' })],
    ['an invalid status', owner, () => ({ ImageId: own[0] ?? '', Status: 'Gone' })],
    ['an invalid page size', owner, () => ({ ImageId: own[0] ?? '', PageSize: '101' })],
  ];

  for (const [name, keys, params] of cases) {
    it(name, async () => {
      const [compiled, general] = await bothPaths(keys(), params());
      expect(compiled).toBe(general);
    });
  }

  it('lookups arriving together (read in one query) each get their own images, statuses and caller', async () => {
    const ask = async (keys: { accessKeyId: string; accessKeySecret: string }, params: Record<string, string>) => {
      const answer = await sendV1(tc.url, { ...keys, method: 'GET', params: { Action: 'DescribeImages', RegionId: regionId, ...params } });
      const images = (answer.json?.['Images'] as { Image: { ImageId: string }[] }).Image;
      return images.map((image) => image.ImageId).sort();
    };
    const [first, second, all, creatingOnly, friends] = await Promise.all([
      ask(owner(), { ImageId: own[0] ?? '' }),
      ask(owner(), { ImageId: `${own[1]},${own[2]}` }),
      ask(owner(), { ImageId: `${own[0]},${creating}`, Status: 'ALL' }),
      ask(owner(), { ImageId: `${own[0]},${creating}`, Status: 'Creating' }),
      ask(friend, { ImageId: own.join(',') }),
    ]);
    expect(first).toEqual([own[0]]);
    expect(second).toEqual([own[1], own[2]].sort());
    expect(all).toEqual([own[0], creating].sort());
    expect(creatingOnly).toEqual([creating]);
    expect(friends).toEqual([own[1]]);
  });

  it('finds what it should (the comparison above is not between two empty answers)', async () => {
    const [compiled] = await bothPaths(owner(), { ImageId: own.join(','), Status: 'ALL' });
    for (const id of own) expect(compiled).toContain(`"ImageId":"${id}"`);
    const [shared] = await bothPaths(friend, { ImageId: own.join(',') });
    expect(shared).toContain(`"ImageId":"${own[1]}"`);
    expect(shared).toContain('"TotalCount":1');
  });
});

describe('plainIdLookup', () => {
  it('takes the ids of a lookup by id alone, without repeats', () => {
    expect(plainIdLookup(Params.of({ RegionId: 'r', ImageId: 'm-1, m-2,m-1', Status: 'ALL', PageSize: '5', PageNumber: '1' }))).toEqual(['m-1', 'm-2']);
  });
  it('leaves any other request to the general query', () => {
    expect(plainIdLookup(Params.of({ RegionId: 'r', ImageId: 'm-1', ActionType: 'CreateEcs' }))).toBeUndefined();
    expect(plainIdLookup(Params.of({ RegionId: 'r', ImageOwnerAlias: 'self' }))).toBeUndefined();
    expect(plainIdLookup(Params.of({ RegionId: 'r', ImageId: ' , ' }))).toBeUndefined();
    const many = Array.from({ length: 101 }, (_, index) => `m-${index}`).join(',');
    expect(plainIdLookup(Params.of({ ImageId: many }))).toBeUndefined();
  });
});

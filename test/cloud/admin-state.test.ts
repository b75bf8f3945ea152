/**
 * Save → reset → load through the operator API of a real `ecs-image serve`:
 * afterwards every Describe answer, in every region and for every account, is
 * the same byte for byte (RequestId aside), and an image still being created
 * at save time finishes after the load on its own.
 */
import { CreateImageRequest, DescribeImagesRequest } from '@alicloud/ecs20140526';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendV1 } from '../support/raw-rpc.js';
import { CLI_MISSING_REASON, cliBuilt, runCli, serveCloud, type Keys, type ServedCloud } from './admin-support.js';
import { buildWorld, REGION } from './admin-world.js';

const skip = cliBuilt() ? undefined : CLI_MISSING_REASON;

const ECS = '2014-05-26';
const VPC = '2016-04-28';
const RESOURCE_MANAGER = '2020-03-31';
const ALL_STATUSES = 'Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated';

/** The Describe calls of one region: [version, action, extra parameters]. */
const REGIONAL: readonly (readonly [string, string, Record<string, string>])[] = [
  [ECS, 'DescribeImages', { ImageOwnerAlias: 'self', Status: ALL_STATUSES, PageSize: '100' }],
  [ECS, 'DescribeImages', { ImageOwnerAlias: 'others', Status: ALL_STATUSES, PageSize: '100' }],
  [ECS, 'DescribeSnapshots', { PageSize: '100' }],
  [ECS, 'DescribeDisks', { PageSize: '100' }],
  [ECS, 'DescribeInstances', { PageSize: '100' }],
  [ECS, 'DescribeSecurityGroups', { PageSize: '50' }],
  [ECS, 'DescribeKeyPairs', { PageSize: '50', IncludePublicKey: 'true' }],
  [ECS, 'ListTagResources', { ResourceType: 'image', 'Tag.1.Key': 'suite' }],
  [VPC, 'DescribeVpcs', { PageSize: '50' }],
  [VPC, 'DescribeVSwitches', { PageSize: '50' }],
];

describe.skipIf(skip !== undefined)(`state save → reset → load${skip !== undefined ? ` (skipped: ${skip})` : ''}`, () => {
  let cloud: ServedCloud;
  let accounts: Keys[];
  let regions: string[];

  beforeAll(async () => {
    cloud = await serveCloud(['--image-creation-seconds', '3600']);
    const created = await runCli(['accounts', 'create', ...cloud.storeArgs], 120_000);
    expect(created.code, created.stderr).toBe(0);
    const other = JSON.parse(created.stdout) as Keys & { accountId: string };
    accounts = [cloud.keys, other];
    const answer = await sendV1(cloud.endpoint, { ...cloud.keys, params: { Action: 'DescribeRegions' } });
    regions = (answer.json as { Regions: { Region: { RegionId: string }[] } }).Regions.Region.map((region) => region.RegionId);
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  /**
   * Every Describe answer of every account and region, in a fixed order, RequestId blanked —
   * and the RemainTime of an image in progress, which counts down by the second between any
   * two reads, save and load or not (the load keeps the time left; the next test proves it).
   */
  async function everyAnswer(): Promise<string[]> {
    const answers: string[] = [];
    for (const keys of accounts) {
      const groups = await sendV1(cloud.endpoint, { ...keys, params: { Action: 'ListResourceGroups', Version: RESOURCE_MANAGER } });
      answers.push(`ListResourceGroups ${groups.status} ${groups.text}`);
      for (const regionId of regions) {
        for (const [version, action, extra] of REGIONAL) {
          const answer = await sendV1(cloud.endpoint, { ...keys, params: { Action: action, Version: version, RegionId: regionId, ...extra } });
          answers.push(`${regionId} ${action} ${answer.status} ${answer.text}`);
        }
      }
    }
    return answers.map((text) => text.replace(/"RequestId":"[^"]*"/, '"RequestId":""').replace(/"RemainTime":\d+/g, '"RemainTime":0'));
  }

  it('every Describe answer is the same after the round trip, RequestId aside', async () => {
    const [mine, theirs] = accounts as [Keys, Keys & { accountId?: string }];
    const other = (theirs as { accountId: string }).accountId;
    await buildWorld(cloud.ecs(mine), cloud.vpc(mine), other, 'saved');
    await buildWorld(cloud.ecs(theirs), cloud.vpc(theirs), undefined, 'theirs');
    const before = await everyAnswer();
    expect(before.some((answer) => answer.includes('"Status":"Creating"'))).toBe(true);

    const saved = await cloud.admin('GET', 'state');
    expect(saved.status).toBe(200);
    const reset = await cloud.admin('POST', 'state/reset');
    expect(reset.body.reset.images).toBe(2);
    expect(await everyAnswer()).not.toEqual(before);
    const loaded = await cloud.admin('PUT', 'state', saved.text);
    expect(loaded.status, loaded.text).toBe(200);
    expect(loaded.body.loaded).toMatchObject({ accounts: 2, images: 2, instances: 2, image_shares: 1, security_group_rules: 2, key_pairs: 2 });

    const after = await everyAnswer();
    expect(after.length).toBe(before.length);
    for (let index = 0; index < before.length; index += 1) expect(after[index]).toBe(before[index]);
    // And the document read back is the one loaded (times of things in progress aside).
    const again = (await cloud.admin('GET', 'state')).body;
    expect(again.tables.accounts).toEqual(saved.body.tables.accounts);
    expect(again.tables.access_keys).toEqual(saved.body.tables.access_keys);
  });

  it('an image being created at save time finishes after the load, keeping the time it had left', async () => {
    await cloud.admin('POST', 'state/reset');
    await cloud.admin('PATCH', 'settings', { imageCreationSeconds: 4 });
    const world = await buildWorld(cloud.ecs(), cloud.vpc(), undefined, 'inflight');
    const status = async (): Promise<string | undefined> =>
      (await cloud.ecs().describeImages(new DescribeImagesRequest({ regionId: REGION, imageId: world.imageId, status: ALL_STATUSES })))
        .body!.images!.image![0]?.status;
    const second = (await cloud.ecs().createImage(new CreateImageRequest({ regionId: REGION, snapshotId: world.snapshotId, imageName: 'second' })))
      .body!.imageId!;
    const saved = await cloud.admin('GET', 'state');
    await cloud.admin('POST', 'state/reset');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await cloud.admin('PUT', 'state', saved.text)).status).toBe(200);
    expect(await status()).toBe('Creating');
    const loadedAt = Date.now();
    const started = Date.now();
    while ((await status()) !== 'Available') {
      if (Date.now() - started > 20_000) throw new Error('the image never became Available after the load');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The 1.5 s between reset and load were not counted as creation time.
    expect(Date.now() - loadedAt).toBeGreaterThan(500);
    const secondImage = await cloud.ecs().describeImages(new DescribeImagesRequest({ regionId: REGION, imageId: second, status: ALL_STATUSES }));
    expect(['Creating', 'Available']).toContain(secondImage.body!.images!.image![0]?.status);
  });
});

/**
 * The shared image operations, end to end against the real local cloud through the official
 * SDK, for both flavours: create → wait → read → modify → tags → resource group → delete
 * (+ wait gone) → snapshot clean-up, and the lookups' edge cases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  $Ecs,
  SnapshotCleanupError,
  connect,
  openClients,
  createImage,
  deleteImage,
  deleteSnapshots,
  diffTags,
  findImageById,
  imageSnapshotIds,
  joinResourceGroup,
  modifyImageAttribute,
  resolveAlicloudConfig,
  resolveAlibabacloudStackConfig,
  updateTags,
  waitImageAvailable,
  type CloudClients,
  type Image,
  type TagDiff,
} from '../../src/provider/client/index.js';
import { useTestCloud } from '../support/cloud.js';
import { $ResourceManager } from '../../src/provider/client/sdk-resource-manager.js';
import { nonDefaultGroup } from './client-scripted-server.js';
import { insertSnapshot } from '../support/store-rows.js';

const POLL = { poll: { delayMs: 0, minTimeoutMs: 100, maxIntervalMs: 200 }, timeoutMs: 30_000 };

const tc = useTestCloud({ settings: { imageCreationMs: 300 } });
let alicloud: CloudClients;
let stack: CloudClients;

beforeAll(async () => {
  alicloud = await openClients(
    await resolveAlicloudConfig(
      {
        access_key: tc.credentials.accessKeyId,
        secret_key: tc.credentials.accessKeySecret,
        region: tc.regionId,
        endpoints: { ecs: tc.url, resourcemanager: tc.url },
      },
      { env: {} },
    ),
  );
  stack = await connect(
    await resolveAlibabacloudStackConfig(
      {
        access_key: tc.credentials.accessKeyId,
        secret_key: tc.credentials.accessKeySecret,
        region: tc.regionId,
        department: tc.accountId,
        resource_group: await nonDefaultGroup(tc),
        endpoints: { ecs: tc.endpoint },
      },
      { env: {} },
    ),
  );
  await stack.prepare();
});

function tagsOf(image: Image | undefined): Record<string, string> {
  return Object.fromEntries((image?.tags?.tag ?? []).map((t) => [t.tagKey ?? '', t.tagValue ?? '']));
}

async function snapshotExists(snapshotId: string): Promise<boolean> {
  const { body } = await tc.ecsClient().describeSnapshots(new $Ecs.DescribeSnapshotsRequest({ regionId: tc.regionId, snapshotIds: JSON.stringify([snapshotId]) }));
  return (body?.snapshots?.snapshot ?? []).length > 0;
}

describe.each([
  { flavour: 'alicloud', clients: () => alicloud },
  { flavour: 'alibabacloudstack', clients: () => stack },
])('image round trip ($flavour)', ({ flavour, clients }) => {
  it('creates, waits, reads, modifies, tags, deletes and cleans up snapshots', async () => {
    const c = clients();
    const snapshotId = await insertSnapshot(tc);
    const name = `rt-${flavour}`;
    const imageId = await createImage(
      c,
      new $Ecs.CreateImageRequest({
        snapshotId,
        imageName: name,
        description: 'first',
        tag: [new $Ecs.CreateImageRequestTag({ key: 'keep', value: '1' }), new $Ecs.CreateImageRequestTag({ key: 'drop', value: '2' })],
      }),
    );
    expect(imageId).toMatch(/^m-/);

    const available = await waitImageAvailable(c, imageId, POLL);
    expect(available).toMatchObject({ imageId, imageName: name, status: 'Available', usable: true });
    expect(imageSnapshotIds(available)).toEqual([snapshotId]);

    await modifyImageAttribute(c, new $Ecs.ModifyImageAttributeRequest({ imageId, imageName: `${name}-renamed`, description: 'second' }));
    const before = tagsOf(await findImageById(c, imageId));
    expect(before).toEqual({ keep: '1', drop: '2' });
    const diff = await updateTags(c, { resourceType: 'image', resourceId: imageId }, before, { keep: '1-changed', added: '3' });
    expect(diff).toEqual({ remove: ['drop'], add: { added: '3', keep: '1-changed' } });

    const read = await findImageById(c, imageId);
    expect(read).toMatchObject({ imageName: `${name}-renamed`, description: 'second' });
    expect(tagsOf(read)).toEqual({ keep: '1-changed', added: '3' });

    await deleteImage(c, { imageId, force: false }, POLL);
    expect(await findImageById(c, imageId)).toBeUndefined();
    // Deleting again is not an error: the image is already gone.
    await deleteImage(c, { imageId }, POLL);

    await deleteSnapshots(c, imageSnapshotIds(available));
    expect(await snapshotExists(snapshotId)).toBe(false);
    // An already deleted snapshot counts as deleted.
    await deleteSnapshots(c, [snapshotId]);
  });
});

describe('findImageById', () => {
  it('returns undefined for an id that does not exist', async () => {
    expect(await findImageById(alicloud, 'm-doesnotexist000000')).toBeUndefined();
    expect(await findImageById(stack, 'm-doesnotexist000000')).toBeUndefined();
  });

  it("does not see another account's image", async () => {
    const snapshotId = await insertSnapshot(tc);
    const imageId = await createImage(alicloud, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'mine-only' }));
    const other = await tc.createAccount();
    const stranger = await openClients(
      await resolveAlicloudConfig(
        { access_key: other.accessKeyId, secret_key: other.accessKeySecret, region: tc.regionId, endpoints: { ecs: tc.url } },
        { env: {} },
      ),
    );
    expect(await findImageById(stranger, imageId)).toBeUndefined();
    expect((await findImageById(alicloud, imageId))?.imageId).toBe(imageId);
  });

  it('still finds a Deprecated image (so Delete deletes it), in both flavours', async () => {
    const snapshotId = await insertSnapshot(tc);
    const imageId = await createImage(stack, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'deprecated-one' }));
    await waitImageAvailable(stack, imageId, POLL);
    await modifyImageAttribute(stack, new $Ecs.ModifyImageAttributeRequest({ imageId, status: 'Deprecated' }));
    expect((await findImageById(stack, imageId))?.status).toBe('Deprecated');
    expect((await findImageById(alicloud, imageId))?.status).toBe('Deprecated');
    await deleteImage(stack, { imageId, force: true }, POLL);
    expect(await findImageById(stack, imageId)).toBeUndefined();
  });

  it('sees, in the Apsara Stack flavour, only images of its resource set', async () => {
    const snapshotId = await insertSnapshot(tc);
    const imageId = await createImage(alicloud, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'default-group-image' }));
    expect((await findImageById(alicloud, imageId))?.imageId).toBe(imageId);
    expect(await findImageById(stack, imageId)).toBeUndefined();
  });
});

describe('resource groups and snapshot clean-up', () => {
  it('moves an image to another resource group', async () => {
    const { body } = await (await alicloud.resourceManager()).listResourceGroupsWithOptions(new $ResourceManager.ListResourceGroupsRequest({ pageSize: 50 }), alicloud.runtime());
    const groups = body?.resourceGroups?.resourceGroup ?? [];
    const target = groups.find((g) => g.name !== 'default') ?? groups[0];
    expect(target?.id).toBeTruthy();
    const snapshotId = await insertSnapshot(tc);
    const imageId = await createImage(alicloud, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'rg-move' }));
    await waitImageAvailable(alicloud, imageId, POLL);
    await joinResourceGroup(alicloud, { resourceId: imageId, resourceGroupId: target!.id!, resourceType: 'image' });
    expect((await findImageById(alicloud, imageId))?.resourceGroupId).toBe(target!.id);
  });

  it('reports every snapshot it could not delete, and deletes the others', async () => {
    const inUse = await insertSnapshot(tc);
    const free = await insertSnapshot(tc);
    const imageId = await createImage(alicloud, new $Ecs.CreateImageRequest({ snapshotId: inUse, imageName: 'holds-snapshot' }));
    await waitImageAvailable(alicloud, imageId, POLL);
    const err = await deleteSnapshots(alicloud, [inUse, free]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SnapshotCleanupError);
    expect((err as SnapshotCleanupError).failures.map((f) => f.snapshotId)).toEqual([inUse]);
    expect((err as Error).message).toMatch(new RegExp(`^deleting the image's snapshots: ${inUse}: \\S+: .*must be deleted manually\\.$`));
    expect(await snapshotExists(free)).toBe(false);
    expect(await snapshotExists(inUse)).toBe(true);
  });
});

type TagCase = { before: Record<string, string>; after: Record<string, string>; want: TagDiff };

describe('diffTags', () => {
  it.each<TagCase>([
    { before: {}, after: { a: '1' }, want: { remove: [], add: { a: '1' } } },
    { before: { a: '1' }, after: { a: '1' }, want: { remove: [], add: {} } },
    { before: { a: '1', b: '2' }, after: { a: '9' }, want: { remove: ['b'], add: { a: '9' } } },
    { before: { 'acs:system': 'x', aliyun_tag: 'y', mine: 'z' }, after: {}, want: { remove: ['mine'], add: {} } },
  ])('$before → $after', ({ before, after, want }) => {
    expect(diffTags(before, after, ['aliyun', 'acs:', 'http://', 'https://'])).toEqual(want);
  });
});

/**
 * `alicloud_image_copy` and `alicloud_image_share_permission` with the real terraform: a
 * source image in the cloud's default region, copied to cn-shanghai through an aliased
 * provider and shared from there with a second account. One workspace, steps in order:
 * create (checked through the SDK, also as the second account), an empty second plan,
 * in-place updates, import (long and plain ids), drift, plan-time validation, destroy.
 */
import { CreateImageRequest, DeleteImageRequest, DeleteSnapshotRequest, DescribeImagesRequest, ModifyImageSharePermissionRequest } from '@alicloud/ecs20140526';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountCredentials } from '../../src/cloud/seed/accounts.js';
import { eventually } from '../support/compute.js';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';
import { makeSources, PROVIDER_HEADER, startImageCloud } from './image-support.js';

const DESTINATION = 'cn-shanghai';
const STEP_TIMEOUT = 240_000;

interface Copy {
  readonly name: string;
  readonly description: string;
  readonly tags: string;
}

function config(sourceImageId: string, sourceRegionId: string, accountId: string, copy: Copy): string {
  return `${PROVIDER_HEADER}
provider "alicloud" {
  alias  = "shanghai"
  region = "${DESTINATION}"
}

resource "alicloud_image_copy" "copy" {
  provider         = alicloud.shanghai
  source_image_id  = "${sourceImageId}"
  source_region_id = "${sourceRegionId}"
  image_name       = "${copy.name}"
  description      = "${copy.description}"
  force            = true
  tags             = ${copy.tags}
}

resource "alicloud_image_share_permission" "friend" {
  provider   = alicloud.shanghai
  image_id   = alicloud_image_copy.copy.id
  account_id = "${accountId}"
}
`;
}

describe('alicloud_image_copy and alicloud_image_share_permission', () => {
  const scenario = useTerraformScenario({ start: () => startImageCloud() });
  let sourceImageId = '';
  let friend: AccountCredentials;
  let copyId = '';
  let copySnapshots: string[] = [];
  const first: Copy = { name: 'copied-app', description: 'copy of the app image', tags: '{ team = "images", stage = "dev" }' };
  const second: Copy = { name: 'copied-app-2', description: 'second description', tags: '{ team = "images", stage = "prod" }' };
  const write = (copy: Copy, account = friend.accountId): void => scenario.tf.write(config(sourceImageId, scenario.cloud.regionId, account, copy));
  const shanghai = (keys?: AccountCredentials) =>
    scenario.cloud.ecsClient({ regionId: DESTINATION, ...(keys ? { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret } : {}) });

  beforeAll(async () => {
    const tc = scenario.cloud;
    const sources = await makeSources(tc);
    const created = await tc.ecsClient().createImage(new CreateImageRequest({ regionId: tc.regionId, snapshotId: sources.systemSnapshotId, imageName: 'app-source' }));
    sourceImageId = created.body?.imageId ?? '';
    await eventually(async () => {
      const images = await tc.ecsClient().describeImages(new DescribeImagesRequest({ regionId: tc.regionId, imageId: sourceImageId }));
      return images.body?.images?.image?.[0]?.status;
    }, 'Available', 20_000);
    friend = await tc.createAccount();
  }, STEP_TIMEOUT);

  it('copies the image into the aliased provider\'s region and shares it; the friend sees it as others; the second plan is empty', async () => {
    write(first);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const state = await scenario.tf.state();
    const copy = state.resource('alicloud_image_copy.copy');
    copyId = String(copy.values['id']);
    expect(copy.values).toEqual({
      id: copyId,
      source_image_id: sourceImageId,
      source_region_id: scenario.cloud.regionId,
      image_name: 'copied-app',
      name: 'copied-app',
      description: 'copy of the app image',
      encrypted: null,
      kms_key_id: null,
      force: true,
      delete_auto_snapshot: null,
      tags: { team: 'images', stage: 'dev' },
      timeouts: null,
    });
    expect(state.resource('alicloud_image_share_permission.friend').values).toEqual({ id: `${copyId}:${friend.accountId}`, image_id: copyId, account_id: friend.accountId });

    const own = (await shanghai().describeImages(new DescribeImagesRequest({ regionId: DESTINATION, imageId: copyId }))).body?.images?.image?.[0];
    expect(own).toMatchObject({ imageId: copyId, status: 'Available', usable: true, isCopied: true, imageName: 'copied-app' });
    copySnapshots = (own?.diskDeviceMappings?.diskDeviceMapping ?? []).map((m) => m.snapshotId ?? '').filter((id) => id !== '');
    expect(copySnapshots.length).toBeGreaterThan(0);
    const seen = await shanghai(friend).describeImages(new DescribeImagesRequest({ regionId: DESTINATION, imageOwnerAlias: 'others' }));
    expect((seen.body?.images?.image ?? []).map((image) => [image.imageId, image.imageOwnerAlias])).toEqual([[copyId, 'others']]);

    expect((await scenario.tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('changes name, description and tags of the copy in place', async () => {
    write(second);
    const plan = await scenario.tf.plan();
    expect(plan.changes.map((c) => [c.address, c.actions])).toEqual([['alicloud_image_copy.copy', ['update']]]);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const own = (await shanghai().describeImages(new DescribeImagesRequest({ regionId: DESTINATION, imageId: copyId }))).body?.images?.image?.[0];
    expect(own).toMatchObject({ imageName: 'copied-app-2', description: 'second description' });
    expect(Object.fromEntries((own?.tags?.tag ?? []).map((t) => [t.tagKey, t.tagValue]))).toEqual({ team: 'images', stage: 'prod' });
    expect((await scenario.tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('imports both: the long copy id and the share id give an empty plan; a plain copy id adopts the source in place', async () => {
    const tf = scenario.tf;
    expect((await tf.run(['state', 'rm', 'alicloud_image_copy.copy', 'alicloud_image_share_permission.friend'])).code).toBe(0);
    const long = await tf.import('alicloud_image_copy.copy', `${copyId}:${scenario.cloud.regionId}:${sourceImageId}`);
    expect(long.code, diagnostics(long)).toBe(0);
    const share = await tf.import('alicloud_image_share_permission.friend', `${copyId}:${friend.accountId}`);
    expect(share.code, diagnostics(share)).toBe(0);
    // force is not stored by ECS: the import starts it at its default, the configuration says true.
    const afterImport = await tf.plan();
    expect(afterImport.changes.map((c) => [c.address, c.actions])).toEqual([['alicloud_image_copy.copy', ['update']]]);
    expect((await tf.apply()).code).toBe(0);
    expect((await tf.plan()).changes).toEqual([]);

    expect((await tf.run(['state', 'rm', 'alicloud_image_copy.copy'])).code).toBe(0);
    expect((await tf.import('alicloud_image_copy.copy', copyId)).code).toBe(0);
    const plain = await tf.plan();
    expect(plain.code, diagnostics(plain)).toBe(0);
    expect(plain.changes.map((c) => [c.address, c.actions])).toEqual([['alicloud_image_copy.copy', ['update']]]);
    expect(plain.stdout).toContain('the copy\'s source is taken from the configuration');
    const adopted = await tf.apply();
    expect(adopted.code, diagnostics(adopted)).toBe(0);
    expect((await tf.state()).resource('alicloud_image_copy.copy').values['id']).toBe(copyId);
    expect((await tf.plan()).changes).toEqual([]);

    const badImport = await tf.run(['state', 'rm', 'alicloud_image_share_permission.friend']);
    expect(badImport.code).toBe(0);
    const bad = await tf.import('alicloud_image_share_permission.friend', copyId);
    expect(bad.code).not.toBe(0);
    expect(diagnostics(bad)).toContain('expected <image_id>:<account_id>');
    expect((await tf.import('alicloud_image_share_permission.friend', `${copyId}:${friend.accountId}`)).code).toBe(0);
  }, STEP_TIMEOUT);

  it('an account unshared behind terraform\'s back is drift, even while another share remains', async () => {
    const other = await scenario.cloud.createAccount();
    await shanghai().modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId: DESTINATION, imageId: copyId, addAccount: [other.accountId], removeAccount: [friend.accountId] }));
    const plan = await scenario.tf.plan();
    expect(plan.changes.map((c) => [c.address, c.actions])).toEqual([['alicloud_image_share_permission.friend', ['create']]]);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    expect((await scenario.tf.plan()).changes).toEqual([]);
    await shanghai().modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId: DESTINATION, imageId: copyId, removeAccount: [other.accountId] }));
  }, STEP_TIMEOUT);

  it('refuses bad arguments at plan time, naming the attribute', async () => {
    scenario.tf.write(config('image-1', scenario.cloud.regionId, friend.accountId, first));
    const badImage = await scenario.tf.plan();
    expect(badImage.code).not.toBe(0);
    expect(diagnostics(badImage)).toMatch(/source_image_id[^]*invalid value for source_image_id \(an image ID such as m-bp1\.\.\.\), got\s+"image-1"/);
    write(first, 'not-an-account');
    const badAccount = await scenario.tf.plan();
    expect(badAccount.code).not.toBe(0);
    expect(diagnostics(badAccount)).toMatch(/account_id[^]*numeric Alibaba Cloud account ID/);
    write(second);
  }, STEP_TIMEOUT);

  it('a copy deleted behind terraform\'s back is planned again, share included; destroy leaves nothing in either region or account', async () => {
    // ECS refuses to delete a shared image: the share goes first, as terraform orders it too.
    await shanghai().modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId: DESTINATION, imageId: copyId, removeAccount: [friend.accountId] }));
    await shanghai().deleteImage(new DeleteImageRequest({ regionId: DESTINATION, imageId: copyId, force: true }));
    for (const snapshotId of copySnapshots) await shanghai().deleteSnapshot(new DeleteSnapshotRequest({ snapshotId, force: true }));
    const plan = await scenario.tf.plan();
    expect(plan.changes.map((c) => [c.address, c.actions]).sort()).toEqual([
      ['alicloud_image_copy.copy', ['create']],
      ['alicloud_image_share_permission.friend', ['create']],
    ]);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    await expectAccountEmpty(scenario.cloud, { regionId: DESTINATION });
    await expectAccountEmpty(scenario.cloud, { regionId: DESTINATION, accessKeyId: friend.accessKeyId, accessKeySecret: friend.accessKeySecret });
    const seen = await shanghai(friend).describeImages(new DescribeImagesRequest({ regionId: DESTINATION, imageOwnerAlias: 'others' }));
    expect(seen.body?.images?.image ?? []).toEqual([]);
  }, STEP_TIMEOUT);
});

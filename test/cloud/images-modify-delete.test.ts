import { describe, expect, it } from 'vitest';
import {
  CreateImageRequest,
  DeleteImageRequest,
  ModifyImageAttributeRequest,
  ModifyImageAttributeRequestFeatures,
  ModifyImageSharePermissionRequest,
} from '@alicloud/ecs20140526';
import { useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { eventually } from '../support/compute.js';
import { describeImage, waitForImage } from './images-support.js';
import { expectEcsError } from '../support/sdk-error.js';
import { insertInstance, insertSnapshot } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';

/** Long beside the real time a test takes: an image is done when the test moves the clock past it. */
const CREATION_MS = 10_000;

describe('ModifyImageAttribute and DeleteImage with the official SDK', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS } });

  async function newImage(name?: string): Promise<string> {
    const snapshotId = await insertSnapshot(tc);
    const created = await tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId, imageName: name, description: 'first' }));
    const id = created.body?.imageId ?? '';
    clock.advance(CREATION_MS);
    await waitForImage(tc.ecsClient(), id, (image) => image.usable === true);
    return id;
  }

  it('changes name, description, family, boot mode, license type and features; empty values keep the old ones', async () => {
    const ecs = tc.ecsClient({ signature: 'v1' });
    const imageId = await newImage('before');
    await ecs.modifyImageAttribute(
      new ModifyImageAttributeRequest({
        regionId,
        imageId,
        imageName: 'after',
        description: 'second',
        imageFamily: 'my-family',
        bootMode: 'UEFI',
        licenseType: 'BYOL',
        features: new ModifyImageAttributeRequestFeatures({ nvmeSupport: 'supported', imdsSupport: 'v2' }),
      }),
    );
    await ecs.modifyImageAttribute(new ModifyImageAttributeRequest({ regionId, imageId, imageName: '', description: '' }));
    expect(await describeImage(ecs, imageId)).toMatchObject({
      imageName: 'after',
      description: 'second',
      imageFamily: 'my-family',
      bootMode: 'UEFI',
      licenseType: 'BYOL',
      features: expect.objectContaining({ nvmeSupport: 'supported', imdsSupport: 'v2' }),
    });
  });

  it('answers ECS errors for bad values, duplicates, unknown and foreign images', async () => {
    const ecs = tc.ecsClient();
    const imageId = await newImage('modify-errors');
    await newImage('taken-name');
    const modify = (fields: Record<string, unknown>) => ecs.modifyImageAttribute(new ModifyImageAttributeRequest({ regionId, imageId, ...fields }));
    await expectEcsError(modify({ imageName: 'http://x' }), 'InvalidImageName.Malformed', 400);
    await expectEcsError(modify({ imageName: 'taken-name' }), 'InvalidImageName.Duplicated', 400);
    await expectEcsError(modify({ description: 'https://x' }), 'InvalidDescription.Malformed', 400);
    await expectEcsError(modify({ bootMode: 'Legacy' }), 'InvalidBootMode.ValueNotSupported', 400);
    await expectEcsError(modify({ licenseType: 'Stolen' }), 'InvalidLicenseType.ValueNotSupported', 400);
    await expectEcsError(modify({ status: 'Creating' }), 'InvalidStatus.ValueNotSupported', 400);
    await expectEcsError(modify({ imageId: 'm-bp1doesnotexist00000' }), 'InvalidImageId.NotFound', 404);
    await expectEcsError(modify({ imageId: 'ubuntu_22_04_x64_20G_alibase_20240220.vhd', imageName: 'mine' }), 'Forbidden', 403);
    await expectEcsError(ecs.modifyImageAttribute(new ModifyImageAttributeRequest({ imageId })), 'MissingParameter', 400);

    const other = await tc.createAccount();
    const stranger = tc.ecsClient({ accessKeyId: other.accessKeyId, accessKeySecret: other.accessKeySecret });
    await expectEcsError(
      stranger.modifyImageAttribute(new ModifyImageAttributeRequest({ regionId, imageId, imageName: 'stolen' })),
      'InvalidImageId.NotFound',
      404,
    );
    expect((await describeImage(ecs, imageId))?.imageName).toBe('modify-errors');
  });

  it('refuses to delete an image instances use unless Force=true; its snapshots stay', async () => {
    const ecs = tc.ecsClient();
    const imageId = await newImage();
    const snapshotId = (await describeImage(ecs, imageId))?.diskDeviceMappings?.diskDeviceMapping?.[0]?.snapshotId ?? '';
    await insertInstance(tc, { imageId });
    await expectEcsError(ecs.deleteImage(new DeleteImageRequest({ regionId, imageId })), 'ImageUsingByInstance', 403);
    await expectEcsError(ecs.deleteImage(new DeleteImageRequest({ regionId, imageId, force: false })), 'ImageUsingByInstance', 403);
    expect(await describeImage(ecs, imageId)).toBeDefined();
    await ecs.deleteImage(new DeleteImageRequest({ regionId, imageId, force: true }));
    expect(await describeImage(ecs, imageId)).toBeUndefined();
    const snapshot = await tc.cloud.store.db.selectFrom('snapshots').select('id').where('id', '=', snapshotId).executeTakeFirst();
    expect(snapshot?.id).toBe(snapshotId);
  });

  it('keeps the snapshots made for an instance image after the image is deleted', async () => {
    const ecs = tc.ecsClient();
    const instanceId = await insertInstance(tc, { status: 'Running', dataDisks: 1 });
    const created = await ecs.createImage(new CreateImageRequest({ regionId, instanceId }));
    const imageId = created.body?.imageId ?? '';
    clock.advance(CREATION_MS);
    await waitForImage(ecs, imageId, (image) => image.usable === true);
    await ecs.deleteImage(new DeleteImageRequest({ regionId, imageId }));
    const made = await tc.cloud.store.db.selectFrom('snapshots').select('status').where('created_for_image_id', '=', imageId).execute();
    expect(made.map((snapshot) => snapshot.status)).toEqual(['accomplished', 'accomplished']);
    const disks = await tc.cloud.store.db.selectFrom('image_disks').select('image_id').where('image_id', '=', imageId).execute();
    expect(disks).toEqual([]);
  });

  it('refuses to delete a shared image, a system image, and an unknown one', async () => {
    const ecs = tc.ecsClient();
    const imageId = await newImage();
    const other = await tc.createAccount();
    await ecs.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, addAccount: [other.accountId] }));
    await expectEcsError(ecs.deleteImage(new DeleteImageRequest({ regionId, imageId, force: true })), 'ImageUseShared', 403);
    await ecs.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, removeAccount: [other.accountId] }));
    await ecs.deleteImage(new DeleteImageRequest({ regionId, imageId }));

    await expectEcsError(
      ecs.deleteImage(new DeleteImageRequest({ regionId, imageId: 'ubuntu_22_04_x64_20G_alibase_20240220.vhd' })),
      'Forbidden',
      403,
    );
    await expectEcsError(ecs.deleteImage(new DeleteImageRequest({ regionId, imageId })), 'InvalidImageId.NotFound', 404);
  });

  it('deletes an image still Creating; the job then finds it gone and finishes its snapshots', async () => {
    const ecs = tc.ecsClient();
    const instanceId = await insertInstance(tc, { status: 'Running' });
    const created = await ecs.createImage(new CreateImageRequest({ regionId, instanceId }));
    const imageId = created.body?.imageId ?? '';
    await ecs.deleteImage(new DeleteImageRequest({ regionId, imageId }));
    clock.advance(CREATION_MS);
    const jobState = async (): Promise<string | undefined> =>
      (await tc.cloud.store.db.selectFrom('jobs').select('state').where('resource_id', '=', imageId).executeTakeFirst())?.state;
    await eventually(jobState, 'done');
    const made = await tc.cloud.store.db.selectFrom('snapshots').select('status').where('created_for_image_id', '=', imageId).execute();
    expect(made.map((snapshot) => snapshot.status)).toEqual(['accomplished']);
  });
});

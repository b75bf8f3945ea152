import { describe, expect, it } from 'vitest';
import {
  CreateImageRequest,
  CreateImageRequestDiskDeviceMapping,
  CreateImageRequestFeatures,
  CreateImageRequestTag,
  DescribeSnapshotsRequest,
} from '@alicloud/ecs20140526';
import { startTestCloud, useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { describeImage, waitForImage } from './images-support.js';
import { expectEcsError } from '../support/sdk-error.js';
import { insertInstance, insertSnapshot } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';

/** Long beside the real time a test takes: an image is done when the test moves the clock past it. */
const CREATION_MS = 10_000;

describe('CreateImage with the official SDK', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS, imageQuota: 40 } });

  for (const signature of ['v3', 'v1'] as const) {
    it(`creates from a system snapshot: Creating with growing Progress, then Available and usable (${signature})`, async () => {
      const ecs = tc.ecsClient({ signature });
      const snapshotId = await insertSnapshot(tc, { size: 40 });
      const created = await ecs.createImage(
        new CreateImageRequest({
          regionId,
          snapshotId,
          imageName: `from-snapshot-${signature}`,
          description: 'made from a snapshot',
          platform: 'Ubuntu',
          architecture: 'arm64',
          tag: [new CreateImageRequestTag({ key: 'team', value: 'images' })],
        }),
      );
      const imageId = created.body?.imageId ?? '';
      expect(imageId).toMatch(/^m-bp[a-z0-9]{18}$/);

      const first = await describeImage(ecs, imageId);
      expect(first).toMatchObject({ status: 'Creating', usable: false, imageOwnerAlias: 'self', size: 40 });
      clock.advance(CREATION_MS / 2);
      const middle = await describeImage(ecs, imageId);
      expect(middle?.status).toBe('Creating');
      expect(Number.parseInt(middle?.progress ?? '0', 10)).toBeGreaterThan(Number.parseInt(first?.progress ?? '0', 10));

      clock.advance(CREATION_MS);
      const done = await waitForImage(ecs, imageId, (image) => image.usable === true);
      expect(done).toMatchObject({
        status: 'Available',
        progress: '100%',
        imageName: `from-snapshot-${signature}`,
        description: 'made from a snapshot',
        platform: 'Ubuntu',
        architecture: 'arm64',
        OSType: 'linux',
        OSNameEn: 'Ubuntu 64 bit',
        bootMode: 'UEFI',
        imageVersion: '',
        imageFamily: '',
      });
      expect(done.diskDeviceMappings?.diskDeviceMapping).toEqual([
        expect.objectContaining({ device: '/dev/xvda', type: 'system', size: '40', snapshotId, progress: '100%' }),
      ]);
      expect(done.tags?.tag).toEqual([expect.objectContaining({ tagKey: 'team', tagValue: 'images' })]);
      expect(done.resourceGroupId).toMatch(/^rg-/);
    });
  }

  it('creates from disk device mappings, filling devices and sizes', async () => {
    const ecs = tc.ecsClient();
    const system = await insertSnapshot(tc, { size: 40 });
    const data = await insertSnapshot(tc, { diskType: 'Data', size: 100 });
    const created = await ecs.createImage(
      new CreateImageRequest({
        regionId,
        imageName: 'from-mappings',
        diskDeviceMapping: [
          new CreateImageRequestDiskDeviceMapping({ snapshotId: system, size: 50, device: '', diskType: '' }),
          new CreateImageRequestDiskDeviceMapping({ snapshotId: data, diskType: 'data', device: '/dev/vdc', size: 0 }),
          new CreateImageRequestDiskDeviceMapping({ size: 30, diskType: 'data' }),
        ],
      }),
    );
    const image = await describeImage(ecs, created.body?.imageId ?? '');
    expect(image?.size).toBe(50);
    expect(image?.diskDeviceMappings?.diskDeviceMapping?.map((disk) => [disk.device, disk.type, disk.size, disk.snapshotId])).toEqual([
      ['/dev/xvda', 'system', '50', system],
      ['/dev/vdc', 'data', '100', data],
      ['/dev/vdb', 'data', '30', ''],
    ]);
  });

  it('creates from an instance: one new snapshot per disk, made for the image, accomplished with it', async () => {
    const ecs = tc.ecsClient();
    const instanceId = await insertInstance(tc, { status: 'Stopped', dataDisks: 2 });
    const created = await ecs.createImage(new CreateImageRequest({ regionId, instanceId, imageName: 'from-instance' }));
    const imageId = created.body?.imageId ?? '';
    const creating = await describeImage(ecs, imageId);
    expect(creating).toMatchObject({ platform: 'Ubuntu', OSType: 'linux', architecture: 'x86_64', size: 40 });
    const mappings = creating?.diskDeviceMappings?.diskDeviceMapping ?? [];
    expect(mappings.map((disk) => [disk.device, disk.type, disk.size])).toEqual([
      ['/dev/xvda', 'system', '40'],
      ['/dev/xvdb', 'data', '100'],
      ['/dev/xvdc', 'data', '100'],
    ]);
    const made = await tc.cloud.store.db.selectFrom('snapshots').selectAll().where('created_for_image_id', '=', imageId).execute();
    expect(made.map((snapshot) => snapshot.id).sort()).toEqual(mappings.map((disk) => disk.snapshotId).sort());
    expect(made.every((snapshot) => snapshot.status === 'progressing')).toBe(true);

    clock.advance(CREATION_MS);
    await waitForImage(ecs, imageId, (image) => image.usable === true);
    const after = await tc.cloud.store.db.selectFrom('snapshots').select('status').where('created_for_image_id', '=', imageId).execute();
    expect(after.map((snapshot) => snapshot.status)).toEqual(['accomplished', 'accomplished', 'accomplished']);
  });

  it('replays a ClientToken with the same ImageId and refuses it with other parameters', async () => {
    const ecs = tc.ecsClient();
    const snapshotId = await insertSnapshot(tc);
    const request = (name: string) =>
      new CreateImageRequest({ regionId, snapshotId, imageName: name, clientToken: 'TF-CreateImage-1700000000-abc' });
    const first = await ecs.createImage(request('token-image'));
    const again = await ecs.createImage(request('token-image'));
    expect(again.body?.imageId).toBe(first.body?.imageId);
    await expectEcsError(ecs.createImage(request('token-image-2')), 'IdempotentParameterMismatch', 400);
    const count = await tc.cloud.store.db.selectFrom('images').select('id').where('image_name', 'like', 'token-image%').execute();
    expect(count).toHaveLength(1);
  });

  it('takes Features.ImdsSupport and DetectionStrategy', async () => {
    const ecs = tc.ecsClient();
    const snapshotId = await insertSnapshot(tc);
    const created = await ecs.createImage(
      new CreateImageRequest({
        regionId,
        snapshotId,
        detectionStrategy: 'Standard',
        features: new CreateImageRequestFeatures({ imdsSupport: 'v2' }),
      }),
    );
    const image = await describeImage(ecs, created.body?.imageId ?? '');
    expect(image?.features?.imdsSupport).toBe('v2');
    expect(image?.detectionOptions?.status).toBe('Processing');
  });

  it('answers DryRun with DryRunOperation and creates nothing', async () => {
    const ecs = tc.ecsClient();
    const snapshotId = await insertSnapshot(tc);
    await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'dry', dryRun: true })), 'DryRunOperation', 400);
    const rows = await tc.cloud.store.db.selectFrom('images').select('id').where('image_name', '=', 'dry').execute();
    expect(rows).toHaveLength(0);
  });

  describe('documented errors', () => {
    it.each([
      ['a malformed name', { imageName: '1-starts-with-digit' }, 'InvalidImageName.Malformed', 400],
      ['a name with http://', { imageName: 'ahttp://x' }, 'InvalidImageName.Malformed', 400],
      ['a name starting with aliyun', { imageName: 'aliyun-x' }, 'InvalidImageName.Malformed', 400],
      ['a short description', { description: 'x' }, 'InvalidDescription.Malformed', 400],
      ['a description starting with https://', { description: 'https://example.com' }, 'InvalidDescription.Malformed', 400],
      ['a malformed family', { imageFamily: 'acs:family' }, 'InvalidImageFamily.Malformed', 400],
      ['a malformed version', { imageVersion: 'v 1' }, 'InvalidImageVersion.Malformed', 400],
      ['an unknown architecture', { architecture: 'sparc' }, 'InvalidArchitecture.Malformed', 400],
      ['an unknown platform', { platform: 'Plan9' }, 'InvalidPlatform.Malformed', 400],
      ['an unknown boot mode', { bootMode: 'Legacy' }, 'InvalidBootMode.ValueNotSupported', 400],
      ['an unknown detection strategy', { detectionStrategy: 'Deep' }, 'InvalidDetectionStrategy.ValueNotSupported', 400],
      ['an unknown resource group', { resourceGroupId: 'rg-doesnotexist' }, 'InvalidResourceGroup.NotFound', 404],
      ['an unknown snapshot', { snapshotId: 's-bp1doesnotexist000000' }, 'InvalidSnapshotId.NotFound', 404],
    ])('%s', async (_, fields, code, status) => {
      const snapshotId = await insertSnapshot(tc);
      await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId, ...fields })), code, status);
    });

    it('MissingParameter without a source', async () => {
      await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, imageName: 'no-source' })), 'MissingParameter', 400);
    });

    it('InvalidSnapshotId.NotReady for a snapshot still progressing', async () => {
      const snapshotId = await insertSnapshot(tc, { status: 'progressing' });
      await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId })), 'InvalidSnapshotId.NotReady', 403);
    });

    it('InvalidSnapshot.TooOld for a snapshot made on 2013-07-15', async () => {
      const snapshotId = await insertSnapshot(tc, { creationTime: Date.UTC(2013, 6, 15, 12) });
      await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId })), 'InvalidSnapshot.TooOld', 403);
      const ok = await insertSnapshot(tc, { creationTime: Date.UTC(2013, 6, 16) });
      await tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId: ok }));
    });

    it('OperationDenied for a data-disk snapshot as SnapshotId', async () => {
      const snapshotId = await insertSnapshot(tc, { diskType: 'Data' });
      const error = await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId })), 'OperationDenied', 403);
      expect(error.message).toContain('not from system disk');
    });

    it("another account's snapshot does not exist for the caller", async () => {
      const other = await tc.createAccount();
      const snapshotId = await insertSnapshot(tc, { accountId: other.accountId });
      await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId })), 'InvalidSnapshotId.NotFound', 404);
    });

    const mapping = (fields: Record<string, unknown>) => new CreateImageRequestDiskDeviceMapping(fields);
    const mappingCases: Array<[string, Array<Record<string, unknown>>, string]> = [
      ['a malformed device', [{ device: '/dev/sda' }], 'InvalidDevice.Malformed'],
      ['a duplicated device', [{}, { diskType: 'data', device: '/dev/vdb' }, { diskType: 'data', device: '/dev/vdb' }], 'InvalidDevice.InUse'],
      ['a size below the snapshot', [{ size: 39 }], 'InvalidSize.ValueNotSupported'],
      ['an empty disk above 32768 GiB', [{}, { diskType: 'data', size: 32769 }], 'InvalidSize.ValueNotSupported'],
      ['an unknown disk type', [{ diskType: 'boot' }], 'InvalidDiskType.ValueNotSupported'],
      ['no system disk', [{ diskType: 'data' }], 'OperationDenied'],
      ['two system disks', [{}, { diskType: 'system' }], 'OperationDenied'],
    ];
    it.each(mappingCases)('disk mappings: %s', async (_, entries, code) => {
      const snapshotId = await insertSnapshot(tc, { size: 40 });
      const diskDeviceMapping = entries.map((entry, index) =>
        mapping(index === 0 || entry.diskType === 'system' ? { snapshotId, ...entry } : entry),
      );
      await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, diskDeviceMapping })), code);
    });

    it('disk mappings: more than 16 data disks', async () => {
      const snapshotId = await insertSnapshot(tc);
      const diskDeviceMapping = [mapping({ snapshotId }), ...Array.from({ length: 17 }, () => mapping({ diskType: 'data', size: 20 }))];
      await expectEcsError(tc.ecsClient().createImage(new CreateImageRequest({ regionId, diskDeviceMapping })), 'InvalidParameter', 400);
    });

    it('basic disks: 5–2000 GiB and /dev/xvd* only', async () => {
      const snapshotId = await insertSnapshot(tc, { category: 'cloud', size: 20 });
      const ecs = tc.ecsClient();
      await expectEcsError(
        ecs.createImage(new CreateImageRequest({ regionId, diskDeviceMapping: [mapping({ snapshotId }), mapping({ diskType: 'data', size: 2001 })] })),
        'InvalidSize.ValueNotSupported',
      );
      await expectEcsError(
        ecs.createImage(new CreateImageRequest({ regionId, diskDeviceMapping: [mapping({ snapshotId, device: '/dev/vda' })] })),
        'InvalidDevice.Malformed',
      );
      const created = await ecs.createImage(
        new CreateImageRequest({ regionId, diskDeviceMapping: [mapping({ snapshotId }), mapping({ diskType: 'data', size: 5 })] }),
      );
      const image = await describeImage(ecs, created.body?.imageId ?? '');
      expect(image?.diskDeviceMappings?.diskDeviceMapping?.map((disk) => disk.device)).toEqual(['/dev/xvda', '/dev/xvdb']);
    });

    it('InvalidInstanceId.NotFound and IncorrectInstanceStatus', async () => {
      const ecs = tc.ecsClient();
      await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, instanceId: 'i-bp1doesnotexist0000' })), 'InvalidInstanceId.NotFound', 404);
      const starting = await insertInstance(tc, { status: 'Starting' });
      await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, instanceId: starting })), 'IncorrectInstanceStatus', 400);
    });

    it('InvalidImageName.Duplicated for a name the account already uses in the region', async () => {
      const ecs = tc.ecsClient();
      const snapshotId = await insertSnapshot(tc);
      await ecs.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'unique-name' }));
      await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, snapshotId, imageName: 'unique-name' })), 'InvalidImageName.Duplicated', 400);
    });

    it('tag errors', async () => {
      const snapshotId = await insertSnapshot(tc);
      const tag = (key: string, value = 'v') => new CreateImageRequestTag({ key, value });
      await expectEcsError(
        tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId, tag: [tag('acs:x')] })),
        'InvalidTagKey.Malformed',
      );
      await expectEcsError(
        tc.ecsClient().createImage(new CreateImageRequest({ regionId, snapshotId, tag: [tag('k'), tag('k')] })),
        'Duplicate.TagKey',
      );
    });
  });

  it('QuotaExceed.Image once the account owns imageQuota images in the region', async () => {
    const quotaCloud = await startTestCloud({ settings: { imageQuota: 2, imageCreationMs: 100 } });
    try {
      const ecs = quotaCloud.ecsClient();
      const snapshotId = await insertSnapshot(quotaCloud);
      await ecs.createImage(new CreateImageRequest({ regionId, snapshotId }));
      await ecs.createImage(new CreateImageRequest({ regionId, snapshotId }));
      await expectEcsError(ecs.createImage(new CreateImageRequest({ regionId, snapshotId })), 'QuotaExceed.Image', 403);
    } finally {
      await quotaCloud.close();
    }
  });

  it('lists the snapshots made for an image in DescribeSnapshots, progressing until the image is done', async () => {
    const ecs = tc.ecsClient();
    const instanceId = await insertInstance(tc, { status: 'Running' });
    const created = await ecs.createImage(new CreateImageRequest({ regionId, instanceId }));
    const imageId = created.body?.imageId ?? '';
    const made = await tc.cloud.store.db.selectFrom('snapshots').select('id').where('created_for_image_id', '=', imageId).execute();
    expect(made).toHaveLength(1);
    const listed = await ecs.describeSnapshots(new DescribeSnapshotsRequest({ regionId, snapshotIds: JSON.stringify(made.map((row) => row.id)) }));
    expect(listed.body?.snapshots?.snapshot?.map((snapshot) => [snapshot.snapshotId, snapshot.status])).toEqual(
      made.map((row) => [row.id, 'progressing']),
    );
  });
});

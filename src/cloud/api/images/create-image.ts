/**
 * CreateImage: validate the attributes, resolve the source (instance >
 * disk device mappings > snapshot), then write the image in `Creating`, its
 * disks, the snapshots made for it, its tags and the job that finishes it —
 * all in the request's transaction, behind the ClientToken.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { parseTags } from '../tags/tag-params.js';
import { setTags } from '../tags/tag-store.js';
import { newId } from '../../../domain/ids.js';
import { DEFAULT_ARCHITECTURE, DEFAULT_PLATFORM, type Architecture } from '../../../domain/image-enums.js';
import { describeOs, type OsDescription } from '../../../domain/platform.js';
import { scheduleImageCompletion } from '../../jobs/image-creation.js';
import {
  checkSecureBootOptions,
  endDryRun,
  readArchitecture,
  readBootMode,
  readDescription,
  readDetectionStrategy,
  readImageFamily,
  readImageName,
  readImageVersion,
  readImdsSupport,
  readPlatform,
} from './image-attributes.js';
import { checkImageQuota, isImageNameTaken } from './image-lookup.js';
import { fromDiskDeviceMappings, fromInstance, fromSnapshot, hasDiskDeviceMappings, type ResolvedSource } from './image-sources.js';
import { insertImage } from './image-write.js';

export async function createImage(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CreateImage', () => create(ctx));
}

async function resolveSource(ctx: ActionContext, imageId: string): Promise<ResolvedSource> {
  const instanceId = ctx.params.string('InstanceId');
  if (instanceId !== undefined) return fromInstance(ctx, instanceId, imageId);
  if (hasDiskDeviceMappings(ctx.params)) return fromDiskDeviceMappings(ctx);
  const snapshotId = ctx.params.string('SnapshotId');
  if (snapshotId !== undefined) return fromSnapshot(ctx, snapshotId);
  throw EcsError.missingParameter('SnapshotId or InstanceId or DiskDeviceMapping');
}

function defaultBootMode(architecture: Architecture): string {
  return architecture === 'arm64' ? 'UEFI' : 'BIOS';
}

async function create(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const imageName = readImageName(params);
  const description = readDescription(params);
  const imageFamily = readImageFamily(params);
  const imageVersion = readImageVersion(params);
  const givenArchitecture = readArchitecture(params);
  const givenPlatform = readPlatform(params);
  const givenBootMode = readBootMode(params);
  const detectionStrategy = readDetectionStrategy(params);
  const givenImds = readImdsSupport(params);
  checkSecureBootOptions(params);
  const tags = parseTags(params);

  const imageId = newId('image', ctx.regionId);
  const source = await resolveSource(ctx, imageId);
  const parent = source.parentImage;

  if (imageName !== undefined && (await isImageNameTaken(ctx.db, ctx.account.id, ctx.regionId, imageName))) {
    throw new EcsError('InvalidImageName.Duplicated');
  }
  await checkImageQuota(ctx.db, ctx.account.id, ctx.regionId, ctx.settings.imageQuota);
  const resourceGroupId = await resolveResourceGroupId(ctx, params.string('ResourceGroupId'));
  endDryRun(params);

  const architecture: Architecture =
    givenArchitecture ?? (parent?.architecture as Architecture | undefined) ?? DEFAULT_ARCHITECTURE;
  const platform = givenPlatform ?? parent?.platform ?? DEFAULT_PLATFORM;
  const os: OsDescription =
    givenPlatform === undefined && parent !== undefined
      ? { osType: parent.os_type as OsDescription['osType'], osName: parent.os_name, osNameEn: parent.os_name_en }
      : describeOs(givenPlatform ?? DEFAULT_PLATFORM, architecture);
  const now = ctx.now();
  const availableAt = now + ctx.settings.imageCreationMs;
  const systemDisk = source.disks[0];

  await insertImage(ctx.db, {
    image: {
      id: imageId,
      account_id: ctx.account.id,
      region_id: ctx.regionId,
      image_name: imageName ?? '',
      description: description ?? '',
      image_family: imageFamily ?? '',
      image_version: imageVersion ?? '',
      image_owner_alias: 'self',
      architecture,
      platform,
      os_type: os.osType,
      os_name: os.osName,
      os_name_en: os.osNameEn,
      boot_mode: givenBootMode ?? parent?.boot_mode ?? defaultBootMode(architecture),
      size: systemDisk?.size ?? 0,
      status: 'Creating',
      progress: 0,
      usable: 0,
      is_public: 0,
      source_instance_id: source.sourceInstanceId,
      source_snapshot_id: source.sourceSnapshotId,
      license_type: '',
      detection_strategy: detectionStrategy ?? '',
      nvme_support: parent?.nvme_support || 'unsupported',
      imds_support: givenImds ?? (parent?.imds_support || 'v1'),
      resource_group_id: resourceGroupId,
      failure_code: '',
      failure_message: '',
      creation_time: now,
      available_at: availableAt,
    },
    disks: source.disks,
    newSnapshots: source.newSnapshots,
  });
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'image', resourceId: imageId, tags });
  await scheduleImageCompletion(ctx.db, { accountId: ctx.account.id, imageId, regionId: ctx.regionId, availableAt, now });
  return { ImageId: imageId };
}

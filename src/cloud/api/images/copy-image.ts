/**
 * CopyImage: an Available custom image of the caller, copied to another
 * region under a new id. The copy starts `Creating` there with a new snapshot
 * per source snapshot (in the destination region, made for the copy) and is
 * finished by the same durable job as CreateImage. `RegionId` is the source
 * region and `DestinationRegionId` the copy's, as the provider's
 * `alicloud_image_copy` sends them. With `Encrypted=true` (and `KMSKeyId`)
 * the copy's snapshots are encrypted; a copy of an encrypted image stays so.
 */
import type { Insertable } from 'kysely';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { SnapshotTable } from '../../store/schema.js';
import { withClientToken } from '../idempotency.js';
import { findRegion } from '../catalog/catalog.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { parseTags } from '../tags/tag-params.js';
import { setTags } from '../tags/tag-store.js';
import { newId } from '../../../domain/ids.js';
import type { PlannedDisk } from '../../../domain/disk-mapping.js';
import type { ImageDiskType } from '../../../domain/image-enums.js';
import { scheduleImageCompletion } from '../../jobs/image-creation.js';
import { endDryRun, readDescription, readImageName } from './image-attributes.js';
import { checkImageQuota, findOwnImage, isImageNameTaken } from './image-lookup.js';
import { insertImage } from './image-write.js';
import { newSnapshotRow } from '../compute/snapshot-store.js';

export async function copyImage(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CopyImage', () => copy(ctx));
}

async function copy(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const imageId = params.requiredString('ImageId');
  const destination = params.requiredString('DestinationRegionId');
  const name = readImageName(params, 'DestinationImageName');
  const description = readDescription(params, 'DestinationDescription');
  const encrypted = params.boolean('Encrypted') === true;
  // Without a key ECS encrypts with the account's default service key, which has no id to show.
  const kmsKeyId = encrypted ? (params.string('KMSKeyId') ?? '') : '';
  const tags = parseTags(params);

  if (findRegion(destination) === undefined) throw new EcsError('DestinationRegion.NotFound');
  const source = await findOwnImage(ctx, imageId);
  if (destination === ctx.regionId) throw new EcsError('IncorrectDestinationRegion');
  if (source.status !== 'Available') throw new EcsError('IncorrectImageStatus');
  if (name !== undefined && (await isImageNameTaken(ctx.db, ctx.account.id, destination, name))) {
    throw new EcsError('InvalidImageName.Duplicated');
  }
  await checkImageQuota(ctx.db, ctx.account.id, destination, ctx.settings.imageQuota);
  const resourceGroupId = await resolveResourceGroupId(ctx, params.string('ResourceGroupId'));
  endDryRun(params);

  const copyId = newId('image', destination);
  const now = ctx.now();
  const availableAt = now + ctx.settings.imageCreationMs;
  const sourceDisks = await ctx.db
    .selectFrom('image_disks')
    .selectAll()
    .where('image_id', '=', source.id)
    .orderBy('position')
    .execute();
  const sourceSnapshots = await ctx.db
    .selectFrom('snapshots')
    .selectAll()
    .where('id', 'in', ['', ...sourceDisks.map((disk) => disk.snapshot_id)])
    .execute();
  const snapshotById = new Map(sourceSnapshots.map((snapshot) => [snapshot.id, snapshot]));

  const newSnapshots: Insertable<SnapshotTable>[] = [];
  const encryptedDisks = sourceDisks.map((disk) => encrypted || Number(disk.encrypted) === 1);
  const disks: PlannedDisk[] = sourceDisks.map((disk, position) => {
    const original = snapshotById.get(disk.snapshot_id);
    let snapshotId = '';
    if (disk.snapshot_id !== '') {
      const snapshot = newSnapshotRow({
        accountId: ctx.account.id,
        regionId: destination,
        disk: {
          id: original?.source_disk_id ?? '',
          type: disk.disk_type === 'system' ? 'system' : 'data',
          size: original === undefined ? Number(disk.size) : Number(original.source_disk_size),
          category: original?.source_disk_category ?? '',
        },
        resourceGroupId,
        description: `Copied for image ${copyId} from ${disk.snapshot_id}`,
        createdForImageId: copyId,
        now,
        availableAt,
      });
      snapshotId = snapshot.id;
      newSnapshots.push({
        ...snapshot,
        encrypted: encryptedDisks[position] === true ? 1 : 0,
        kms_key_id: encrypted ? kmsKeyId : (original?.kms_key_id ?? ''),
      });
    }
    return {
      device: disk.device,
      diskType: disk.disk_type as ImageDiskType,
      size: Number(disk.size),
      snapshotId,
      category: original?.source_disk_category ?? '',
    };
  });

  await insertImage(ctx.db, {
    image: {
      ...source,
      id: copyId,
      region_id: destination,
      image_name: name ?? source.image_name,
      description: description ?? source.description,
      image_owner_alias: 'self',
      status: 'Creating',
      progress: 0,
      usable: 0,
      is_public: 0,
      source_instance_id: '',
      source_snapshot_id: disks[0]?.snapshotId ?? '',
      copied_from_image_id: source.id,
      resource_group_id: resourceGroupId,
      failure_code: '',
      failure_message: '',
      creation_time: now,
      available_at: availableAt,
    },
    disks,
    encryptedDisks,
    newSnapshots,
  });
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'image', resourceId: copyId, tags });
  await scheduleImageCompletion(ctx.db, {
    accountId: ctx.account.id,
    imageId: copyId,
    regionId: destination,
    availableAt,
    now,
  });
  return { ImageId: copyId };
}

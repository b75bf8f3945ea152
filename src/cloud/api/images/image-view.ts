/**
 * Renders image rows the way DescribeImages answers: every documented field,
 * empty ones included (the providers read `Description`, `ImageVersion`,
 * `Features`, `DiskDeviceMappings` … unconditionally), with ECS's types —
 * `Size` of a disk mapping is a string, `IsSelfShared` is "True"/"False",
 * `Progress` is "NN%". Owner alias and sharing are relative to the caller.
 */
import type { Kysely } from 'kysely';
import { InListQuery } from '../../store/query-template.js';
import type { Database } from '../../store/schema.js';
import { tagsOf, type EcsTag } from '../tags/tag-store.js';
import { childrenOf, hasChildren, type ImageChildren, type ImageDisk } from './image-children.js';
import { progressPercent } from './image-progress.js';
import type { ImageRow } from './image-lookup.js';
import { SYSTEM_ACCOUNT_ID } from '../catalog/system-images.js';

export interface ViewContext {
  readonly db: Kysely<Database>;
  readonly callerAccountId: string;
  readonly now: number;
  readonly imageCreationMs: number;
}

/** The disk mappings of a page of images (compiled once per page length: this runs on every DescribeImages). */
const DISKS_OF = new InListQuery(100, (db, ids) =>
  db.selectFrom('image_disks').selectAll().where('image_id', 'in', ids).orderBy('image_id').orderBy('position'),
);

const isoSeconds = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 19) + 'Z';

function ownerAlias(image: ImageRow, callerAccountId: string): string {
  if (image.account_id === SYSTEM_ACCOUNT_ID) return image.image_owner_alias || 'system';
  return image.account_id === callerAccountId ? 'self' : 'others';
}

function ownerId(accountId: string): number {
  const value = Number(accountId);
  return Number.isSafeInteger(value) ? value : 0;
}

function bool(flag: number): boolean {
  return Number(flag) === 1;
}

function truthy(flag: unknown): boolean {
  return flag === true || Number(flag) === 1;
}

/**
 * An image row with two facts the query adds (EXISTS subqueries, so no extra
 * round trips): shared with any account, and used by an instance in its region.
 * SQLite answers them as 1/0, PostgreSQL as booleans.
 */
export type DescribedImageRow = ImageRow & { readonly shared: unknown; readonly in_use: unknown };

/** Each image's disk mappings and tags: from the row when the query carried them (`image-children.ts`), else read for the page. */
async function childrenOfPage(view: ViewContext, images: readonly DescribedImageRow[]): Promise<Map<string, ImageChildren>> {
  const carrying = images.filter(hasChildren);
  if (carrying.length === images.length) return new Map(carrying.map((image) => [image.id, childrenOf(image)]));
  const ids = [...new Set(images.map((image) => image.id))];
  const [disks, tags] = await Promise.all([DISKS_OF.execute(view.db, ids), tagsOf(view.db, ids)]);
  const children = new Map<string, { disks: ImageDisk[]; tags: readonly EcsTag[] }>(ids.map((id) => [id, { disks: [], tags: tags.get(id) ?? [] }]));
  for (const disk of disks) children.get(disk.image_id)?.disks.push(disk);
  return children;
}

export async function renderImages(view: ViewContext, images: readonly DescribedImageRow[]): Promise<Record<string, unknown>[]> {
  if (images.length === 0) return [];
  const childrenOfImage = await childrenOfPage(view, images);

  return images.map((image) => {
    const percent = progressPercent(image, view.now, view.imageCreationMs);
    const finished = image.status !== 'Creating' && image.status !== 'Waiting';
    const detection = image.detection_strategy === '' ? '' : finished ? 'Finished' : 'Processing';
    const children = childrenOfImage.get(image.id);
    return {
      Architecture: image.architecture,
      BootMode: image.boot_mode,
      CreationTime: isoSeconds(Number(image.creation_time)),
      Description: image.description,
      DetectionOptions: { Items: { Item: [] }, Status: detection },
      DiskDeviceMappings: {
        DiskDeviceMapping: (children?.disks ?? []).map((disk) => ({
          Device: disk.device,
          Encrypted: Number(disk.encrypted) === 1,
          Format: disk.format,
          ImportOSSBucket: disk.import_oss_bucket,
          ImportOSSObject: disk.import_oss_object,
          Progress: finished ? disk.progress || '100%' : `${percent}%`,
          RemainTime: finished ? 0 : remainingSeconds(image, view),
          Size: String(disk.size),
          SnapshotId: disk.snapshot_id,
          Type: disk.disk_type,
        })),
      },
      Features: {
        CpuOnlineDowngrade: 'unsupported',
        CpuOnlineUpgrade: 'unsupported',
        ImdsSupport: image.imds_support,
        MemoryOnlineDowngrade: 'unsupported',
        MemoryOnlineUpgrade: 'unsupported',
        NvmeSupport: image.nvme_support,
      },
      ImageFamily: image.image_family,
      ImageId: image.id,
      ImageName: image.image_name,
      ImageOwnerAlias: ownerAlias(image, view.callerAccountId),
      ImageOwnerId: ownerId(image.account_id),
      ImageVersion: image.image_version,
      IsCopied: image.copied_from_image_id !== '',
      IsPublic: bool(image.is_public),
      IsSelfShared: image.account_id === view.callerAccountId && truthy(image.shared) ? 'True' : 'False',
      IsSubscribed: false,
      IsSupportCloudinit: true,
      IsSupportIoOptimized: true,
      LicenseType: image.license_type,
      LoginAsNonRootSupported: false,
      OSName: image.os_name,
      OSNameEn: image.os_name_en,
      OSType: image.os_type,
      Platform: image.platform,
      ProductCode: '',
      Progress: `${percent}%`,
      ResourceGroupId: image.resource_group_id,
      SecureBootOptions: { SecureBootSupport: 'unsupported' },
      Size: Number(image.size),
      Status: image.status,
      SupplierName: '',
      Tags: { Tag: children?.tags ?? [] },
      Usable: bool(image.usable),
      Usage: truthy(image.in_use) ? 'instance' : 'none',
    };
  });
}

function remainingSeconds(image: ImageRow, view: ViewContext): number {
  const end = image.available_at === null ? Number(image.creation_time) + view.imageCreationMs : Number(image.available_at);
  return Math.max(0, Math.ceil((end - view.now) / 1000));
}

/**
 * ModifyImageAttribute: name, description, family, boot mode, license type,
 * features and Available ⇄ Deprecated on one of the caller's images. An
 * empty ImageName / Description leaves the value as it is (API docs; both
 * providers rely on it).
 */
import type { Updateable } from 'kysely';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { ImageTable } from '../../store/schema.js';
import { isOneOf, SETTABLE_IMAGE_STATUSES } from '../../../domain/image-enums.js';
import {
  endDryRun,
  readBootMode,
  readDescription,
  readImageFamily,
  readImageName,
  readImdsSupport,
  readLicenseType,
  readNvmeSupport,
} from './image-attributes.js';
import { findOwnImage, isImageNameTaken } from './image-lookup.js';

function readStatus(ctx: ActionContext): string | undefined {
  const status = ctx.params.string('Status');
  if (status !== undefined && !isOneOf(SETTABLE_IMAGE_STATUSES, status)) {
    throw new EcsError('InvalidStatus.ValueNotSupported');
  }
  return status;
}

export async function modifyImageAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const imageId = params.requiredString('ImageId');
  const changes: Updateable<ImageTable> = {};
  const imageName = readImageName(params);
  const description = readDescription(params);
  const imageFamily = readImageFamily(params);
  const bootMode = readBootMode(params);
  const licenseType = readLicenseType(params);
  const imds = readImdsSupport(params);
  const nvme = readNvmeSupport(params);
  const status = readStatus(ctx);

  const image = await findOwnImage(ctx, imageId);
  if (imageName !== undefined && imageName !== image.image_name) {
    if (await isImageNameTaken(ctx.db, ctx.account.id, ctx.regionId, imageName, image.id)) {
      throw new EcsError('InvalidImageName.Duplicated');
    }
    changes.image_name = imageName;
  }
  if (status !== undefined && status !== image.status) {
    if (image.status !== 'Available' && image.status !== 'Deprecated') throw new EcsError('IncorrectImageStatus');
    changes.status = status;
  }
  endDryRun(params);

  if (description !== undefined) changes.description = description;
  if (imageFamily !== undefined) changes.image_family = imageFamily;
  if (bootMode !== undefined) changes.boot_mode = bootMode;
  if (licenseType !== undefined) changes.license_type = licenseType;
  if (imds !== undefined) changes.imds_support = imds;
  if (nvme !== undefined) changes.nvme_support = nvme;
  if (Object.keys(changes).length > 0) {
    await ctx.db
      .updateTable('images')
      .set(changes)
      .where('id', '=', image.id)
      .where('region_id', '=', image.region_id)
      .execute();
  }
  return {};
}

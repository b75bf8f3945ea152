/**
 * The create and delete sequences every `*_image` resource runs, whatever its flavour:
 * - create: CreateImage is sent without the operation's AbortSignal, so a request already on
 *   the wire completes and its image id is recorded (`onCreated`) even when the operation is
 *   cancelled or out of time — only further retries stop; the snapshots the request supplied
 *   are remembered in private state (`image-creation-record.ts`); then the wait for Available.
 * - delete: an image that is already gone is not an error; otherwise DeleteImage, a wait
 *   until it is no longer listed, and then — unless the resource says not to — DeleteSnapshot
 *   for the snapshots the image's own creation made. CreateImage from an instance snapshots
 *   every disk, and ECS keeps those snapshots after DeleteImage: without this, a destroy
 *   leaves them behind. Snapshots the configuration supplied are never deleted.
 * Errors after a cancellation are reported as the cancellation (the signal's reason), so the
 * framework says "timeout" or "stopped" instead of a generic abort.
 */
import type { Logger } from '../plugin/logger.js';
import type { CloudClients } from './clients.js';
import { isTransient } from './errors.js';
import { creationRecord, recordCreation, type CreationRecordStore } from './image-creation-record.js';
import {
  CREATE_IMAGE_RETRY_CODES,
  createImage,
  deleteImage,
  deleteSnapshots,
  findImageById,
  imageSnapshotIds,
  waitImageAvailable,
  type Image,
  type PollTuning,
} from './images.js';
import type { $Ecs } from './sdk.js';

export interface ImageOperationOptions {
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Epoch milliseconds: the operation's timeout. */
  readonly deadline: number;
  readonly poll?: PollTuning | undefined;
}

/** The signal's reason when it fired (timeout, StopProvider), else the error itself. */
function abortReason(signal: AbortSignal, error: unknown): unknown {
  return signal.aborted ? signal.reason : error;
}

export interface CreatedHooks {
  /** The resource's private state: the creation record goes there. */
  readonly record: CreationRecordStore;
  /** Called with the new id as soon as CreateImage answers (the framework's `created`). */
  onCreated(imageId: string): void;
}

/** The snapshots a CreateImage request names: the user's own, never to be deleted with the image. */
export function suppliedSnapshotIds(request: $Ecs.CreateImageRequest): string[] {
  const ids = [request.snapshotId, ...(request.diskDeviceMapping ?? []).map((mapping) => mapping.snapshotId)];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

/**
 * CreateImage, then the creation record and `onCreated(id)` at once, then waits until the
 * image is Available and usable. Returns the image as the last poll saw it.
 */
export async function createImageAndWait(
  clients: CloudClients,
  request: $Ecs.CreateImageRequest,
  hooks: CreatedHooks,
  options: ImageOperationOptions,
): Promise<Image> {
  const { signal, logger, deadline } = options;
  let imageId: string;
  try {
    imageId = await createImage(clients, request, {
      logger,
      deadline,
      action: 'CreateImage',
      retryable: (err) => !signal.aborted && (isTransient(err) || CREATE_IMAGE_RETRY_CODES.includes(err.code)),
    });
  } catch (error) {
    throw abortReason(signal, error);
  }
  recordCreation(hooks.record, suppliedSnapshotIds(request));
  hooks.onCreated(imageId);
  logger.info(`created ECS Image (${imageId}), waiting until it is usable`, { image_id: imageId });
  try {
    if (signal.aborted) throw signal.reason;
    return await waitImageAvailable(clients, imageId, options);
  } catch (error) {
    throw abortReason(signal, error);
  }
}

/**
 * The end of a create or an update: `steps` apply what is left and end with a Read, which
 * must find the image (`gone` is the error when it does not). A failure after a cancellation
 * is reported as the cancellation.
 */
export async function finishWithRead<T>(signal: AbortSignal, steps: () => Promise<T | null>, gone: string): Promise<T> {
  try {
    const state = await steps();
    if (state === null) throw new Error(gone);
    return state;
  } catch (error) {
    throw abortReason(signal, error);
  }
}

export interface DeleteImageResourceInput {
  readonly imageId: string;
  readonly force: boolean;
  /** Whether to delete the snapshots the creation made: true unless the configuration opts out. */
  readonly deleteCreationSnapshots: boolean;
  /** The resource's private state, holding the creation record (none after an import). */
  readonly record: Pick<CreationRecordStore, 'get'>;
  /** The state's `instance_id`: every snapshot of an instance-made image is its creation's. */
  readonly instanceId: string | undefined;
}

/**
 * The snapshots the image's creation made: every snapshot the image lists minus the ones the
 * configuration supplied (from the creation record). Without a record (an imported image),
 * only an image made from an instance is known to own all its snapshots; otherwise none.
 */
function creationSnapshotIds(image: Image, input: Pick<DeleteImageResourceInput, 'record' | 'instanceId'>, logger: Logger): string[] {
  const all = imageSnapshotIds(image);
  const supplied = creationRecord(input.record);
  if (supplied !== undefined) return all.filter((id) => !supplied.includes(id));
  if (input.instanceId !== undefined) return all;
  if (all.length > 0) {
    logger.warn(
      `${image.imageId ?? 'the image'} was not created by this configuration, so which of its snapshots ` +
        `(${all.join(', ')}) were made for it is unknown; none are deleted`,
    );
  }
  return [];
}

/**
 * Deletes the image unless it is already gone, then the snapshots its creation made (unless
 * `deleteCreationSnapshots` is false); returns whether there was an image to delete.
 */
export async function deleteImageIfPresent(clients: CloudClients, input: DeleteImageResourceInput, options: ImageOperationOptions): Promise<boolean> {
  try {
    const image = await findImageById(clients, input.imageId, options);
    if (image === undefined) {
      options.logger.info(`ECS Image (${input.imageId}) is already gone`);
      return false;
    }
    const snapshots = input.deleteCreationSnapshots ? creationSnapshotIds(image, input, options.logger) : [];
    await deleteImage(clients, { imageId: input.imageId, force: input.force ? true : undefined }, options);
    if (snapshots.length > 0) {
      options.logger.info(`deleting the snapshots made for ECS Image (${input.imageId}): ${snapshots.join(', ')}`);
      await deleteSnapshots(clients, snapshots, options);
    }
    return true;
  } catch (error) {
    throw abortReason(options.signal, error);
  }
}

/**
 * The create and delete sequences every `*_image` resource runs, whatever its flavour:
 * - create: CreateImage is sent without the operation's AbortSignal, so a request already on
 *   the wire completes and its image id is recorded (`onCreated`) even when the operation is
 *   cancelled or out of time — only further retries stop; then the wait for Available.
 * - delete: an image that is already gone is not an error; otherwise DeleteImage and a wait
 *   until it is no longer listed.
 * Errors after a cancellation are reported as the cancellation (the signal's reason), so the
 * framework says "timeout" or "stopped" instead of a generic abort.
 */
import type { Logger } from '../plugin/logger.js';
import type { CloudClients } from './clients.js';
import { isTransient } from './errors.js';
import { CREATE_IMAGE_RETRY_CODES, createImage, deleteImage, findImageById, waitImageAvailable, type Image, type PollTuning } from './images.js';
import type { $Ecs } from './sdk.js';

export interface ImageOperationOptions {
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Epoch milliseconds: the operation's timeout. */
  readonly deadline: number;
  readonly poll?: PollTuning | undefined;
}

/** The signal's reason when it fired (timeout, StopProvider), else the error itself. */
export function abortReason(signal: AbortSignal, error: unknown): unknown {
  return signal.aborted ? signal.reason : error;
}

/**
 * CreateImage, then `onCreated(id)` at once, then waits until the image is Available and
 * usable. Returns the image as the last poll saw it.
 */
export async function createImageAndWait(
  clients: CloudClients,
  request: $Ecs.CreateImageRequest,
  onCreated: (imageId: string) => void,
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
  onCreated(imageId);
  logger.info(`created ECS Image (${imageId}), waiting until it is usable`, { image_id: imageId });
  try {
    if (signal.aborted) throw signal.reason;
    return await waitImageAvailable(clients, imageId, options);
  } catch (error) {
    throw abortReason(signal, error);
  }
}

/** Deletes the image unless it is already gone; returns whether there was one to delete. */
export async function deleteImageIfPresent(
  clients: CloudClients,
  input: { readonly imageId: string; readonly force: boolean },
  options: ImageOperationOptions,
): Promise<boolean> {
  try {
    const image = await findImageById(clients, input.imageId, options);
    if (image === undefined) {
      options.logger.info(`ECS Image (${input.imageId}) is already gone`);
      return false;
    }
    await deleteImage(clients, { imageId: input.imageId, force: input.force ? true : undefined }, options);
    return true;
  } catch (error) {
    throw abortReason(options.signal, error);
  }
}

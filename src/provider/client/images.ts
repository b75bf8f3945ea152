/**
 * ECS image operations shared by `alicloud_image` and `alibabacloudstack_image`: create,
 * find, status and wait, modify, and the delete sequence. Where the flavours differ (how an
 * image is looked up), the difference comes from `clients.config.flavour`.
 *
 * Fixes over the reference providers (terraform-provider-alicloud's resource_alicloud_image
 * and terraform-provider-alibabacloudstack's resource_apsarastack_ecs_image):
 * - lookups list every status (a Deprecated image is not "gone", so Delete still deletes it);
 * - the create wait fails at once on CreateFailed/UnAvailable and treats Waiting as pending;
 * - the create wait starts polling after 1 s, not 10 s (alicloud) or 20 minutes (Apsara Stack);
 * - snapshot clean-up retries transient errors and treats an already deleted snapshot as done;
 * - delete also removes the snapshots the image's own creation made (`deleteImageIfPresent`):
 *   CreateImage from an instance snapshots every disk, and ECS keeps those snapshots after
 *   DeleteImage, so without this a destroy leaves them behind. Snapshots the configuration
 *   supplied are never deleted (`image-creation-record.ts` remembers them).
 */
import type { Logger } from '../plugin/logger.js';
import { buildClientToken } from './client-token.js';
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { deadlineOf } from './deadline.js';
import { CloudError, isNotFound, orNotFound } from './errors.js';
import { creationRecord, type CreationRecordStore } from './image-creation-record.js';
import { $Ecs } from './sdk.js';
import { parsePercent, waitFor, waitGone, type WaitOptions } from './wait.js';

export type Image = $Ecs.DescribeImagesResponseBodyImagesImage;

/** How often the waiters poll; defaults suit both the local cloud (seconds) and ECS (minutes). */
export type PollTuning = Partial<Pick<WaitOptions<unknown>, 'delayMs' | 'minTimeoutMs' | 'maxIntervalMs' | 'notFoundChecks'>>;

export interface WaitCallOptions extends CallOptions {
  readonly poll?: PollTuning | undefined;
}

/** Codes worth retrying on CreateImage: the instance is between states (Starting, Stopping). */
export const CREATE_IMAGE_RETRY_CODES: readonly string[] = Object.freeze(['IncorrectInstanceStatus']);
export const IMAGE_CREATE_TIMEOUT_MS = 10 * 60_000;
export const IMAGE_DELETE_TIMEOUT_MS = 10 * 60_000;
/** A read retries transient errors for at most a minute, as the reference Read does. */
export const IMAGE_READ_TIMEOUT_MS = 60_000;

const NOT_YET_USABLE = 'Available (not usable yet)';
/**
 * The first poll soon after CreateImage: after it the image's `Progress` paces the polls
 * (`wait.ts`), so an image that takes half a second is seen Available at about half a second,
 * and one that takes ten minutes is polled no more often than every 10 s.
 */
const DEFAULT_POLL: Required<Pick<PollTuning, 'delayMs' | 'minTimeoutMs'>> = { delayMs: 250, minTimeoutMs: 250 };

export function imageSubject(imageId: string): string {
  return `ECS Image (${imageId})`;
}

/**
 * Sends CreateImage and returns the new image id. `RegionId` and `ClientToken` are filled in
 * when the request has none; the token is built once, so every retry (on transient errors and
 * `IncorrectInstanceStatus`) is the same create as far as the cloud is concerned.
 */
export async function createImage(clients: CloudClients, request: $Ecs.CreateImageRequest, options: CallOptions = {}): Promise<string> {
  const filled = new $Ecs.CreateImageRequest({
    ...request,
    regionId: request.regionId ?? clients.config.regionId,
    clientToken: request.clientToken ?? buildClientToken('CreateImage'),
  });
  const response = await callWithRetry(() => clients.ecs.createImageWithOptions(filled, clients.runtime()), {
    action: 'CreateImage',
    retryCodes: CREATE_IMAGE_RETRY_CODES,
    ...options,
  });
  const imageId = response.body?.imageId;
  if (!imageId) {
    throw new CloudError({ kind: 'malformed-response', code: 'MalformedResponse', cloudMessage: 'CreateImage answered without an ImageId', requestId: response.body?.requestId });
  }
  return imageId;
}

/**
 * The caller's own image with this id in any status, or `undefined` when there is none
 * (an empty list, or a not-found error).
 */
export async function findImageById(clients: CloudClients, imageId: string, options: CallOptions = {}): Promise<Image | undefined> {
  const { statuses, imageOwnerAlias } = clients.config.flavour.imageLookup;
  const request = new $Ecs.DescribeImagesRequest({ regionId: clients.config.regionId, imageId, status: statuses, imageOwnerAlias });
  const response = await orNotFound(
    () => callWithRetry(() => clients.ecs.describeImagesWithOptions(request, clients.runtime()), { action: 'DescribeImages', timeoutMs: IMAGE_READ_TIMEOUT_MS, ...options }),
    undefined,
  );
  return response?.body?.images?.image?.find((image) => image.imageId === imageId);
}

/** The waiter's state of an image: `Available` only once it is also `Usable` (v1.289 fix). */
export function imageState(image: Image): string {
  const status = image.status ?? '';
  return status === 'Available' && image.usable === false ? NOT_YET_USABLE : status;
}

function imageProgress(image: Image): string {
  const state = imageState(image);
  const progress = image.progress?.trim();
  if (!progress || state === 'Available') return state;
  return `${state} ${percent(progress)}`;
}

function percent(progress: string): string {
  const text = progress.trim();
  return text.endsWith('%') ? text : `${text}%`;
}

/**
 * Waits until the image is Available and usable, logging its progress; fails at once when it
 * becomes CreateFailed or UnAvailable. A brand-new id may be briefly invisible; that is
 * tolerated (`poll.notFoundChecks`, default 20 polls).
 */
export async function waitImageAvailable(clients: CloudClients, imageId: string, options: WaitCallOptions = {}): Promise<Image> {
  const deadline = deadlineOf(options, IMAGE_CREATE_TIMEOUT_MS);
  const image = await waitFor<Image>({
    subject: imageSubject(imageId),
    refresh: async () => {
      const found = await findImageById(clients, imageId, { ...options, deadline });
      return found && { value: found, state: imageState(found) };
    },
    pending: ['Creating', 'Waiting', NOT_YET_USABLE],
    target: ['Available'],
    failure: ['CreateFailed', 'UnAvailable'],
    failureReason: (found) => (found.progress ? `creation stopped at ${percent(found.progress)}` : undefined),
    describe: ({ value }) => imageProgress(value),
    percentDone: (image) => parsePercent(image.progress),
    deadline,
    signal: options.signal,
    logger: options.logger,
    ...DEFAULT_POLL,
    ...options.poll,
  });
  return image!;
}

/** ModifyImageAttribute; `RegionId` is filled in. An empty string means "unchanged" to ECS. */
export async function modifyImageAttribute(clients: CloudClients, request: $Ecs.ModifyImageAttributeRequest, options: CallOptions = {}): Promise<void> {
  const filled = new $Ecs.ModifyImageAttributeRequest({ ...request, regionId: request.regionId ?? clients.config.regionId });
  await callWithRetry(() => clients.ecs.modifyImageAttributeWithOptions(filled, clients.runtime()), { action: 'ModifyImageAttribute', ...options });
}

export interface DeleteImageInput {
  readonly imageId: string;
  /** Sent only when defined (the Apsara Stack resource leaves it out). */
  readonly force?: boolean | undefined;
}

/**
 * DeleteImage, then waits until DescribeImages no longer lists the image. An image that is
 * already gone is not an error.
 */
export async function deleteImage(clients: CloudClients, input: DeleteImageInput, options: WaitCallOptions = {}): Promise<void> {
  const deadline = deadlineOf(options, IMAGE_DELETE_TIMEOUT_MS);
  const request = new $Ecs.DeleteImageRequest({ regionId: clients.config.regionId, imageId: input.imageId, force: input.force });
  const deleted = await orNotFound(() => callWithRetry(() => clients.ecs.deleteImageWithOptions(request, clients.runtime()), { action: 'DeleteImage', ...options, deadline }), undefined);
  if (deleted === undefined) return;
  await waitGone(() => findImageById(clients, input.imageId, { ...options, deadline }), {
    subject: imageSubject(input.imageId),
    deadline,
    signal: options.signal,
    logger: options.logger,
    ...DEFAULT_POLL,
    ...options.poll,
  });
}

export interface JoinResourceGroupInput {
  readonly resourceId: string;
  readonly resourceGroupId: string;
  /** ECS `ResourceType`; `image` for images. */
  readonly resourceType: string;
}

export async function joinResourceGroup(clients: CloudClients, input: JoinResourceGroupInput, options: CallOptions = {}): Promise<void> {
  const request = new $Ecs.JoinResourceGroupRequest({ regionId: clients.config.regionId, ...input });
  await callWithRetry(() => clients.ecs.joinResourceGroupWithOptions(request, clients.runtime()), { action: 'JoinResourceGroup', ...options });
}

/** The snapshots an image's disk mappings reference (what `delete_auto_snapshot` removes). */
export function imageSnapshotIds(image: Image): string[] {
  const ids = (image.diskDeviceMappings?.diskDeviceMapping ?? []).map((m) => m.snapshotId?.trim() ?? '').filter((id) => id !== '');
  return [...new Set(ids)];
}

/** Snapshots that could not be deleted, each with its error. */
export class SnapshotCleanupError extends Error {
  override readonly name = 'SnapshotCleanupError';
  readonly failures: ReadonlyArray<{ readonly snapshotId: string; readonly error: Error }>;

  constructor(failures: ReadonlyArray<{ readonly snapshotId: string; readonly error: Error }>) {
    super(
      `deleting the image's snapshots: ${failures.map((f) => `${f.snapshotId}: ${f.error.message}`).join('; ')}. ` +
        'These are no longer managed by Terraform and must be deleted manually.',
    );
    this.failures = failures;
  }
}

/**
 * DeleteSnapshot (Force=true) for each id; every id is tried even if an earlier one fails,
 * and the failures are reported together. A snapshot that is already gone counts as deleted.
 */
export async function deleteSnapshots(clients: CloudClients, snapshotIds: readonly string[], options: CallOptions = {}): Promise<void> {
  const failures: { snapshotId: string; error: Error }[] = [];
  for (const snapshotId of snapshotIds) {
    const request = new $Ecs.DeleteSnapshotRequest({ snapshotId, force: true });
    try {
      await callWithRetry(() => clients.ecs.deleteSnapshotWithOptions(request, clients.runtime()), { action: 'DeleteSnapshot', ...options });
    } catch (err) {
      if (isNotFound(err)) continue;
      if (!(err instanceof CloudError)) throw err;
      failures.push({ snapshotId, error: err });
    }
  }
  if (failures.length > 0) throw new SnapshotCleanupError(failures);
}

/** The snapshots a CreateImage request names: the user's own, never to be deleted with the image. */
export function suppliedSnapshotIds(request: $Ecs.CreateImageRequest): string[] {
  const ids = [request.snapshotId, ...(request.diskDeviceMapping ?? []).map((mapping) => mapping.snapshotId)];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
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
export async function deleteImageIfPresent(
  clients: CloudClients,
  input: DeleteImageResourceInput,
  options: WaitCallOptions & { readonly signal: AbortSignal; readonly logger: Logger },
): Promise<boolean> {
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
    // After a cancellation, report the cancellation (timeout or stop), not what it broke.
    throw options.signal.aborted ? options.signal.reason : error;
  }
}

/**
 * The handler steps both image resources (`alicloud_image`, `alibabacloudstack_image`) run
 * alike; what differs (the request, the state, what CreateImage cannot set) comes from the
 * resource:
 * - create: CreateImage through the create skeleton, the supplied snapshots remembered in
 *   private state as soon as it answers (`image-creation-record.ts`), then the wait until the
 *   image is Available and usable;
 * - read: a vanished image is gone from state;
 * - update: one ModifyImageAttribute with what changed, then the resource's other changes;
 * - delete: the image unless already gone, then the snapshots its creation made
 *   (`client/images.ts` `deleteImageIfPresent`).
 */
import {
  CREATE_IMAGE_RETRY_CODES,
  createImage,
  deleteImageIfPresent,
  findImageById,
  imageSubject,
  modifyImageAttribute,
  suppliedSnapshotIds,
  waitImageAvailable,
  $Ecs,
  type CallOptions,
  type CloudClients,
  type Image,
} from '../client/index.js';
import { recordCreation, type CreationRecordStore } from '../client/image-creation-record.js';
import type { CreateRequest, DeleteRequest, KnownObject, ReadRequest, StateInput, UpdateRequest } from '../framework/index.js';
import { createResource, modifyIfChanged, operationOptions, readOptions, updateResource, type FieldChange, type OperationOptions } from './operations.js';
import { textOf } from './values.js';

/** The resource's state of an image as DescribeImages lists it. */
export type ImageToState = (client: CloudClients, image: Image, prior: KnownObject) => StateInput;

export async function readImage(client: CloudClients, id: string, prior: KnownObject, toState: ImageToState, options: CallOptions): Promise<StateInput | null> {
  const image = await findImageById(client, id, options);
  return image === undefined ? null : toState(client, image, prior);
}

export async function createImageResource(
  request: CreateRequest<CloudClients>,
  create: $Ecs.CreateImageRequest,
  toState: ImageToState,
  /** What CreateImage cannot set, applied once the image is usable; true when it changed the image. */
  afterUsable?: (image: Image, options: OperationOptions) => Promise<boolean>,
): Promise<StateInput> {
  const { client, config } = request;
  return createResource(request, {
    subject: imageSubject,
    action: 'CreateImage',
    retryCodes: CREATE_IMAGE_RETRY_CODES,
    async send(options) {
      const id = await createImage(client, create, options);
      recordCreation(request.private, suppliedSnapshotIds(create));
      return id;
    },
    async settle(id, options) {
      const image = await waitImageAvailable(client, id, options);
      const changed = (await afterUsable?.(image, options)) ?? false;
      return changed ? undefined : toState(client, image, config);
    },
    read: (id, options) => readImage(client, id, config, toState, options),
  });
}

export async function readImageResource(request: ReadRequest<CloudClients>, toState: ImageToState): Promise<StateInput | null> {
  const id = textOf(request.state, 'id');
  return id === undefined ? null : readImage(request.client, id, request.state, toState, readOptions(request));
}

export async function updateImageResource(
  request: UpdateRequest<CloudClients>,
  toState: ImageToState,
  /** The ModifyImageAttribute fields the resource can change, with the attributes they compare to. */
  fields: { readonly [K in keyof $Ecs.ModifyImageAttributeRequest]?: FieldChange<$Ecs.ModifyImageAttributeRequest[K]> },
  /** What else an update changes (tags, resource group). */
  more: (id: string, options: OperationOptions) => Promise<void>,
): Promise<StateInput> {
  const { client, prior } = request;
  return updateResource(request, {
    subject: imageSubject,
    async apply(id, options) {
      await modifyIfChanged<$Ecs.ModifyImageAttributeRequest>(prior, fields, (changes) =>
        modifyImageAttribute(client, new $Ecs.ModifyImageAttributeRequest({ imageId: id, ...changes }), options),
      );
      await more(id, options);
    },
    read: (id, options) => readImage(client, id, prior, toState, options),
  });
}

/**
 * `deleteCreationSnapshots`: whether the snapshots the image's creation made go with it.
 * `record`: which snapshots the configuration supplied (default: the creation record in the
 * resource's private state).
 */
export async function deleteImageResource(
  request: DeleteRequest<CloudClients>,
  deleteCreationSnapshots: boolean,
  record: Pick<CreationRecordStore, 'get'> = request.private,
): Promise<void> {
  const { client, state } = request;
  const id = textOf(state, 'id');
  if (id === undefined) return;
  await deleteImageIfPresent(
    client,
    { imageId: id, force: state['force'] === true, deleteCreationSnapshots, record, instanceId: textOf(state, 'instance_id') },
    operationOptions(request, 'delete'),
  );
}

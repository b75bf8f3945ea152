/** The handlers of `diskAttachmentResource` (contract and schema in `disk-attachment.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, findDisk, hasCode, isNotFound, waitDiskStatus, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, modifyIfChanged, operationOptions, readOptions, updateResource } from '../shared/operations.js';
import { boolOf, textOf } from '../shared/values.js';

const BUSY_CODES = [
  'IncorrectDiskStatus',
  'IncorrectInstanceStatus',
  'OperationConflict',
  'InternalError',
  'InvalidOperation.Conflict',
  'IncorrectDiskStatus.Initializing',
];

const subject = (id: string): string => `the disk attachment ${id}`;

function splitId(id: string): { diskId: string; instanceId: string } {
  const [diskId, instanceId, ...rest] = id.split(':');
  if (!diskId || !instanceId || rest.length > 0) throw new Error(`invalid ID ${JSON.stringify(id)}: expected <disk_id>:<instance_id>`);
  return { diskId, instanceId };
}

async function readAttachment(client: CloudClients, id: string, args: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const { diskId, instanceId } = splitId(id);
  const disk = await findDisk(client, diskId, options);
  if (disk === undefined || disk.instanceId !== instanceId) return null;
  return {
    id,
    disk_id: diskId,
    instance_id: instanceId,
    device: disk.device ?? '',
    delete_with_instance: disk.deleteWithInstance ?? false,
    bootable: args['bootable'] ?? null,
    key_pair_name: args['key_pair_name'] ?? null,
    password: args['password'] ?? null,
  };
}

/** ModifyDiskAttribute `DeleteWithInstance` when the configuration differs from `current`. */
async function modifyDeleteWithInstance(client: CloudClients, diskId: string, config: KnownObject, current: KnownObject, options: CallOptions): Promise<void> {
  await modifyIfChanged<$Ecs.ModifyDiskAttributeRequest>(current, { deleteWithInstance: [boolOf(config, 'delete_with_instance'), 'delete_with_instance'] }, async (changes) => {
    const modify = new $Ecs.ModifyDiskAttributeRequest({ regionId: client.config.regionId, diskId, ...changes });
    await callWithRetry(() => client.ecs.modifyDiskAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifyDiskAttribute' });
  });
}

export const diskAttachmentOperations: ResourceHandlers = {
  async create(request) {
    const { client, config } = request;
    const diskId = textOf(config, 'disk_id') ?? '';
    const instanceId = textOf(config, 'instance_id') ?? '';
    const attach = new $Ecs.AttachDiskRequest({
      diskId,
      instanceId,
      bootable: boolOf(config, 'bootable'),
      keyPairName: textOf(config, 'key_pair_name'),
      password: textOf(config, 'password'),
    });
    return createResource(request, {
      subject,
      action: 'AttachDisk',
      retryCodes: BUSY_CODES,
      // AttachDisk answers no id: the attachment's id is the pair it joins.
      send: async (options) => {
        await callWithRetry(() => client.ecs.attachDiskWithOptions(attach, client.runtime()), options);
        return `${diskId}:${instanceId}`;
      },
      recorded: (id) => ({ id, disk_id: diskId, instance_id: instanceId }),
      async settle(_id, options) {
        const disk = await waitDiskStatus(client, diskId, ['In_use'], options);
        await modifyDeleteWithInstance(client, diskId, config, { delete_with_instance: disk.deleteWithInstance ?? null }, options);
      },
      read: (id, options) => readAttachment(client, id, config, options),
    });
  },

  async read(request) {
    return readAttachment(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject,
      apply: (id, options) => modifyDeleteWithInstance(client, splitId(id).diskId, config, prior, options),
      read: (id, options) => readAttachment(client, id, config, options),
    });
  },

  async delete(request) {
    const { client } = request;
    const { diskId, instanceId } = splitId(request.state['id'] as string);
    const options = operationOptions(request, 'delete');
    const detach = new $Ecs.DetachDiskRequest({ diskId, instanceId });
    try {
      await callWithRetry(() => client.ecs.detachDiskWithOptions(detach, client.runtime()), {
        ...options,
        action: 'DetachDisk',
        retryCodes: ['DisksDetachingOnEcsExceeded', ...BUSY_CODES],
      });
    } catch (error) {
      if (isNotFound(error) || hasCode(error, 'InvalidDisk.AlreadyDetached', 'InvalidDiskId.OperationNotSupported')) return;
      throw error;
    }
    const disk = await findDisk(client, diskId, options);
    if (disk !== undefined) await waitDiskStatus(client, diskId, ['Available'], options);
  },

  async importState({ id }) {
    const { diskId, instanceId } = splitId(id);
    return { id, disk_id: diskId, instance_id: instanceId };
  },
};

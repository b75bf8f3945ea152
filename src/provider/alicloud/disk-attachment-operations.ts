/** The handlers of `diskAttachmentResource` (contract and schema in `disk-attachment.ts`); loaded on first use, with the SDK. */
import { $Ecs, callWithRetry, hasCode, isNotFound, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { findDisk, waitDiskStatus } from './ecs-lookups.js';
import { boolOf, callOptions, mustExist, readOptions, textOf } from './resource-values.js';
import type { ResourceHandlers } from './lazy-definition.js';

const BUSY_CODES = [
  'IncorrectDiskStatus',
  'IncorrectInstanceStatus',
  'OperationConflict',
  'InternalError',
  'InvalidOperation.Conflict',
  'IncorrectDiskStatus.Initializing',
];

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

export const diskAttachmentOperations: ResourceHandlers = {

  async create(request) {
    const { client, config } = request;
    const options = callOptions(request, 'create');
    const diskId = textOf(config, 'disk_id') ?? '';
    const instanceId = textOf(config, 'instance_id') ?? '';
    const attach = new $Ecs.AttachDiskRequest({
      diskId,
      instanceId,
      bootable: boolOf(config, 'bootable'),
      keyPairName: textOf(config, 'key_pair_name'),
      password: textOf(config, 'password'),
    });
    await callWithRetry(() => client.ecs.attachDiskWithOptions(attach, client.runtime()), { ...options, action: 'AttachDisk', retryCodes: BUSY_CODES });
    const id = `${diskId}:${instanceId}`;
    request.created({ id, disk_id: diskId, instance_id: instanceId });
    const disk = await waitDiskStatus(client, diskId, ['In_use'], options);
    const wanted = boolOf(config, 'delete_with_instance');
    if (wanted !== undefined && wanted !== disk.deleteWithInstance) {
      const modify = new $Ecs.ModifyDiskAttributeRequest({ regionId: client.config.regionId, diskId, deleteWithInstance: wanted });
      await callWithRetry(() => client.ecs.modifyDiskAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifyDiskAttribute' });
    }
    const state = await readAttachment(client, id, config, options);
    if (state === null) throw new Error(`disk ${diskId} is not attached to ${instanceId} after AttachDisk`);
    return state;
  },

  async read(request) {
    return readAttachment(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    const id = prior['id'] as string;
    const options = callOptions(request, 'update');
    const wanted = boolOf(config, 'delete_with_instance');
    if (wanted !== undefined && wanted !== prior['delete_with_instance']) {
      const modify = new $Ecs.ModifyDiskAttributeRequest({ regionId: client.config.regionId, diskId: splitId(id).diskId, deleteWithInstance: wanted });
      await callWithRetry(() => client.ecs.modifyDiskAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifyDiskAttribute' });
    }
    return mustExist(await readAttachment(client, id, config, options), `the disk attachment ${id}`, 'update');
  },

  async delete(request) {
    const { client } = request;
    const { diskId, instanceId } = splitId(request.state['id'] as string);
    const options = callOptions(request, 'delete');
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

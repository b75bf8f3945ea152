/** The handlers of `diskResource` (contract and schema in `disk.ts`); loaded on first use, with the SDK. */
import { $Ecs, buildClientToken, callWithRetry, diskSubject, findDisk, orNotFound, waitDiskStatus, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, modifyIfChanged, mustExist, operationOptions, readOptions, updateGroupAndTags, updateResource } from '../shared/operations.js';
import { boolOf, ecsTagEntries, mapOf, nullIfEmpty, numberOf, tagsState, textOf } from '../shared/values.js';

async function readDisk(client: CloudClients, id: string, args: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const disk = await findDisk(client, id, options);
  if (disk === undefined) return null;
  return {
    id,
    zone_id: disk.zoneId ?? '',
    availability_zone: disk.zoneId ?? '',
    category: disk.category ?? '',
    size: disk.size ?? 0,
    snapshot_id: nullIfEmpty(disk.sourceSnapshotId),
    disk_name: disk.diskName ?? '',
    name: disk.diskName ?? '',
    description: nullIfEmpty(disk.description),
    encrypted: disk.encrypted ?? false,
    kms_key_id: nullIfEmpty(disk.KMSKeyId),
    performance_level: disk.performanceLevel ?? '',
    delete_auto_snapshot: disk.deleteAutoSnapshot ?? false,
    delete_with_instance: disk.deleteWithInstance ?? false,
    resource_group_id: disk.resourceGroupId ?? '',
    instance_id: (args['instance_id'] as string | null | undefined) ?? null,
    payment_type: disk.diskChargeType === 'PrePaid' ? 'Subscription' : 'PayAsYouGo',
    status: disk.status ?? '',
    create_time: disk.creationTime ?? '',
    tags: tagsState(client, ecsTagEntries(disk.tags)),
    dry_run: args['dry_run'] ?? null,
  };
}

/** ModifyDiskAttribute for what differs between `config` and `current`. */
async function modifyFlags(client: CloudClients, id: string, config: KnownObject, current: KnownObject, options: CallOptions): Promise<void> {
  await modifyIfChanged<$Ecs.ModifyDiskAttributeRequest>(
    current,
    {
      diskName: [textOf(config, 'disk_name') ?? textOf(config, 'name'), 'disk_name'],
      description: [textOf(config, 'description'), 'description'],
      deleteAutoSnapshot: [boolOf(config, 'delete_auto_snapshot'), 'delete_auto_snapshot'],
      deleteWithInstance: [boolOf(config, 'delete_with_instance'), 'delete_with_instance'],
    },
    async (changes) => {
      const request = new $Ecs.ModifyDiskAttributeRequest({ regionId: client.config.regionId, diskId: id, ...changes });
      await callWithRetry(() => client.ecs.modifyDiskAttributeWithOptions(request, client.runtime()), { ...options, action: 'ModifyDiskAttribute' });
    },
  );
}

export const diskOperations: ResourceHandlers = {
  async create(request) {
    const { client, config } = request;
    const createRequest = new $Ecs.CreateDiskRequest({
      regionId: client.config.regionId,
      clientToken: buildClientToken('CreateDisk'),
      zoneId: textOf(config, 'zone_id') ?? textOf(config, 'availability_zone'),
      diskCategory: textOf(config, 'category'),
      size: numberOf(config, 'size'),
      snapshotId: textOf(config, 'snapshot_id'),
      diskName: textOf(config, 'disk_name') ?? textOf(config, 'name'),
      description: textOf(config, 'description'),
      encrypted: boolOf(config, 'encrypted'),
      KMSKeyId: textOf(config, 'kms_key_id'),
      performanceLevel: textOf(config, 'performance_level'),
      resourceGroupId: textOf(config, 'resource_group_id'),
      instanceId: textOf(config, 'instance_id'),
      tag: Object.entries(mapOf(config, 'tags')).map(([key, value]) => new $Ecs.CreateDiskRequestTag({ key, value })),
    });
    return createResource(request, {
      subject: diskSubject,
      action: 'CreateDisk',
      retryCodes: ['UnknownError', 'LastTokenProcessing'],
      send: async (options) => (await callWithRetry(() => client.ecs.createDiskWithOptions(createRequest, client.runtime()), options)).body?.diskId,
      async settle(id, options) {
        await waitDiskStatus(client, id, ['Available', 'In_use'], options);
        // CreateDisk takes neither flag: set them once the disk exists, where they differ.
        const created = mustExist(await readDisk(client, id, config, options), diskSubject(id), 'create');
        const flags = { delete_auto_snapshot: config['delete_auto_snapshot'] ?? null, delete_with_instance: config['delete_with_instance'] ?? null };
        await modifyFlags(client, id, flags, created, options);
      },
      read: (id, options) => readDisk(client, id, config, options),
    });
  },

  async read(request) {
    return readDisk(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: diskSubject,
      async apply(id, options) {
        const size = numberOf(config, 'size');
        if (size !== undefined && size !== prior['size']) {
          if (size < (prior['size'] as number)) throw new Error(`size can only grow: ${String(prior['size'])} GiB → ${size} GiB`);
          const resize = new $Ecs.ResizeDiskRequest({ diskId: id, newSize: size, type: prior['status'] === 'In_use' ? 'online' : 'offline', clientToken: buildClientToken('ResizeDisk') });
          await callWithRetry(() => client.ecs.resizeDiskWithOptions(resize, client.runtime()), { ...options, action: 'ResizeDisk' });
          await waitDiskStatus(client, id, ['Available', 'In_use'], options);
        }
        await modifyFlags(client, id, config, prior, options);
        await updateGroupAndTags(client, { resourceType: 'disk', resourceId: id }, config, prior, options);
      },
      read: (id, options) => readDisk(client, id, config, options),
    });
  },

  async delete(request) {
    const { client } = request;
    const id = request.state['id'] as string;
    const deleteRequest = new $Ecs.DeleteDiskRequest({ diskId: id });
    await orNotFound(
      () =>
        callWithRetry(() => client.ecs.deleteDiskWithOptions(deleteRequest, client.runtime()), {
          ...operationOptions(request, 'delete'),
          action: 'DeleteDisk',
          retryCodes: ['IncorrectDiskStatus.Initializing'],
        }),
      undefined,
    );
  },
};

/** The handlers of `ecsSnapshotResource` (contract and schema in `ecs-snapshot.ts`); loaded on first use, with the SDK. */
import { $Ecs, buildClientToken, callWithRetry, findSnapshot, hasCode, isNotFound, snapshotSubject, waitSnapshotAccomplished, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, modifyIfChanged, operationOptions, readOptions, updateGroupAndTags, updateResource } from '../shared/operations.js';
import { boolOf, ecsTagEntries, mapOf, nullIfEmpty, numberOf, tagsState, textOf } from '../shared/values.js';

async function readSnapshot(client: CloudClients, id: string, args: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const snapshot = await findSnapshot(client, id, options);
  if (snapshot === undefined) return null;
  const retention = snapshot.retentionDays ?? 0;
  return {
    id,
    disk_id: snapshot.sourceDiskId ?? '',
    snapshot_name: snapshot.snapshotName ?? '',
    name: snapshot.snapshotName ?? '',
    description: nullIfEmpty(snapshot.description),
    category: snapshot.category ?? 'standard',
    retention_days: retention > 0 ? retention : (args['retention_days'] ?? null),
    instant_access: args['instant_access'] ?? null,
    instant_access_retention_days: args['instant_access_retention_days'] ?? null,
    resource_group_id: snapshot.resourceGroupId ?? '',
    status: snapshot.status ?? '',
    create_time: snapshot.creationTime ?? '',
    tags: tagsState(client, ecsTagEntries(snapshot.tags)),
    force: args['force'] ?? false,
  };
}

export const ecsSnapshotOperations: ResourceHandlers = {
  async create(request) {
    const { client, config } = request;
    const createRequest = new $Ecs.CreateSnapshotRequest({
      clientToken: buildClientToken('CreateSnapshot'),
      diskId: textOf(config, 'disk_id'),
      snapshotName: textOf(config, 'snapshot_name') ?? textOf(config, 'name'),
      description: textOf(config, 'description'),
      retentionDays: numberOf(config, 'retention_days'),
      category: textOf(config, 'category'),
      instantAccess: boolOf(config, 'instant_access'),
      instantAccessRetentionDays: numberOf(config, 'instant_access_retention_days'),
      resourceGroupId: textOf(config, 'resource_group_id'),
      tag: Object.entries(mapOf(config, 'tags')).map(([key, value]) => new $Ecs.CreateSnapshotRequestTag({ key, value })),
    });
    return createResource(request, {
      subject: snapshotSubject,
      action: 'CreateSnapshot',
      retryCodes: ['IncorrectDiskStatus.CreatingSnapshot'],
      send: async (options) => (await callWithRetry(() => client.ecs.createSnapshotWithOptions(createRequest, client.runtime()), options)).body?.snapshotId,
      settle: async (id, options) => void (await waitSnapshotAccomplished(client, id, options)),
      read: (id, options) => readSnapshot(client, id, config, options),
    });
  },

  async read(request) {
    return readSnapshot(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: snapshotSubject,
      async apply(id, options) {
        const modified = await modifyIfChanged<$Ecs.ModifySnapshotAttributeRequest>(
          prior,
          {
            snapshotName: [textOf(config, 'snapshot_name') ?? textOf(config, 'name'), 'snapshot_name'],
            description: [textOf(config, 'description'), 'description'],
            retentionDays: [numberOf(config, 'retention_days'), 'retention_days'],
          },
          async (changes) => {
            const modify = new $Ecs.ModifySnapshotAttributeRequest({ snapshotId: id, ...changes });
            await callWithRetry(() => client.ecs.modifySnapshotAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifySnapshotAttribute' });
          },
        );
        if (modified) await waitSnapshotAccomplished(client, id, options);
        await updateGroupAndTags(client, { resourceType: 'snapshot', resourceId: id }, config, prior, options);
      },
      read: (id, options) => readSnapshot(client, id, config, options),
    });
  },

  async delete(request) {
    const { client, state } = request;
    const id = state['id'] as string;
    const deleteRequest = new $Ecs.DeleteSnapshotRequest({ snapshotId: id, ...(state['force'] === true ? { force: true } : {}) });
    try {
      await callWithRetry(() => client.ecs.deleteSnapshotWithOptions(deleteRequest, client.runtime()), { ...operationOptions(request, 'delete'), action: 'DeleteSnapshot' });
    } catch (error) {
      if (isNotFound(error) || hasCode(error, 'InvalidResource.NotFound')) return;
      throw error;
    }
  },
};

/** The handlers of `ecsSnapshotResource` (contract and schema in `ecs-snapshot.ts`); loaded on first use, with the SDK. */
import { $Ecs, buildClientToken, callWithRetry, hasCode, isNotFound, joinResourceGroup, updateTags, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import { findSnapshot, snapshotSubject, waitSnapshotAccomplished } from './ecs-lookups.js';
import { boolOf, callOptions, ecsTagEntries, mapOf, mustExist, nullIfEmpty, numberOf, readOptions, tagsState, textOf } from './resource-values.js';
import type { ResourceHandlers } from './lazy-definition.js';

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
    const options = callOptions(request, 'create');
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
    const response = await callWithRetry(() => client.ecs.createSnapshotWithOptions(createRequest, client.runtime()), {
      ...options,
      action: 'CreateSnapshot',
      retryCodes: ['IncorrectDiskStatus.CreatingSnapshot'],
    });
    const id = response.body?.snapshotId;
    if (!id) throw new Error('CreateSnapshot answered without a SnapshotId');
    request.created({ id });
    await waitSnapshotAccomplished(client, id, options);
    return mustExist(await readSnapshot(client, id, config, options), snapshotSubject(id), 'create');
  },

  async read(request) {
    return readSnapshot(request.client, request.state['id'] as string, request.state, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    const id = prior['id'] as string;
    const options = callOptions(request, 'update');
    const modify = new $Ecs.ModifySnapshotAttributeRequest({ snapshotId: id });
    let changed = false;
    const name = textOf(config, 'snapshot_name') ?? textOf(config, 'name');
    if (name !== undefined && name !== prior['snapshot_name']) {
      modify.snapshotName = name;
      changed = true;
    }
    const description = textOf(config, 'description');
    if (description !== undefined && description !== prior['description']) {
      modify.description = description;
      changed = true;
    }
    const retention = numberOf(config, 'retention_days');
    if (retention !== undefined && retention !== prior['retention_days']) {
      modify.retentionDays = retention;
      changed = true;
    }
    if (changed) {
      await callWithRetry(() => client.ecs.modifySnapshotAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifySnapshotAttribute' });
      await waitSnapshotAccomplished(client, id, options);
    }
    const resourceGroupId = textOf(config, 'resource_group_id');
    if (resourceGroupId !== undefined && resourceGroupId !== prior['resource_group_id']) {
      await joinResourceGroup(client, { resourceId: id, resourceGroupId, resourceType: 'snapshot' }, options);
    }
    await updateTags(client, { resourceType: 'snapshot', resourceId: id }, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
    return mustExist(await readSnapshot(client, id, config, options), snapshotSubject(id), 'update');
  },

  async delete(request) {
    const { client, state } = request;
    const id = state['id'] as string;
    const deleteRequest = new $Ecs.DeleteSnapshotRequest({ snapshotId: id, ...(state['force'] === true ? { force: true } : {}) });
    try {
      await callWithRetry(() => client.ecs.deleteSnapshotWithOptions(deleteRequest, client.runtime()), { ...callOptions(request, 'delete'), action: 'DeleteSnapshot' });
    } catch (error) {
      if (isNotFound(error) || hasCode(error, 'InvalidResource.NotFound')) return;
      throw error;
    }
  },
};

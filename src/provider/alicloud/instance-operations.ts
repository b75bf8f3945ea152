/** The handlers of `instanceResource` (contract and schema in `instance.ts`); loaded on first use, with the SDK. */
import {
  $Ecs,
  bindKeyPair,
  buildClientToken,
  callWithRetry,
  findDisks,
  findInstance,
  findInstanceDisks,
  hasCode,
  instanceSubject,
  isNotFound,
  waitInstanceGone,
  waitInstanceStatus,
  type CallOptions,
  type CloudClients,
  type Disk,
} from '../client/index.js';
import type { KnownObject, KnownValue, PrivateState, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, modifyIfChanged, operationOptions, readOptions, updateGroupAndTags, updateResource } from '../shared/operations.js';
import { boolOf, ecsTagEntries, mapOf, nullIfEmpty, numberOf, objectsOf, stringsOf, tagsState, textOf } from '../shared/values.js';

/** Private-state key: ids of the data disks RunInstances created, in `data_disks` order. */
const DATA_DISK_IDS = 'data_disk_ids';

/** Config-only arguments the cloud never reports: carried from config/state into every read. */
const ARGUMENTS_ONLY = ['password', 'user_data', 'force_delete', 'period', 'period_unit', 'dry_run', 'system_disk_encrypted'] as const;

function dataDiskState(disk: Disk): KnownObject {
  return {
    name: nullIfEmpty(disk.diskName),
    size: disk.size ?? 0,
    category: disk.category ?? '',
    encrypted: disk.encrypted ?? false,
    snapshot_id: nullIfEmpty(disk.sourceSnapshotId),
    delete_with_instance: disk.deleteWithInstance ?? true,
    description: nullIfEmpty(disk.description),
    performance_level: disk.performanceLevel ?? '',
    device: disk.device ?? '',
  };
}

async function readInstance(client: CloudClients, id: string, args: KnownObject, privateState: PrivateState, options: CallOptions): Promise<StateInput | null> {
  const instance = await findInstance(client, id, options);
  if (instance === undefined) return null;
  const [systemDisk] = await findInstanceDisks(client, id, 'system', options);
  const tracked = privateState.get(DATA_DISK_IDS);
  let dataDisks: Disk[];
  if (Array.isArray(tracked)) {
    // Disks created with the instance that are still attached to it, in their original order.
    dataDisks = (await findDisks(client, tracked.filter((x): x is string => typeof x === 'string'), options)).filter((disk) => disk.instanceId === id);
  } else {
    // Imported (no private state yet): ECS does not say which disks came with the instance;
    // take the attached ones released with it and created in the instance's creation minute
    // (a disk attached later through alicloud_disk_attachment normally fails one or both).
    const minute = (instance.creationTime ?? '').slice(0, 16);
    dataDisks = (await findInstanceDisks(client, id, 'data', options)).filter(
      (disk) => disk.deleteWithInstance === true && (disk.creationTime ?? '').slice(0, 16) === minute,
    );
    privateState.set(DATA_DISK_IDS, dataDisks.map((disk) => disk.diskId ?? ''));
  }
  const passthrough = Object.fromEntries(ARGUMENTS_ONLY.map((key) => [key, args[key] ?? null]));
  return {
    ...passthrough,
    id,
    availability_zone: instance.zoneId ?? '',
    image_id: instance.imageId ?? '',
    instance_type: instance.instanceType ?? '',
    instance_name: instance.instanceName ?? '',
    description: nullIfEmpty(instance.description),
    host_name: instance.hostName ?? '',
    security_groups: instance.securityGroupIds?.securityGroupId ?? [],
    vswitch_id: instance.vpcAttributes?.vSwitchId ?? '',
    private_ip: instance.vpcAttributes?.privateIpAddress?.ipAddress?.[0] ?? '',
    primary_ip_address: instance.vpcAttributes?.privateIpAddress?.ipAddress?.[0] ?? '',
    public_ip: instance.publicIpAddress?.ipAddress?.[0] ?? '',
    internet_charge_type: instance.internetChargeType ?? 'PayByTraffic',
    internet_max_bandwidth_out: instance.internetMaxBandwidthOut ?? 0,
    instance_charge_type: instance.instanceChargeType ?? 'PostPaid',
    key_name: instance.keyPairName ?? '',
    deletion_protection: instance.deletionProtection ?? false,
    status: instance.status ?? '',
    resource_group_id: instance.resourceGroupId ?? '',
    tags: tagsState(client, ecsTagEntries(instance.tags)),
    cpu: instance.cpu ?? 0,
    memory: instance.memory ?? 0,
    os_name: instance.OSName ?? '',
    os_type: instance.OSType ?? '',
    network_interface_id: instance.networkInterfaces?.networkInterface?.[0]?.networkInterfaceId ?? '',
    create_time: instance.creationTime ?? '',
    start_time: instance.startTime ?? '',
    system_disk_id: systemDisk?.diskId ?? '',
    system_disk_category: systemDisk?.category ?? (args['system_disk_category'] as KnownValue) ?? null,
    system_disk_size: systemDisk?.size ?? 0,
    system_disk_name: systemDisk?.diskName ?? '',
    system_disk_description: systemDisk?.description ?? '',
    system_disk_performance_level: systemDisk?.performanceLevel ?? '',
    system_disk_encrypted: systemDisk?.encrypted ?? args['system_disk_encrypted'] ?? false,
    data_disks: dataDisks.map(dataDiskState),
  };
}

function runRequest(client: CloudClients, config: KnownObject): $Ecs.RunInstancesRequest {
  const systemDiskSize = numberOf(config, 'system_disk_size');
  return new $Ecs.RunInstancesRequest({
    regionId: client.config.regionId,
    clientToken: buildClientToken('RunInstances'),
    imageId: textOf(config, 'image_id'),
    instanceType: textOf(config, 'instance_type'),
    securityGroupIds: stringsOf(config, 'security_groups'),
    vSwitchId: textOf(config, 'vswitch_id'),
    zoneId: textOf(config, 'availability_zone'),
    instanceName: textOf(config, 'instance_name'),
    description: textOf(config, 'description'),
    hostName: textOf(config, 'host_name'),
    password: textOf(config, 'password'),
    keyPairName: textOf(config, 'key_name'),
    userData: textOf(config, 'user_data'),
    internetChargeType: textOf(config, 'internet_charge_type'),
    internetMaxBandwidthOut: numberOf(config, 'internet_max_bandwidth_out'),
    instanceChargeType: textOf(config, 'instance_charge_type'),
    period: numberOf(config, 'period'),
    periodUnit: textOf(config, 'instance_charge_type') === 'PrePaid' ? textOf(config, 'period_unit') : undefined,
    privateIpAddress: textOf(config, 'private_ip'),
    resourceGroupId: textOf(config, 'resource_group_id'),
    deletionProtection: boolOf(config, 'deletion_protection'),
    dryRun: boolOf(config, 'dry_run'),
    systemDisk: new $Ecs.RunInstancesRequestSystemDisk({
      category: textOf(config, 'system_disk_category'),
      size: systemDiskSize === undefined ? undefined : String(systemDiskSize),
      diskName: textOf(config, 'system_disk_name'),
      description: textOf(config, 'system_disk_description'),
      performanceLevel: textOf(config, 'system_disk_performance_level'),
      encrypted: boolOf(config, 'system_disk_encrypted') === true ? 'true' : undefined,
    }),
    dataDisk: objectsOf(config, 'data_disks').map(
      (disk) =>
        new $Ecs.RunInstancesRequestDataDisk({
          size: numberOf(disk, 'size'),
          category: textOf(disk, 'category'),
          diskName: textOf(disk, 'name'),
          description: textOf(disk, 'description'),
          snapshotId: textOf(disk, 'snapshot_id'),
          deleteWithInstance: boolOf(disk, 'delete_with_instance'),
          encrypted: boolOf(disk, 'encrypted') === true ? 'true' : undefined,
          performanceLevel: textOf(disk, 'performance_level'),
          device: textOf(disk, 'device'),
        }),
    ),
    tag: Object.entries(mapOf(config, 'tags')).map(([key, value]) => new $Ecs.RunInstancesRequestTag({ key, value })),
  });
}

async function startOrStop(client: CloudClients, id: string, wanted: string, options: CallOptions): Promise<void> {
  if (wanted === 'Stopped') {
    const request = new $Ecs.StopInstanceRequest({ instanceId: id });
    await callWithRetry(() => client.ecs.stopInstanceWithOptions(request, client.runtime()), { ...options, action: 'StopInstance', retryCodes: ['IncorrectInstanceStatus'] });
    await waitInstanceStatus(client, id, 'Stopped', options);
  } else {
    const request = new $Ecs.StartInstanceRequest({ instanceId: id });
    await callWithRetry(() => client.ecs.startInstanceWithOptions(request, client.runtime()), { ...options, action: 'StartInstance', retryCodes: ['IncorrectInstanceStatus'] });
    await waitInstanceStatus(client, id, 'Running', options);
  }
}

/**
 * A `key_name` change: the old key pair detached, the new one attached, and a running
 * instance restarted so the key takes effect (upstream reboots it; the local cloud has no
 * RebootInstance, so it is stopped and started). A stopped instance stays stopped.
 */
async function changeKeyPair(client: CloudClients, id: string, next: string | undefined, previous: string | undefined, options: CallOptions): Promise<void> {
  if (next === undefined || next === previous) return;
  const status = (await findInstance(client, id, options))?.status;
  if (previous !== undefined) await bindKeyPair(client, { instanceId: id, keyPairName: previous, change: 'detach' }, options);
  await bindKeyPair(client, { instanceId: id, keyPairName: next, change: 'attach' }, options);
  if (status === 'Running') {
    await startOrStop(client, id, 'Stopped', options);
    await startOrStop(client, id, 'Running', options);
  }
}

/** The in-place changes from `prior` to `config`, in the real resource's order (status last). */
async function applyChanges(client: CloudClients, id: string, config: KnownObject, prior: KnownObject, options: CallOptions): Promise<void> {
  const groups = stringsOf(config, 'security_groups');
  await modifyIfChanged<$Ecs.ModifyInstanceAttributeRequest>(
    prior,
    {
      instanceName: [textOf(config, 'instance_name'), 'instance_name'],
      description: [textOf(config, 'description'), 'description'],
      hostName: [textOf(config, 'host_name'), 'host_name'],
      password: [textOf(config, 'password'), 'password'],
      deletionProtection: [boolOf(config, 'deletion_protection'), 'deletion_protection'],
      securityGroupIds: [groups.length > 0 ? groups : undefined, 'security_groups'],
    },
    async (changes) => {
      const modify = new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, ...changes });
      await callWithRetry(() => client.ecs.modifyInstanceAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifyInstanceAttribute' });
    },
  );

  const bandwidth = numberOf(config, 'internet_max_bandwidth_out');
  const chargeType = textOf(config, 'internet_charge_type');
  if ((bandwidth !== undefined && bandwidth !== prior['internet_max_bandwidth_out']) || (chargeType !== undefined && chargeType !== prior['internet_charge_type'])) {
    const request = new $Ecs.ModifyInstanceNetworkSpecRequest({
      instanceId: id,
      clientToken: buildClientToken('ModifyInstanceNetworkSpec'),
      ...(bandwidth === undefined ? {} : { internetMaxBandwidthOut: bandwidth }),
      ...(chargeType === undefined ? {} : { networkChargeType: chargeType }),
    });
    await callWithRetry(() => client.ecs.modifyInstanceNetworkSpecWithOptions(request, client.runtime()), { ...options, action: 'ModifyInstanceNetworkSpec' });
  }

  const systemDiskId = prior['system_disk_id'];
  if (typeof systemDiskId === 'string' && systemDiskId !== '') {
    await modifyIfChanged<$Ecs.ModifyDiskAttributeRequest>(
      prior,
      {
        diskName: [textOf(config, 'system_disk_name'), 'system_disk_name'],
        description: [textOf(config, 'system_disk_description'), 'system_disk_description'],
      },
      async (changes) => {
        const request = new $Ecs.ModifyDiskAttributeRequest({ regionId: client.config.regionId, diskId: systemDiskId, ...changes });
        await callWithRetry(() => client.ecs.modifyDiskAttributeWithOptions(request, client.runtime()), { ...options, action: 'ModifyDiskAttribute' });
      },
    );
    const size = numberOf(config, 'system_disk_size');
    if (size !== undefined && size !== prior['system_disk_size']) {
      const request = new $Ecs.ResizeDiskRequest({ diskId: systemDiskId, newSize: size, type: 'online', clientToken: buildClientToken('ResizeDisk') });
      await callWithRetry(() => client.ecs.resizeDiskWithOptions(request, client.runtime()), { ...options, action: 'ResizeDisk' });
    }
  }

  await updateGroupAndTags(client, { resourceType: 'instance', resourceId: id }, config, prior, options);
  await changeKeyPair(client, id, textOf(config, 'key_name'), textOf(prior, 'key_name'), options);

  const status = textOf(config, 'status');
  if (status !== undefined && status !== prior['status']) await startOrStop(client, id, status, options);
}

export const instanceOperations: ResourceHandlers = {
  async create(request) {
    const { client, config } = request;
    const run = runRequest(client, config);
    return createResource(request, {
      subject: instanceSubject,
      action: 'RunInstances',
      retryCodes: ['IncorrectVSwitchStatus'],
      send: async (options) => (await callWithRetry(() => client.ecs.runInstancesWithOptions(run, client.runtime()), options)).body?.instanceIdSets?.instanceIdSet?.[0],
      async settle(id, options) {
        await waitInstanceStatus(client, id, 'Running', options);
        const dataDisks = await findInstanceDisks(client, id, 'data', options);
        request.private.set(DATA_DISK_IDS, dataDisks.map((disk) => disk.diskId ?? ''));
        if (textOf(config, 'status') === 'Stopped') await startOrStop(client, id, 'Stopped', options);
      },
      read: (id, options) => readInstance(client, id, config, request.private, options),
    });
  },

  async read(request) {
    return readInstance(request.client, request.state['id'] as string, request.state, request.private, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: instanceSubject,
      apply: (id, options) => applyChanges(client, id, config, prior, options),
      read: (id, options) => readInstance(client, id, config, request.private, options),
    });
  },

  async delete(request) {
    const { client, state } = request;
    const id = state['id'] as string;
    const options = operationOptions(request, 'delete');
    if (state['instance_charge_type'] === 'PrePaid' && state['force_delete'] !== true) {
      throw new Error('a PrePaid instance is deleted only with force_delete = true (it releases the subscription)');
    }
    const deleteRequest = new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true });
    try {
      await callWithRetry(() => client.ecs.deleteInstanceWithOptions(deleteRequest, client.runtime()), {
        ...options,
        action: 'DeleteInstance',
        retryCodes: ['IncorrectInstanceStatus', 'IncorrectInstanceStatus.Initializing', 'DependencyViolation.RouteEntry', 'LastTokenProcessing'],
      });
    } catch (error) {
      if (isNotFound(error) || hasCode(error, 'Forbidden.InstanceNotFound')) return;
      throw error;
    }
    await waitInstanceGone(client, id, options);
  },
};

/** The handlers of `instanceResource` (contract and schema in `instance.ts`); loaded on first use, with the SDK. */
import { $Ecs, buildClientToken, callWithRetry, hasCode, isNotFound, joinResourceGroup, updateTags, type CallOptions, type CloudClients } from '../client/index.js';
import type { KnownObject, KnownValue, PrivateState, StateInput } from '../framework/index.js';
import { findDisks, findInstance, instanceDisks, instanceSubject, waitInstanceGone, waitInstanceStatus, type Disk } from './ecs-lookups.js';
import { boolOf, callOptions, ecsTagEntries, mapOf, mustExist, nullIfEmpty, numberOf, objectsOf, readOptions, stringsOf, tagsState, textOf } from './resource-values.js';
import type { ResourceHandlers } from './lazy-definition.js';

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
  const [systemDisk] = await instanceDisks(client, id, 'system', options);
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
    dataDisks = (await instanceDisks(client, id, 'data', options)).filter(
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

/** The in-place changes from `prior` to `config`, in the real resource's order (status last). */
async function applyChanges(client: CloudClients, id: string, config: KnownObject, prior: KnownObject, options: CallOptions): Promise<void> {
  const modify = new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id });
  let modified = false;
  const set = <K extends keyof $Ecs.ModifyInstanceAttributeRequest>(key: K, value: $Ecs.ModifyInstanceAttributeRequest[K]): void => {
    modify[key] = value;
    modified = true;
  };
  const changedText = (key: string): string | undefined => {
    const value = textOf(config, key);
    return value !== undefined && value !== prior[key] ? value : undefined;
  };
  const name = changedText('instance_name');
  if (name !== undefined) set('instanceName', name);
  const description = changedText('description');
  if (description !== undefined) set('description', description);
  const hostName = changedText('host_name');
  if (hostName !== undefined) set('hostName', hostName);
  const password = changedText('password');
  if (password !== undefined) set('password', password);
  const protection = boolOf(config, 'deletion_protection');
  if (protection !== undefined && protection !== prior['deletion_protection']) set('deletionProtection', protection);
  const groups = stringsOf(config, 'security_groups');
  const priorGroups = stringsOf(prior, 'security_groups');
  if (groups.length > 0 && (groups.length !== priorGroups.length || groups.some((group) => !priorGroups.includes(group)))) set('securityGroupIds', groups);
  if (modified) {
    await callWithRetry(() => client.ecs.modifyInstanceAttributeWithOptions(modify, client.runtime()), { ...options, action: 'ModifyInstanceAttribute' });
  }

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
    const diskName = changedText('system_disk_name');
    const diskDescription = changedText('system_disk_description');
    if (diskName !== undefined || diskDescription !== undefined) {
      const request = new $Ecs.ModifyDiskAttributeRequest({ regionId: client.config.regionId, diskId: systemDiskId, diskName, description: diskDescription });
      await callWithRetry(() => client.ecs.modifyDiskAttributeWithOptions(request, client.runtime()), { ...options, action: 'ModifyDiskAttribute' });
    }
    const size = numberOf(config, 'system_disk_size');
    if (size !== undefined && size !== prior['system_disk_size']) {
      const request = new $Ecs.ResizeDiskRequest({ diskId: systemDiskId, newSize: size, type: 'online', clientToken: buildClientToken('ResizeDisk') });
      await callWithRetry(() => client.ecs.resizeDiskWithOptions(request, client.runtime()), { ...options, action: 'ResizeDisk' });
    }
  }

  const resourceGroupId = textOf(config, 'resource_group_id');
  if (resourceGroupId !== undefined && resourceGroupId !== prior['resource_group_id']) {
    await joinResourceGroup(client, { resourceId: id, resourceGroupId, resourceType: 'instance' }, options);
  }
  await updateTags(client, { resourceType: 'instance', resourceId: id }, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);

  const status = textOf(config, 'status');
  if (status !== undefined && status !== prior['status']) await startOrStop(client, id, status, options);
}

export const instanceOperations: ResourceHandlers = {

  async create(request) {
    const { client, config } = request;
    const options = callOptions(request, 'create');
    const run = runRequest(client, config);
    const response = await callWithRetry(() => client.ecs.runInstancesWithOptions(run, client.runtime()), {
      ...options,
      action: 'RunInstances',
      retryCodes: ['IncorrectVSwitchStatus'],
    });
    const id = response.body?.instanceIdSets?.instanceIdSet?.[0];
    if (!id) throw new Error('RunInstances answered without an instance id');
    request.created({ id });
    await waitInstanceStatus(client, id, 'Running', options);
    const dataDisks = await instanceDisks(client, id, 'data', options);
    request.private.set(DATA_DISK_IDS, dataDisks.map((disk) => disk.diskId ?? ''));
    if (textOf(config, 'status') === 'Stopped') await startOrStop(client, id, 'Stopped', options);
    return mustExist(await readInstance(client, id, config, request.private, options), instanceSubject(id), 'create');
  },

  async read(request) {
    return readInstance(request.client, request.state['id'] as string, request.state, request.private, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    const id = prior['id'] as string;
    const options = callOptions(request, 'update');
    await applyChanges(client, id, config, prior, options);
    return mustExist(await readInstance(client, id, config, request.private, options), instanceSubject(id), 'update');
  },

  async delete(request) {
    const { client, state } = request;
    const id = state['id'] as string;
    const options = callOptions(request, 'delete');
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

/**
 * Finders and waiters for ECS instances, disks and snapshots, shared by `alicloud_instance`,
 * `alicloud_disk`, `alicloud_disk_attachment` and `alicloud_ecs_snapshot` (the aws
 * vocabulary: `find…` returns undefined when the object does not exist, `wait…` polls until
 * a state). Lookups use the JSON-array id filters the real provider sends.
 */
import { $Ecs, byStatus, callWithRetry, orNotFound, waitFor, waitGone, type CallOptions, type CloudClients } from '../client/index.js';

export type Instance = $Ecs.DescribeInstancesResponseBodyInstancesInstance;
export type Disk = $Ecs.DescribeDisksResponseBodyDisksDisk;
export type Snapshot = $Ecs.DescribeSnapshotsResponseBodySnapshotsSnapshot;

/** Polling suited to both the local cloud (sub-second transitions) and ECS. */
const POLL = { minTimeoutMs: 1000, maxIntervalMs: 5000 } as const;

export const instanceSubject = (id: string): string => `ECS Instance (${id})`;
export const diskSubject = (id: string): string => `ECS Disk (${id})`;
export const snapshotSubject = (id: string): string => `ECS Snapshot (${id})`;

export async function findInstance(client: CloudClients, instanceId: string, options: CallOptions): Promise<Instance | undefined> {
  const request = new $Ecs.DescribeInstancesRequest({ regionId: client.config.regionId, instanceIds: JSON.stringify([instanceId]) });
  const response = await orNotFound(() => callWithRetry(() => client.ecs.describeInstancesWithOptions(request, client.runtime()), { ...options, action: 'DescribeInstances' }), undefined);
  return response?.body?.instances?.instance?.find((instance) => instance.instanceId === instanceId);
}

export async function waitInstanceStatus(
  client: CloudClients,
  instanceId: string,
  target: 'Running' | 'Stopped',
  options: CallOptions,
): Promise<Instance> {
  const pending = target === 'Running' ? ['Pending', 'Starting', 'Stopped'] : ['Running', 'Stopping'];
  const found = await waitFor<Instance>({
    subject: instanceSubject(instanceId),
    refresh: byStatus(() => findInstance(client, instanceId, options)),
    pending,
    target: [target],
    delayMs: 500,
    ...POLL,
    ...options,
  });
  return found!;
}

export async function waitInstanceGone(client: CloudClients, instanceId: string, options: CallOptions): Promise<void> {
  await waitGone(() => findInstance(client, instanceId, options), { subject: instanceSubject(instanceId), ...POLL, ...options });
}

/** Disks by id (`DiskIds` JSON array, at most 100), in the order asked. */
export async function findDisks(client: CloudClients, diskIds: readonly string[], options: CallOptions): Promise<Disk[]> {
  if (diskIds.length === 0) return [];
  const request = new $Ecs.DescribeDisksRequest({ regionId: client.config.regionId, diskIds: JSON.stringify(diskIds), pageSize: 100 });
  const response = await orNotFound(() => callWithRetry(() => client.ecs.describeDisksWithOptions(request, client.runtime()), { ...options, action: 'DescribeDisks' }), undefined);
  if (response === undefined) return [];
  const disks = response.body?.disks?.disk ?? [];
  return diskIds.flatMap((id) => disks.filter((disk) => disk.diskId === id));
}

export async function findDisk(client: CloudClients, diskId: string, options: CallOptions): Promise<Disk | undefined> {
  return (await findDisks(client, [diskId], options))[0];
}

/** The instance's disks of one type (`system` or `data`), by device name. */
export async function instanceDisks(client: CloudClients, instanceId: string, diskType: 'system' | 'data', options: CallOptions): Promise<Disk[]> {
  const request = new $Ecs.DescribeDisksRequest({ regionId: client.config.regionId, instanceId, diskType, pageSize: 100 });
  const response = await callWithRetry(() => client.ecs.describeDisksWithOptions(request, client.runtime()), { ...options, action: 'DescribeDisks' });
  return [...(response.body?.disks?.disk ?? [])].sort((a, b) => ((a.device ?? '') < (b.device ?? '') ? -1 : 1));
}

export async function waitDiskStatus(client: CloudClients, diskId: string, target: readonly string[], options: CallOptions): Promise<Disk> {
  const found = await waitFor<Disk>({
    subject: diskSubject(diskId),
    refresh: byStatus(() => findDisk(client, diskId, options)),
    pending: [],
    target: [...target],
    ...POLL,
    ...options,
  });
  return found!;
}

export async function findSnapshot(client: CloudClients, snapshotId: string, options: CallOptions): Promise<Snapshot | undefined> {
  const request = new $Ecs.DescribeSnapshotsRequest({ regionId: client.config.regionId, snapshotIds: JSON.stringify([snapshotId]) });
  const response = await orNotFound(() => callWithRetry(() => client.ecs.describeSnapshotsWithOptions(request, client.runtime()), { ...options, action: 'DescribeSnapshots' }), undefined);
  return response?.body?.snapshots?.snapshot?.find((snapshot) => snapshot.snapshotId === snapshotId);
}

export async function waitSnapshotAccomplished(client: CloudClients, snapshotId: string, options: CallOptions): Promise<Snapshot> {
  const found = await waitFor<Snapshot>({
    subject: snapshotSubject(snapshotId),
    refresh: byStatus(() => findSnapshot(client, snapshotId, options)),
    pending: ['progressing'],
    target: ['accomplished'],
    failure: ['failed'],
    describe: ({ value }) => `${value.status ?? ''} ${value.progress ?? ''}`.trim(),
    ...POLL,
    ...options,
  });
  return found!;
}

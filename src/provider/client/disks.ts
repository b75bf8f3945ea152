/** ECS disks: find and wait, as `images.ts` does for images. */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { orNotFound } from './errors.js';
import { $Ecs } from './sdk.js';
import { byStatus, RESOURCE_POLL, waitFor } from './wait.js';

export type Disk = $Ecs.DescribeDisksResponseBodyDisksDisk;

export const diskSubject = (id: string): string => `ECS Disk (${id})`;

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
export async function findInstanceDisks(client: CloudClients, instanceId: string, diskType: 'system' | 'data', options: CallOptions): Promise<Disk[]> {
  const request = new $Ecs.DescribeDisksRequest({ regionId: client.config.regionId, instanceId, diskType, pageSize: 100 });
  const response = await callWithRetry(() => client.ecs.describeDisksWithOptions(request, client.runtime()), { ...options, action: 'DescribeDisks' });
  return [...(response.body?.disks?.disk ?? [])].sort((a, b) => ((a.device ?? '') < (b.device ?? '') ? -1 : 1));
}

/** Waits until the disk's status is one of `target` (any other status keeps waiting). */
export async function waitDiskStatus(client: CloudClients, diskId: string, target: readonly string[], options: CallOptions): Promise<Disk> {
  const found = await waitFor<Disk>({
    subject: diskSubject(diskId),
    refresh: byStatus(() => findDisk(client, diskId, options)),
    pending: [],
    target: [...target],
    ...RESOURCE_POLL,
    ...options,
  });
  return found!;
}

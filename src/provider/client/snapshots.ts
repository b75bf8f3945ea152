/** ECS snapshots: find and wait, as `images.ts` does for images. */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { orNotFound } from './errors.js';
import { $Ecs } from './sdk.js';
import { byStatus, parsePercent, RESOURCE_POLL, waitFor } from './wait.js';

export type Snapshot = $Ecs.DescribeSnapshotsResponseBodySnapshotsSnapshot;

export const snapshotSubject = (id: string): string => `ECS Snapshot (${id})`;

export async function findSnapshot(client: CloudClients, snapshotId: string, options: CallOptions): Promise<Snapshot | undefined> {
  const request = new $Ecs.DescribeSnapshotsRequest({ regionId: client.config.regionId, snapshotIds: JSON.stringify([snapshotId]) });
  const response = await orNotFound(() => callWithRetry(() => client.ecs.describeSnapshotsWithOptions(request, client.runtime()), { ...options, action: 'DescribeSnapshots' }), undefined);
  return response?.body?.snapshots?.snapshot?.find((snapshot) => snapshot.snapshotId === snapshotId);
}

/** Waits until the snapshot is `accomplished`; fails at once when it becomes `failed`. */
export async function waitSnapshotAccomplished(client: CloudClients, snapshotId: string, options: CallOptions): Promise<Snapshot> {
  const found = await waitFor<Snapshot>({
    subject: snapshotSubject(snapshotId),
    refresh: byStatus(() => findSnapshot(client, snapshotId, options)),
    pending: ['progressing'],
    target: ['accomplished'],
    failure: ['failed'],
    describe: ({ value }) => `${value.status ?? ''} ${value.progress ?? ''}`.trim(),
    percentDone: (snapshot) => parsePercent(snapshot.progress),
    ...RESOURCE_POLL,
    ...options,
  });
  return found!;
}

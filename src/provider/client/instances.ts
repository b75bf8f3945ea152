/**
 * ECS instances: find, status and wait, as `images.ts` does for images (`find…` returns
 * undefined when the instance does not exist, `wait…` polls until a state). Lookups use the
 * JSON-array id filter the real provider sends.
 */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { orNotFound } from './errors.js';
import { $Ecs } from './sdk.js';
import { byStatus, RESOURCE_POLL, waitFor, waitGone } from './wait.js';

export type Instance = $Ecs.DescribeInstancesResponseBodyInstancesInstance;

export const instanceSubject = (id: string): string => `ECS Instance (${id})`;

export async function findInstance(client: CloudClients, instanceId: string, options: CallOptions): Promise<Instance | undefined> {
  const request = new $Ecs.DescribeInstancesRequest({ regionId: client.config.regionId, instanceIds: JSON.stringify([instanceId]) });
  const response = await orNotFound(() => callWithRetry(() => client.ecs.describeInstancesWithOptions(request, client.runtime()), { ...options, action: 'DescribeInstances' }), undefined);
  return response?.body?.instances?.instance?.find((instance) => instance.instanceId === instanceId);
}

export async function waitInstanceStatus(client: CloudClients, instanceId: string, target: 'Running' | 'Stopped', options: CallOptions): Promise<Instance> {
  const pending = target === 'Running' ? ['Pending', 'Starting', 'Stopped'] : ['Running', 'Stopping'];
  const found = await waitFor<Instance>({
    subject: instanceSubject(instanceId),
    refresh: byStatus(() => findInstance(client, instanceId, options)),
    pending,
    target: [target],
    delayMs: 500,
    ...RESOURCE_POLL,
    ...options,
  });
  return found!;
}

export async function waitInstanceGone(client: CloudClients, instanceId: string, options: CallOptions): Promise<void> {
  await waitGone(() => findInstance(client, instanceId, options), { subject: instanceSubject(instanceId), ...RESOURCE_POLL, ...options });
}

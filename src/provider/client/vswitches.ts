/**
 * vSwitches: find and wait, as `images.ts` does for images. VPC product: import this module
 * directly, not through `index.ts` (see `vpcs.ts`).
 */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { orNotFound } from './errors.js';
import { $Vpc } from './sdk-vpc.js';
import { byStatus, RESOURCE_POLL, waitFor, waitGone } from './wait.js';

export type VSwitch = $Vpc.DescribeVSwitchAttributesResponseBody;

export const vswitchSubject = (id: string): string => `VSwitch (${id})`;

export async function findVSwitch(client: CloudClients, vSwitchId: string, options: CallOptions): Promise<VSwitch | undefined> {
  const request = new $Vpc.DescribeVSwitchAttributesRequest({ regionId: client.config.regionId, vSwitchId });
  const response = await orNotFound(
    () => callWithRetry(async () => (await client.vpc()).describeVSwitchAttributesWithOptions(request, client.runtime()), { ...options, action: 'DescribeVSwitchAttributes' }),
    undefined,
  );
  return response?.body?.vSwitchId ? response.body : undefined;
}

export async function waitVSwitchAvailable(client: CloudClients, vSwitchId: string, options: CallOptions): Promise<void> {
  await waitFor<VSwitch>({
    subject: vswitchSubject(vSwitchId),
    refresh: byStatus(() => findVSwitch(client, vSwitchId, options)),
    pending: ['Pending'],
    target: ['Available'],
    ...RESOURCE_POLL,
    ...options,
  });
}

export async function waitVSwitchGone(client: CloudClients, vSwitchId: string, options: CallOptions): Promise<void> {
  await waitGone(() => findVSwitch(client, vSwitchId, options), { subject: vswitchSubject(vSwitchId), ...RESOURCE_POLL, ...options });
}

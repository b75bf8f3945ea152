/**
 * VPCs: find, wait and the system route table, as `images.ts` does for images. VPC product
 * (2016-04-28): import this module directly, not through `index.ts`, so that loading the
 * client layer never loads the VPC SDK (`sdk-vpc.ts`).
 */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { orNotFound } from './errors.js';
import { $Vpc } from './sdk-vpc.js';
import { byStatus, RESOURCE_POLL, waitFor, waitGone } from './wait.js';

export type Vpc = $Vpc.DescribeVpcAttributeResponseBody;

export const vpcSubject = (id: string): string => `VPC (${id})`;

export async function findVpc(client: CloudClients, vpcId: string, options: CallOptions): Promise<Vpc | undefined> {
  const request = new $Vpc.DescribeVpcAttributeRequest({ regionId: client.config.regionId, vpcId });
  const response = await orNotFound(
    () => callWithRetry(async () => (await client.vpc()).describeVpcAttributeWithOptions(request, client.runtime()), { ...options, action: 'DescribeVpcAttribute' }),
    undefined,
  );
  return response?.body?.vpcId ? response.body : undefined;
}

/** The id of the VPC's system route table ("" when the answer lists none). */
export async function findSystemRouteTableId(client: CloudClients, vpcId: string, options: CallOptions): Promise<string> {
  const request = new $Vpc.DescribeRouteTableListRequest({ regionId: client.config.regionId, vpcId, routeTableType: 'System' });
  const response = await callWithRetry(async () => (await client.vpc()).describeRouteTableListWithOptions(request, client.runtime()), {
    ...options,
    action: 'DescribeRouteTableList',
  });
  const tables = response.body?.routerTableList?.routerTableListType ?? [];
  return tables.find((table) => table.routeTableType === 'System')?.routeTableId ?? '';
}

export async function waitVpcAvailable(client: CloudClients, vpcId: string, options: CallOptions): Promise<void> {
  await waitFor<Vpc>({
    subject: vpcSubject(vpcId),
    refresh: byStatus(() => findVpc(client, vpcId, options)),
    pending: ['Pending'],
    target: ['Available'],
    ...RESOURCE_POLL,
    ...options,
  });
}

export async function waitVpcGone(client: CloudClients, vpcId: string, options: CallOptions): Promise<void> {
  await waitGone(() => findVpc(client, vpcId, options), { subject: vpcSubject(vpcId), ...RESOURCE_POLL, ...options });
}

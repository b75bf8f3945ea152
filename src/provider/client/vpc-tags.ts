/**
 * Tag changes on VPC-product resources (`VPC`, `VSWITCH`) through the VPC API's own
 * TagResources / UnTagResources, computed as a diff like the ECS helper in `tags.ts`.
 * VPC product: import this module directly, not through `index.ts` (see `vpcs.ts`).
 */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { $Vpc } from './sdk-vpc.js';
import { diffTags, type Tags } from './tags.js';

export type VpcTagType = 'VPC' | 'VSWITCH';

export async function updateVpcTags(
  client: CloudClients,
  resourceType: VpcTagType,
  resourceId: string,
  before: Tags,
  after: Tags,
  options: CallOptions,
): Promise<void> {
  const diff = diffTags(before, after, client.config.flavour.systemTagPrefixes);
  if (diff.remove.length > 0) {
    const request = new $Vpc.UnTagResourcesRequest({ regionId: client.config.regionId, resourceType, resourceId: [resourceId], tagKey: [...diff.remove] });
    await callWithRetry(async () => (await client.vpc()).unTagResourcesWithOptions(request, client.runtime()), { ...options, action: 'UnTagResources' });
  }
  const add = Object.entries(diff.add);
  if (add.length > 0) {
    const request = new $Vpc.TagResourcesRequest({
      regionId: client.config.regionId,
      resourceType,
      resourceId: [resourceId],
      tag: add.map(([key, value]) => new $Vpc.TagResourcesRequestTag({ key, value })),
    });
    await callWithRetry(async () => (await client.vpc()).tagResourcesWithOptions(request, client.runtime()), { ...options, action: 'TagResources' });
  }
}

/** VPC-product resource-group moves (the VPC API has no JoinResourceGroup). */
export async function moveVpcResourceGroup(
  client: CloudClients,
  resourceType: 'vpc' | 'vswitch',
  resourceId: string,
  resourceGroupId: string,
  options: CallOptions,
): Promise<void> {
  const request = new $Vpc.MoveResourceGroupRequest({ regionId: client.config.regionId, resourceType, resourceId, newResourceGroupId: resourceGroupId });
  await callWithRetry(async () => (await client.vpc()).moveResourceGroupWithOptions(request, client.runtime()), { ...options, action: 'MoveResourceGroup' });
}

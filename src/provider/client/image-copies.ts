/**
 * CopyImage and the image share list (ModifyImageSharePermission, DescribeImageSharePermission),
 * for `alicloud_image_copy` and `alicloud_image_share_permission`. The copy is then found,
 * waited for and deleted with `images.ts`, in the provider's own region (the destination).
 */
import { buildClientToken } from './client-token.js';
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { CloudError, orNotFound } from './errors.js';
import { $Ecs } from './sdk.js';

export interface CopyImageInput {
  readonly sourceImageId: string;
  readonly sourceRegionId: string;
  readonly imageName?: string | undefined;
  readonly description?: string | undefined;
  readonly encrypted: boolean;
  readonly kmsKeyId?: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * CopyImage as the reference provider sends it: `RegionId` is the *source* region and
 * `DestinationRegionId` the provider's; `Encrypted` always sent. The request, with its
 * ClientToken, is built once so every retry is the same copy. Returns the copy's id.
 */
export async function copyImage(clients: CloudClients, input: CopyImageInput, options: CallOptions = {}): Promise<string> {
  const tags = Object.entries(input.tags);
  const request = new $Ecs.CopyImageRequest({
    regionId: input.sourceRegionId,
    imageId: input.sourceImageId,
    destinationRegionId: clients.config.regionId,
    destinationImageName: input.imageName,
    destinationDescription: input.description,
    encrypted: input.encrypted,
    KMSKeyId: input.kmsKeyId,
    tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.CopyImageRequestTag({ key, value })),
    clientToken: buildClientToken('CopyImage'),
  });
  const response = await callWithRetry(() => clients.ecs.copyImageWithOptions(request, clients.runtime()), { action: 'CopyImage', ...options });
  const imageId = response.body?.imageId;
  if (!imageId) {
    throw new CloudError({ kind: 'malformed-response', code: 'MalformedResponse', cloudMessage: 'CopyImage answered without an ImageId', requestId: response.body?.requestId });
  }
  return imageId;
}

/** The accounts an image in the provider's region is shared with, or undefined when the image is gone. */
export async function findImageShareAccounts(clients: CloudClients, imageId: string, options: CallOptions = {}): Promise<string[] | undefined> {
  const accounts: string[] = [];
  const pageSize = 100;
  for (let pageNumber = 1; ; pageNumber++) {
    const request = new $Ecs.DescribeImageSharePermissionRequest({ regionId: clients.config.regionId, imageId, pageNumber, pageSize });
    const response = await orNotFound(
      () => callWithRetry(() => clients.ecs.describeImageSharePermissionWithOptions(request, clients.runtime()), { action: 'DescribeImageSharePermission', ...options }),
      undefined,
    );
    if (response === undefined) return undefined;
    const page = (response.body?.accounts?.account ?? []).map((account) => account.aliyunId ?? '').filter((id) => id !== '');
    accounts.push(...page);
    if (page.length < pageSize || accounts.length >= (response.body?.totalCount ?? 0)) return accounts;
  }
}

/** Shares the image with one account (`add`) or stops sharing it (`remove`). */
export async function modifyImageShare(
  clients: CloudClients,
  input: { readonly imageId: string; readonly accountId: string; readonly change: 'add' | 'remove' },
  options: CallOptions = {},
): Promise<void> {
  const request = new $Ecs.ModifyImageSharePermissionRequest({
    regionId: clients.config.regionId,
    imageId: input.imageId,
    ...(input.change === 'add' ? { addAccount: [input.accountId] } : { removeAccount: [input.accountId] }),
  });
  await callWithRetry(() => clients.ecs.modifyImageSharePermissionWithOptions(request, clients.runtime()), { action: 'ModifyImageSharePermission', ...options });
}

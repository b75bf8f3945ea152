/** The handlers of `alicloud_image_share_permission` (behaviour in `image-share-permission.ts`). */
import { findImageShareAccounts, modifyImageShare, orNotFound, type CallOptions, type CloudClients } from '../client/index.js';
import type { StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, operationOptions, readOptions } from '../shared/operations.js';
import { textOf } from '../shared/values.js';

const subject = (id: string): string => `Image Share Permission (${id})`;

/** `<image_id>:<account_id>`; throws on any other shape. */
function parseId(id: string): { readonly imageId: string; readonly accountId: string } {
  const parts = id.split(':');
  const [imageId = '', accountId = ''] = parts;
  if (parts.length !== 2 || imageId === '' || accountId === '') {
    throw new Error(`unexpected ID ${JSON.stringify(id)} of alicloud_image_share_permission: expected <image_id>:<account_id>`);
  }
  return { imageId, accountId };
}

/** The share as state, or null when the image is gone or no longer shared with the account. */
async function readShare(client: CloudClients, id: string, options: CallOptions): Promise<StateInput | null> {
  const { imageId, accountId } = parseId(id);
  const accounts = await findImageShareAccounts(client, imageId, options);
  if (accounts === undefined || !accounts.includes(accountId)) return null;
  return { id, image_id: imageId, account_id: accountId };
}

export const imageSharePermissionOperations: ResourceHandlers = {
  create(request) {
    const { client, config } = request;
    const imageId = textOf(config, 'image_id') ?? '';
    const accountId = textOf(config, 'account_id') ?? '';
    return createResource(request, {
      subject,
      action: 'ModifyImageSharePermission',
      send: async (options) => {
        await modifyImageShare(client, { imageId, accountId, change: 'add' }, options);
        return `${imageId}:${accountId}`;
      },
      read: (id, options) => readShare(client, id, options),
    });
  },

  read: (request) => readShare(request.client, request.state['id'] as string, readOptions(request)),

  async delete(request) {
    const { imageId, accountId } = parseId(request.state['id'] as string);
    await orNotFound(() => modifyImageShare(request.client, { imageId, accountId, change: 'remove' }, operationOptions(request, 'delete')), undefined);
  },

  importState: async (request) => {
    parseId(request.id);
    return { id: request.id };
  },
};

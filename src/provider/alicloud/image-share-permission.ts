/**
 * `alicloud_image_share_permission`: one account an image of this account is shared with
 * (that account then sees it as `others`). Id `<image_id>:<account_id>`, as upstream
 * (resource_alicloud_image_share_permission.go). Calls ModifyImageSharePermission
 * (`AddAccount.1` / `RemoveAccount.1`) and DescribeImageSharePermission, in the provider's region.
 *
 * Where we differ from the reference provider, and why:
 * 1. Read checks that *this* account is among the image's shares (every page of them); the
 *    reference only checked that the list was not empty, so an account unshared outside
 *    terraform stayed in state as long as any other share remained.
 * 2. `account_id` must be a numeric account id at plan time (ECS answers
 *    InvalidAccount.NotFound only at apply).
 * 3. Destroy of a share whose image is already gone succeeds.
 */
import type { CloudClients } from '../client/index.js';
import { validators, type BlockSchema, type ResourceDefinition } from '../framework/index.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { idRule } from '../shared/validators.js';

export const imageSharePermissionSchema: BlockSchema = {
  description: 'Shares a custom image with another account.',
  attributes: {
    account_id: {
      type: 'string',
      required: true,
      forceNew: true,
      validators: [validators.stringMatch(/^[0-9]+$/, 'a numeric Alibaba Cloud account ID')],
      description: 'The account the image is shared with.',
    },
    image_id: {
      type: 'string',
      required: true,
      forceNew: true,
      validators: [idRule('image')],
      description: 'The custom image to share, in the provider\'s region.',
    },
  },
};

export const imageSharePermissionResource: ResourceDefinition<CloudClients> = lazyResource(
  { typeName: 'alicloud_image_share_permission', displayName: 'Image Share Permission', schema: imageSharePermissionSchema },
  () => import('./image-share-permission-operations.js').then((module) => module.imageSharePermissionOperations),
  { update: false, importState: true },
);

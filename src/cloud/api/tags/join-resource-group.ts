/**
 * ECS JoinResourceGroup: moves one of the caller's resources (instance, disk,
 * snapshot, image, security group, key pair) into another of the caller's resource
 * groups. The resource's own row carries the group, so this writes the
 * `resource_group_id` column of the owning area's table.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { ECS_RESOURCE_GROUP_TYPES, findOwnedResources, moveToResourceGroup, storedEcsType } from './taggable.js';

export async function joinResourceGroup(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const resourceId = params.requiredString('ResourceId');
  const groupId = params.requiredString('ResourceGroupId');
  const typeName = params.requiredString('ResourceType');
  if (!ECS_RESOURCE_GROUP_TYPES.has(typeName.toLowerCase())) throw new EcsError('InvalidResourceType.NotFound');
  const resourceGroupId = await resolveResourceGroupId(ctx, groupId);
  const stored = storedEcsType(typeName);
  const owned =
    stored === undefined
      ? undefined
      : (await findOwnedResources(ctx.db, { accountId: ctx.account.id, regionId: ctx.regionId }, stored, [resourceId])).get(
          resourceId,
        );
  if (stored === undefined || owned === undefined) throw new EcsError('InvalidResourceId.NotFound');
  if (owned.resourceGroupId === resourceGroupId) throw new EcsError('InvalidResourceGroup.Duplicate');
  await moveToResourceGroup(ctx.db, stored, owned.id, resourceGroupId);
  return {};
}

/**
 * The tag and resource-group actions: ECS TagResources, UntagResources,
 * ListTagResources and JoinResourceGroup (`tagsEcsActions`), and the VPC
 * product's TagResources, UnTagResources and ListTagResources for `VPC` and
 * `VSWITCH` (`tagsVpcActions`, served through the network area's VPC table).
 */
import type { ActionTable } from '../action.js';
import { joinResourceGroup } from './join-resource-group.js';
import { listTagResources, tagResources, untagResources, type ResolvedType } from './tag-resources.js';
import { ECS_TAG_RESOURCE_TYPES, VPC_TAG_RESOURCE_TYPES, storedEcsType } from './taggable.js';

/** ECS names are lowercase as the SDK docs list them; other spellings are read the same way. */
function ecsType(name: string): ResolvedType | undefined {
  const lower = name.toLowerCase();
  if (!ECS_TAG_RESOURCE_TYPES.has(lower)) return undefined;
  return { stored: storedEcsType(lower), echo: lower };
}

/** VPC names are uppercase (`VPC`, `VSWITCH`); other VPC resource types are not kept here. */
function vpcType(name: string): ResolvedType | undefined {
  const upper = name.toUpperCase();
  const stored = VPC_TAG_RESOURCE_TYPES[upper];
  return stored === undefined ? undefined : { stored, echo: upper };
}

export const tagsEcsActions: ActionTable = {
  TagResources: { handler: (ctx) => tagResources(ctx, ecsType), regionIdRequired: true },
  UntagResources: { handler: (ctx) => untagResources(ctx, ecsType), regionIdRequired: true },
  ListTagResources: { handler: (ctx) => listTagResources(ctx, ecsType), readOnly: true, regionIdRequired: true },
  JoinResourceGroup: { handler: joinResourceGroup },
};

/** The VPC product spells its untag action `UnTagResources`. */
export const tagsVpcActions: ActionTable = {
  TagResources: { handler: (ctx) => tagResources(ctx, vpcType), regionIdRequired: true },
  UnTagResources: { handler: (ctx) => untagResources(ctx, vpcType), regionIdRequired: true },
  ListTagResources: { handler: (ctx) => listTagResources(ctx, vpcType), readOnly: true, regionIdRequired: true },
};

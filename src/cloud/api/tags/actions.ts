/**
 * The tag and resource-group actions: ECS TagResources, UntagResources,
 * ListTagResources, JoinResourceGroup and the legacy AddTags / RemoveTags /
 * DescribeTags (`tagsEcsActions`), and the VPC
 * product's TagResources, UnTagResources and ListTagResources for `VPC` and
 * `VSWITCH` (`tagsVpcActions`, served through the network area's VPC table).
 */
import type { ActionTable } from '../action.js';
import { joinResourceGroup } from './join-resource-group.js';
import { addTags, describeTags, removeLegacyTags } from './legacy-tags.js';
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
  // Deprecated, still in ECS's action table: Packer 1.6 and aliyungo call them (legacy-tags.ts).
  AddTags: { handler: (ctx) => addTags(ctx, ecsType), regionIdRequired: true },
  RemoveTags: { handler: (ctx) => removeLegacyTags(ctx, ecsType), regionIdRequired: true },
  DescribeTags: { handler: (ctx) => describeTags(ctx, ecsType), readOnly: true, regionIdRequired: true },
};

/** The VPC product spells its untag action `UnTagResources`. */
export const tagsVpcActions: ActionTable = {
  TagResources: { handler: (ctx) => tagResources(ctx, vpcType), regionIdRequired: true },
  UnTagResources: { handler: (ctx) => untagResources(ctx, vpcType), regionIdRequired: true },
  ListTagResources: { handler: (ctx) => listTagResources(ctx, vpcType), readOnly: true, regionIdRequired: true },
};

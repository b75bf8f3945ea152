/**
 * `alicloud_image_copy`: a copy of one of the account's custom images, made in the provider's
 * region from another region (users write a second, aliased provider for the destination).
 * Calls: CopyImage (`RegionId` = the source region, `DestinationRegionId` = the provider's),
 * DescribeImages, ModifyImageAttribute, TagResources/UntagResources, DeleteImage and
 * DeleteSnapshot, through `provider/client` (`image-copies.ts`, `images.ts`).
 *
 * Where we differ from the reference provider (resource_alicloud_image_copy.go), and why:
 * 1. The wait polls from the start (every second) instead of sleeping a minute first, and
 *    waits until the copy is Available *and* Usable, as `alicloud_image` does.
 * 2. CopyImage carries a ClientToken and the id is recorded as soon as it answers, so a
 *    timeout or Ctrl-C leaves the copy in state (tainted), never orphaned.
 * 3. `description` is Optional+Computed: a copy inherits the source's description when none
 *    is given and ECS cannot clear one, so an unset argument keeps what the copy has.
 * 4. Reads list every status, so a Deprecated copy is still managed (and deleted).
 * 5. Destroy deletes the copy's snapshots unless `delete_auto_snapshot = false`: CopyImage
 *    makes a new snapshot per disk in this region, for the copy alone, and ECS keeps them
 *    after DeleteImage (the reference kept them unless the argument was true).
 * 6. Import takes `<copy id>` or `<copy id>:<source region>:<source image id>`. ECS does not
 *    report a copy's source, so after a plain import the source arguments are unknown to the
 *    state; rather than replacing the copy it just imported, the plan then adopts the
 *    configured source in place (see `modifyPlan`). The long form gives an empty plan.
 *
 * Schema and plan checks only; the handlers load from `image-copy-operations.ts`.
 */
import type { CloudClients } from '../client/index.js';
import { imageDescriptionProblem } from '../../domain/image-text-rules.js';
import { validators, type BlockSchema, type ModifyPlanRequest, type ModifyPlanResult, type ResourceDefinition } from '../framework/index.js';
import { adoptUnreadArguments } from '../shared/adopt-unread.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { idRule, rule, tagsRule } from '../shared/validators.js';
import { DEPRECATED_NAME_ATTRIBUTE, imageNameAttribute } from './image.js';


/** The arguments ECS cannot report for a copy: after an import, only the configuration knows them. */
export const COPY_SOURCE_ARGUMENTS = ['source_image_id', 'source_region_id', 'encrypted', 'kms_key_id'] as const;

export const imageCopySchema: BlockSchema = {
  description: 'A copy, in the provider\'s region, of a custom image from another region.',
  attributes: {
    delete_auto_snapshot: {
      type: 'bool',
      optional: true,
      description: 'Whether destroy also deletes the snapshots CopyImage made for the copy (unset or true: deleted; false: kept).',
    },
    description: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [rule(imageDescriptionProblem)],
      description: 'Description of the copy, 2 to 256 characters; the source\'s when unset.',
    },
    encrypted: { type: 'bool', optional: true, forceNew: true, description: 'Whether the copy is encrypted.' },
    force: { type: 'bool', optional: true, default: false, description: 'Delete the copy even if instances use it.' },
    image_name: imageNameAttribute('Name of the copy: 2 to 128 characters, starting with a letter; the source\'s when unset.'),
    kms_key_id: { type: 'string', optional: true, forceNew: true, description: 'KMS key that encrypts the copy.' },
    name: DEPRECATED_NAME_ATTRIBUTE,
    source_image_id: { type: 'string', required: true, forceNew: true, validators: [idRule('image')], description: 'The image to copy.' },
    source_region_id: {
      type: 'string',
      required: true,
      forceNew: true,
      validators: [validators.stringMatch(/^[a-z]{2}-[a-z0-9-]+$/, 'a region ID such as cn-hangzhou')],
      description: 'The region of the image to copy; the copy is made in the provider\'s region.',
    },
    tags: { type: ['map', 'string'], optional: true, validators: [tagsRule], description: 'Tags of the copy.' },
  },
};

export const IMAGE_COPY_TIMEOUTS = Object.freeze({ create: '10m', delete: '10m' });

/**
 * After a plain-id import the state has no source (ECS does not report it): the configured
 * source arguments are adopted in place instead of replacing the copy. Otherwise, and in
 * every other plan, ForceNew stands.
 */
async function modifyPlan(request: ModifyPlanRequest<CloudClients>): Promise<ModifyPlanResult | void> {
  if (request.config === null || request.prior === null || request.prior['source_image_id'] !== null) return;
  return adoptUnreadArguments(request, COPY_SOURCE_ARGUMENTS, {
    summary: 'the copy\'s source is taken from the configuration',
    detail: 'ECS does not report which image a copy was made from, so after an import the source arguments are recorded as configured, without replacing the copy.',
    path: ['source_image_id'],
  });
}

export const imageCopyResource: ResourceDefinition<CloudClients> = lazyResource(
  { typeName: 'alicloud_image_copy', displayName: 'ECS Image Copy', schema: imageCopySchema, timeouts: IMAGE_COPY_TIMEOUTS, modifyPlan },
  () => import('./image-copy-operations.js').then((module) => module.imageCopyOperations),
  { update: true, importState: true },
);

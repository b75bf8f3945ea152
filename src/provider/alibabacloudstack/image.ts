/**
 * `alibabacloudstack_image` (alias `alibabacloudstack_ecs_image`): an ECS custom image on
 * Apsara Stack, with the arguments its documentation page lists
 * (docs/alibabacloudstack/resources/image.md). Calls:
 * CreateImage, DescribeImages (ImageOwnerAlias=self), ModifyImageAttribute,
 * TagResources/UntagResources and DeleteImage, through `provider/client` — the same image
 * operations, waiters and domain rules as `alicloud_image`; what differs is data (the
 * ALIBABACLOUDSTACK flavour: scoping decoration, lookup statuses, system tag prefixes).
 * Every call carries the tenant's organization and resource set, so the image is created in,
 * and looked up within, the configured resource set.
 *
 * Where we follow the documentation rather than the reference provider
 * (terraform-provider-alibabacloudstack's resource_apsarastack_ecs_image.go, v3.16), and
 * other fixes:
 * 1. `force` exists (removed upstream in 2025 while its docs kept it); DeleteImage gets
 *    `Force=true` only when it is true.
 * 2. Timeouts: create and delete 10 minutes, and both are honoured. Upstream waited a fixed
 *    20 minutes before the first poll, so a 10-minute create always timed out; we poll from
 *    the first second.
 * 3. The documented rules are checked at plan time: `image_name` 2–128 characters starting
 *    with a letter or a Chinese character, no http(s)://; `description` 2–256 characters not
 *    starting with http(s)://; at most 20 `tags`; `disk_device_mapping.size` 5–2000 GiB.
 * 4. `description` is Optional+Computed: ECS cannot clear a description (an empty value means
 *    "unchanged"), so removing the argument keeps it instead of a diff that never converges.
 * 5. Read always reports the image's tags (upstream kept stale state tags when the image had
 *    none, so tags removed outside Terraform went unnoticed).
 * 6. Create sends the tags, name and description once, with CreateImage (upstream repeated
 *    them with TagResources and ModifyImageAttribute); an unset mapping `size` is left out
 *    instead of sent as `Size=0`; a ClientToken makes retries safe.
 * 7. A create without any of instance_id, snapshot_id or disk_device_mapping fails at plan
 *    time rather than at the API.
 * 8. No pre-check calls: the cloud itself refuses an instance that is not Running or Stopped
 *    and an unknown snapshot, so upstream's DescribeInstances/DescribeSnapshots (with their
 *    strict time-format parsing) are not needed.
 * 9. Destroy leaves nothing behind: the snapshots the image's own creation made (CreateImage
 *    from an instance snapshots every disk; ECS keeps them after DeleteImage) are deleted
 *    with the image, always (there is no `delete_auto_snapshot` here; upstream left them).
 *    Snapshots the configuration supplied are never deleted: they are remembered in private
 *    state at creation. For an imported image (no record) only an instance-made image's
 *    snapshots are deleted. The same code as `alicloud_image`: `client/images.ts`.
 * 10. Import with `instance_id` or `snapshot_id` in the configuration does not plan a
 *    replacement. Both are ForceNew and ECS never reports an image's source, so the imported
 *    state has null; a source the configuration sets where the state has none, on an image
 *    without a creation record (only an imported one), is adopted into state in place
 *    (an update without API calls). An image this resource created keeps the ForceNew rule.
 *
 * This file holds what terraform needs without calling the cloud (schema, plan checks); the
 * handlers in `image-operations.ts`, and the SDK with them, load only when one runs.
 */
import type { CloudClients } from '../client/index.js';
import {
  DiagnosticError,
  validators,
  type BlockSchema,
  type ModifyPlanRequest,
  type ModifyPlanResult,
  type Path,
  type ResourceDefinition,
  type Value,
} from '../framework/index.js';
import { imageDescriptionProblem, imageNameProblem } from '../../domain/image-text-rules.js';
import { APSARA_IMAGE_DISK_SIZE } from '../../domain/disk-limits.js';
import { creationRecord } from '../client/image-creation-record.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { rule, tagsRule } from '../shared/validators.js';

export const IMAGE_TIMEOUTS = Object.freeze({ create: '10m', delete: '10m' });

const SOURCES = ['instance_id', 'snapshot_id', 'disk_device_mapping'] as const;
const othersThan = (name: (typeof SOURCES)[number]): string[] => SOURCES.filter((other) => other !== name);

export const imageSchema: BlockSchema = {
  description: 'An ECS custom image on Apsara Stack, made from an instance, a system disk snapshot or a set of disk snapshots.',
  attributes: {
    instance_id: {
      type: 'string',
      optional: true,
      forceNew: true,
      conflictsWith: othersThan('instance_id'),
      description: 'The instance ID.',
    },
    snapshot_id: {
      type: 'string',
      optional: true,
      forceNew: true,
      conflictsWith: othersThan('snapshot_id'),
      description: 'A snapshot used to create the custom image.',
    },
    image_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [rule((value) => imageNameProblem(value, { allowChinese: true }))],
      description: '2 to 128 characters, starting with a letter or a Chinese character; digits, colons, underscores, hyphens; no http(s)://.',
    },
    description: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [rule(imageDescriptionProblem)],
      description: '2 to 256 characters, not starting with http:// or https://.',
    },
    tags: { type: ['map', 'string'], optional: true, validators: [tagsRule], description: 'Tags of the image: 1 to 20.' },
    force: {
      type: 'bool',
      optional: true,
      default: false,
      description: 'Delete the image even if instances use it. Default false.',
    },
  },
  blocks: {
    disk_device_mapping: {
      nesting: 'list',
      computed: true,
      forceNew: true,
      conflictsWith: othersThan('disk_device_mapping'),
      description: 'The disks and snapshots of the image.',
      attributes: {
        size: {
          type: 'number',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.intBetween(APSARA_IMAGE_DISK_SIZE.min, APSARA_IMAGE_DISK_SIZE.max)],
          description: 'Size of the disk in GiB: 5 to 2000.',
        },
        snapshot_id: { type: 'string', optional: true, computed: true, forceNew: true, description: 'Snapshot of the disk.' },
      },
    },
  },
};

function isNull(value: Value | undefined): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The source arguments ECS never reports, so an imported image has null for them. */
const UNREPORTED_SOURCES: readonly string[] = ['instance_id', 'snapshot_id'];

/**
 * The replacement paths that only adopt a source into an imported image's state: null in
 * state, a known value in config, and no creation record (fix 10).
 */
function adoptedSources(request: ModifyPlanRequest<CloudClients>): Set<string> {
  const { config, prior } = request;
  const adopted = new Set<string>();
  if (config === null || prior === null || creationRecord(request.private) !== undefined) return adopted;
  for (const name of UNREPORTED_SOURCES) {
    if (isNull(prior[name]) && typeof config[name] === 'string') adopted.add(name);
  }
  return adopted;
}

function isOnly(path: Path, names: Set<string>): boolean {
  return path.length === 1 && (path[0] === 'id' || names.has(String(path[0])));
}

/**
 * A new image needs a source (the per-attribute rules cannot see that); a source adopted after
 * an import is no reason to replace the image.
 */
async function modifyPlan(request: ModifyPlanRequest<CloudClients>): Promise<ModifyPlanResult | void> {
  const { config, prior, plan } = request;
  if (config === null || plan === null) return;
  const adopted = adoptedSources(request);
  if (adopted.size > 0 && request.requiresReplace.length > 0 && request.requiresReplace.every((path) => isOnly(path, adopted))) {
    request.logger.info(`adopting ${[...adopted].join(', ')} from the configuration into the imported image's state`);
    return { requiresReplace: [] };
  }
  const creating = prior === null || request.requiresReplace.length > 0;
  if (creating && SOURCES.every((name) => isNull(config[name]))) {
    throw new DiagnosticError('no image source', {
      detail: 'Set one of instance_id, snapshot_id or disk_device_mapping: the image is made from an instance, a system disk snapshot or a set of disk snapshots.',
      path: ['instance_id'],
    });
  }
}

export const imageResource: ResourceDefinition<CloudClients> = lazyResource(
  { typeName: 'alibabacloudstack_image', displayName: 'ECS Image', schema: imageSchema, timeouts: IMAGE_TIMEOUTS, modifyPlan },
  () => import('./image-operations.js').then((module) => module.imageOperations),
  { update: true, importState: false },
);

/** The same implementation under the name the current upstream documentation uses. */
export const ecsImageResource: ResourceDefinition<CloudClients> = { ...imageResource, typeName: 'alibabacloudstack_ecs_image' };

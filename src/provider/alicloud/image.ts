/**
 * `alicloud_image`: an ECS custom image, with every argument and attribute the provider's
 * documentation page lists (docs/resources/image.md). Calls: CreateImage, DescribeImages (Status=ALL, ImageOwnerAlias=self),
 * ModifyImageAttribute, JoinResourceGroup, TagResources/UntagResources, DeleteImage and
 * DeleteSnapshot, all through `provider/client` (official SDK, retries, waiters).
 *
 * Lifecycle: create sends CreateImage once per ClientToken (retries reuse it, and
 * IncorrectInstanceStatus is retried while the instance settles), records the id at once
 * (`created()`: a timeout or Ctrl-C after that leaves the image in state, tainted, never
 * orphaned), waits until the image is Available *and* Usable within the create timeout
 * logging its progress, applies what CreateImage cannot take, and ends with Read. Read
 * removes an image that no longer exists from state. Import is passthrough (`m-…`).
 *
 * Where we differ from the reference provider (terraform-provider-alicloud's
 * resource_alicloud_image.go, v1.2xx), and why:
 * 1. `architecture` is Optional+Computed+ForceNew without a default, and Architecture is sent
 *    only when set: the reference's default x86_64 forced a replacement of every arm64
 *    image (and overrode an arm64 source instance's architecture at creation).
 * 2. Disk mapping `Size` arrives as a string ("40") and is converted to a number; the
 *    reference dropped the whole list on the type mismatch.
 * 3. No "settle" wait after an update: ModifyImageAttribute is synchronous, and the
 *    reference's wait for Description == config hung until the timeout when the
 *    description was cleared (ECS keeps it) or missing from the answer.
 * 4. A `license_type` change alone calls ModifyImageAttribute (the reference only sent it
 *    along with another change); at creation, `license_type` and `features.nvme_support`,
 *    which CreateImage does not take, are applied with ModifyImageAttribute once the image
 *    is usable (the reference never sent them on create).
 * 5. Destroy deletes the snapshots the image's own creation made unless
 *    `delete_auto_snapshot = false` (unset or true: deleted). CreateImage from an instance
 *    snapshots every disk and ECS keeps those snapshots after DeleteImage, so the reference's
 *    default (keep them unless true) left one snapshot per disk after `terraform destroy` of
 *    its own Example Usage. "The creation's own" is every snapshot the image lists minus the
 *    ones the configuration supplied (`snapshot_id`, `disk_device_mapping.*.snapshot_id`),
 *    remembered in private state at creation; the reference deleted the user's own snapshots
 *    too. For an imported image (no record) only an instance-made image's snapshots are
 *    deleted; otherwise none, with a warning. Shared with `alibabacloudstack_image`:
 *    `client/images.ts` (`deleteImageIfPresent`) and `client/image-creation-record.ts`.
 * 6. `description`, `image_family` and `license_type` are Optional+Computed: ECS cannot
 *    clear them (an empty value means "unchanged"), so removing the argument keeps the
 *    current value instead of planning a change that can never converge.
 * 7. Tags change by diff: only removed keys are untagged and only new or changed ones
 *    tagged (the reference untagged changed keys, then re-tagged the whole map).
 * 8. Reads use Status=ALL, so a Creating or Deprecated image is not taken for deleted, and
 *    Delete deletes a Deprecated image instead of skipping it.
 * 9. `instance_id`, `snapshot_id` and `disk_device_mapping` may be set together, as upstream
 *    allows since v1.227 (it dropped their ConflictsWith); ECS makes the image from one of
 *    them by priority (instance, then mappings, then snapshot), so the plan warns which one it
 *    uses and which it ignores, and checks the mappings only when ECS will use them. A create
 *    without any of them fails at plan time instead of at the API.
 * 10. A CreateImage request already sent is never abandoned on timeout or Ctrl-C: the call
 *    completes (only retries stop), so the id it returns is recorded (`shared/operations.ts`,
 *    as for every resource).
 *
 * This file holds what terraform needs without calling the cloud: the schema (the documented
 * rules checked at plan time through the shared `domain/` rules, so the provider and the
 * cloud agree on what is valid) and the plan checks. The handlers, and the SDK with them,
 * load from `image-operations.ts` only when one runs.
 */
import type { CloudClients } from '../client/index.js';
import {
  ARCHITECTURES,
  BOOT_MODES,
  DETECTION_STRATEGIES,
  IMAGE_DISK_TYPES,
  LICENSE_TYPES,
  NVME_SUPPORT_VALUES,
  PLATFORMS,
} from '../../domain/image-enums.js';
import { imageDescriptionProblem, imageFamilyProblem, imageNameProblem, imageVersionProblem } from '../../domain/image-text-rules.js';
import { IMAGE_DISK_SIZE_BOUNDS, MAX_DATA_DISKS } from '../../domain/disk-limits.js';
import {
  DiagnosticError,
  validators,
  type AttributeSchema,
  type BlockSchema,
  type ModifyPlanRequest,
  type ModifyPlanResult,
  type PlanWarning,
  type ResourceDefinition,
  type Value,
  type ValueObject,
} from '../framework/index.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { idRule, rule, tagsRule } from '../shared/validators.js';

export const NAME_DEPRECATION = "Field 'name' has been deprecated since provider version 1.227.0. New field 'image_name' instead.";

const nameRule = rule((value) => imageNameProblem(value));
const deviceRule = validators.stringMatch(/^\/dev\/x?vd[a-z]$/, 'must be /dev/vda to /dev/vdz, or /dev/xvda to /dev/xvdz for basic disks');

/** `image_name` of the image resources (`alicloud_image`, `alicloud_image_copy`), with its own description. */
export function imageNameAttribute(description: string): AttributeSchema {
  return {
    type: 'string',
    optional: true,
    computed: true,
    useStateForUnknown: true,
    changesWith: ['name'],
    conflictsWith: ['name'],
    validators: [nameRule],
    description,
  };
}

/** The deprecated `name` of the image resources (`alicloud_image`, `alicloud_image_copy`). */
export const DEPRECATED_NAME_ATTRIBUTE: AttributeSchema = {
  type: 'string',
  optional: true,
  computed: true,
  useStateForUnknown: true,
  changesWith: ['image_name'],
  deprecated: NAME_DEPRECATION,
  validators: [nameRule],
  description: 'Deprecated: use image_name.',
};

export const imageSchema: BlockSchema = {
  description: 'An ECS custom image, made from an instance, a system disk snapshot or a set of disk snapshots.',
  attributes: {
    architecture: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(ARCHITECTURES)],
      description: 'System architecture: i386, x86_64 or arm64. Default: the source instance\'s, otherwise x86_64.',
    },
    boot_mode: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringInSlice(BOOT_MODES)],
      description: 'Boot mode: BIOS, UEFI or UEFI-Preferred.',
    },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the image was created.' },
    delete_auto_snapshot: {
      type: 'bool',
      optional: true,
      description: 'Whether destroy also deletes the snapshots the image creation made (unset or true: deleted; false: kept). Snapshots you supplied are never deleted.',
    },
    description: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [rule(imageDescriptionProblem)],
      description: '2 to 256 characters, not starting with http:// or https://.',
    },
    detection_strategy: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(DETECTION_STRATEGIES)],
      description: 'Image check mode at creation; only Standard exists.',
    },
    force: { type: 'bool', optional: true, default: false, description: 'Delete the image even if instances use it.' },
    image_family: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [rule((value) => imageFamilyProblem(value))],
      description: 'Image family: 2 to 128 characters, starting with a letter.',
    },
    image_name: imageNameAttribute('Image name: 2 to 128 characters, starting with a letter, not with aliyun or acs:.'),
    image_version: {
      type: 'string',
      optional: true,
      forceNew: true,
      validators: [rule(imageVersionProblem)],
      description: 'Image version.',
    },
    instance_id: {
      type: 'string',
      optional: true,
      validators: [idRule('instance')],
      description: 'Create the image from this instance (Running or Stopped); ECS prefers it to disk_device_mapping and snapshot_id.',
    },
    license_type: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringInSlice(LICENSE_TYPES)],
      description: 'License used to activate the operating system: Auto, Aliyun or BYOL.',
    },
    name: DEPRECATED_NAME_ATTRIBUTE,
    platform: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(PLATFORMS)],
      description: 'Operating system distribution of the system disk. Default: the source\'s, otherwise Others Linux.',
    },
    resource_group_id: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [idRule('resourceGroup')],
      description: 'Resource group of the image; the default group when unset.',
    },
    snapshot_id: {
      type: 'string',
      optional: true,
      validators: [idRule('snapshot')],
      description: 'Create the image from this system disk snapshot; ECS ignores it when instance_id or disk_device_mapping is set.',
    },
    status: { type: 'string', computed: true, useStateForUnknown: true, description: 'Image status (Creating, Available, ...).' },
    tags: {
      type: ['map', 'string'],
      optional: true,
      validators: [tagsRule],
      description: 'Tags of the image.',
    },
    usable: { type: 'bool', computed: true, useStateForUnknown: true, description: 'Whether instances can be created from the image.' },
  },
  blocks: {
    disk_device_mapping: {
      nesting: 'list',
      computed: true,
      forceNew: true,
      // No MaxItems, as upstream: ECS ignores the mappings next to instance_id, so the
      // 1 + 16 limit is checked at plan time only when it uses them (modifyPlan below).
      description: 'The disks of the image: one system disk and up to 16 data disks.',
      attributes: {
        device: { type: 'string', optional: true, computed: true, forceNew: true, validators: [deviceRule] },
        disk_type: {
          type: 'string',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.stringInSlice(IMAGE_DISK_TYPES)],
        },
        size: {
          type: 'number',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.intBetween(IMAGE_DISK_SIZE_BOUNDS.min, IMAGE_DISK_SIZE_BOUNDS.max)],
        },
        snapshot_id: {
          type: 'string',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [idRule('snapshot')],
        },
        format: { type: 'string', computed: true },
        import_oss_bucket: { type: 'string', computed: true },
        import_oss_object: { type: 'string', computed: true },
        progress: { type: 'string', computed: true },
        remain_time: { type: 'number', computed: true },
      },
    },
    features: {
      nesting: 'list',
      computed: true,
      // Its one field is ForceNew: an in-place update never changes it.
      useStateForUnknown: true,
      maxItems: 1,
      description: 'Image features.',
      attributes: {
        nvme_support: {
          type: 'string',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.stringInSlice(NVME_SUPPORT_VALUES)],
        },
      },
    },
  },
};

export const IMAGE_TIMEOUTS = Object.freeze({ create: '10m', update: '10m', delete: '10m' });

/** Unset: null, or no `disk_device_mapping` block at all. An unknown value counts as set. */
function isUnset(value: Value | undefined): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The image sources in the order ECS prefers them (CreateImage takes the first one given). */
const SOURCES_BY_PRIORITY = ['instance_id', 'disk_device_mapping', 'snapshot_id'] as const;

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Several sources set: the one ECS uses and the ones it ignores, as a plan warning. */
function sourceWarning(config: ValueObject): PlanWarning | undefined {
  const set = SOURCES_BY_PRIORITY.filter((name) => !isUnset(config[name]));
  const [used, ...ignored] = set;
  if (used === undefined || ignored.length === 0) return undefined;
  return {
    summary: `several image sources: ECS uses ${used}`,
    detail:
      `ECS makes an image from one source, by priority instance_id, then disk_device_mapping, then snapshot_id: ` +
      `it uses ${used} and ignores ${joinNames(ignored)}. Remove ${ignored.length === 1 ? 'it' : 'them'} from the configuration to say what happens.`,
    path: [ignored[0] as string],
  };
}

/** Plan-time rules across attributes that the per-attribute validators cannot see. */
function checkPlan(config: ValueObject, creating: boolean): void {
  const mappings = config['disk_device_mapping'];
  if (creating && SOURCES_BY_PRIORITY.every((name) => isUnset(config[name]))) {
    throw new DiagnosticError('no image source', {
      detail: 'Set one of instance_id, snapshot_id or disk_device_mapping: the image is made from an instance, a system disk snapshot or a set of disk snapshots.',
      path: ['instance_id'],
    });
  }
  // ECS ignores the mappings of an image made from an instance: so does the check.
  if (!Array.isArray(mappings) || !isUnset(config['instance_id'])) return;
  const items = mappings as readonly Value[];
  if (items.length > MAX_DATA_DISKS + 1) {
    throw new DiagnosticError('invalid disk_device_mapping', {
      detail: `disk_device_mapping: an image has one system disk and at most ${MAX_DATA_DISKS} data disks, got ${items.length} disk mappings.`,
      path: ['disk_device_mapping'],
    });
  }
  const systemIndexes = items.flatMap((item, index) => (item !== null && typeof item === 'object' && !Array.isArray(item) && (item as ValueObject)['disk_type'] === 'system' ? [index] : []));
  if (systemIndexes.length > 1) {
    throw new DiagnosticError('invalid disk_device_mapping', {
      detail: `disk_device_mapping.${systemIndexes[1]}.disk_type: an image has exactly one system disk, but disk mappings ${systemIndexes.join(' and ')} are both "system".`,
      path: ['disk_device_mapping', systemIndexes[1] ?? 0, 'disk_type'],
    });
  }
  const snapshotIds = items.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as ValueObject)['snapshot_id'] : null));
  if (creating && items.length > 0 && snapshotIds.every((id) => id === null || id === undefined)) {
    throw new DiagnosticError('invalid disk_device_mapping', {
      detail: 'disk_device_mapping.0.snapshot_id: the system disk of an image is made from a snapshot; set snapshot_id on at least one disk mapping.',
      path: ['disk_device_mapping', 0, 'snapshot_id'],
    });
  }
}

async function modifyPlan(request: ModifyPlanRequest<CloudClients>): Promise<ModifyPlanResult | void> {
  if (request.config === null || request.plan === null) return;
  const creating = request.prior === null || request.requiresReplace.length > 0;
  checkPlan(request.config, creating);
  const warning = creating ? sourceWarning(request.config) : undefined;
  return warning === undefined ? undefined : { warnings: [warning] };
}

export const imageResource: ResourceDefinition<CloudClients> = lazyResource(
  { typeName: 'alicloud_image', displayName: 'ECS Image', schema: imageSchema, timeouts: IMAGE_TIMEOUTS, modifyPlan },
  () => import('./image-operations.js').then((module) => module.imageOperations),
  { update: true, importState: false },
);

/**
 * Resource `alicloud_disk`: a pay-as-you-go data disk (Go name `resourceAliCloudEcsDisk`).
 * As the real resource (terraform-provider-alicloud's resource_alicloud_ecs_disk.go):
 * CreateDisk with a ClientToken, wait for `Available` or `In_use`, then ModifyDiskAttribute
 * for the flags CreateDisk does not take (`delete_auto_snapshot`, `delete_with_instance`);
 * read DescribeDisks (`DiskIds` JSON); in place: ModifyDiskAttribute, ResizeDisk (grow
 * only), JoinResourceGroup, tags; DeleteDisk retried while the disk is initialising.
 *
 * `category` and `performance_level` replace the disk here (the real resource calls
 * ModifyDiskSpec, which the local cloud serves but this resource does not call yet). `enable_auto_snapshot` is not
 * modelled: the local cloud has no automatic snapshot policies.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { noUrlPrefix } from './network-validators.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { PERFORMANCE_LEVELS } from '../../domain/disk-limits.js';
import { ECS_DESCRIPTION, ECS_NAME } from '../../domain/resource-text-rules.js';

export const CATEGORIES = ['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry'];

export const diskSchema: BlockSchema = {
  description: 'A pay-as-you-go ECS data disk.',
  attributes: {
    zone_id: { type: 'string', optional: true, computed: true, forceNew: true, conflictsWith: ['availability_zone'], description: 'The zone of the disk.' },
    availability_zone: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      deprecated: "Field 'availability_zone' has been deprecated from provider version 1.122.0. New field 'zone_id' instead",
      description: 'Deprecated: use `zone_id`.',
    },
    category: {
      type: 'string',
      optional: true,
      forceNew: true,
      default: 'cloud_efficiency',
      validators: [validators.stringInSlice(CATEGORIES)],
      description: 'The disk category.',
    },
    size: { type: 'number', optional: true, computed: true, useStateForUnknown: true, validators: [validators.intAtLeast(1)], description: 'Size, GiB; can only grow. Defaults to the snapshot size.' },
    snapshot_id: { type: 'string', optional: true, forceNew: true, description: 'The snapshot the disk is made from.' },
    disk_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['name'],
      conflictsWith: ['name'],
      validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max), noUrlPrefix()],
      description: 'The disk name, 2–128 characters.',
    },
    name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['disk_name'],
      deprecated: "Field 'name' has been deprecated from provider version 1.122.0. New field 'disk_name' instead.",
      validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max), noUrlPrefix()],
      description: 'Deprecated: use `disk_name`.',
    },
    description: { type: 'string', optional: true, validators: [validators.stringLenBetween(ECS_DESCRIPTION.min, ECS_DESCRIPTION.max), noUrlPrefix()], description: 'The description.' },
    encrypted: { type: 'bool', optional: true, forceNew: true, default: false, description: 'Whether the disk is encrypted.' },
    kms_key_id: { type: 'string', optional: true, forceNew: true, description: 'The KMS key of an encrypted disk.' },
    performance_level: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(PERFORMANCE_LEVELS)],
      description: 'ESSD performance level.',
    },
    delete_auto_snapshot: { type: 'bool', optional: true, default: false, description: 'Delete the automatic snapshots with the disk.' },
    delete_with_instance: { type: 'bool', optional: true, default: false, description: 'Release the disk with the instance it is attached to.' },
    resource_group_id: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'The resource group.' },
    instance_id: { type: 'string', optional: true, forceNew: true, description: 'Create the disk attached to this instance.' },
    dry_run: { type: 'bool', optional: true, description: 'Only check the create request.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Tags of the disk.' },
    payment_type: { type: 'string', computed: true, useStateForUnknown: true, description: 'PayAsYouGo.' },
    status: { type: 'string', computed: true, useStateForUnknown: true, description: 'Available, In_use, …' },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the disk was created.' },
  },
};

export const diskResource = lazyResource(
  {
    typeName: 'alicloud_disk',
    displayName: 'ECS Disk',
    timeouts: { create: '5m', update: '5m', delete: '5m' },
    schema: diskSchema,
  },
  () => import('./disk-operations.js').then((module) => module.diskOperations),
  { update: true, importState: false },
);

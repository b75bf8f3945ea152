/**
 * Resource `alicloud_ecs_snapshot`: a snapshot of a disk. As the real resource
 * (terraform-provider-alicloud's resource_alicloud_ecs_snapshot.go): CreateSnapshot with a
 * ClientToken, wait for `accomplished` (failing at once on `failed`); read
 * DescribeSnapshots (`SnapshotIds` JSON); ModifySnapshotAttribute, JoinResourceGroup and
 * tags in place; DeleteSnapshot (`Force` when set), a missing snapshot counting as deleted.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { noUrlPrefix } from './network-validators.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { ECS_DESCRIPTION, ECS_NAME } from '../../domain/resource-text-rules.js';

export const ecsSnapshotSchema: BlockSchema = {
  description: 'A snapshot of an ECS disk.',
  attributes: {
    disk_id: { type: 'string', required: true, forceNew: true, description: 'The disk to snapshot.' },
    snapshot_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['name'],
      conflictsWith: ['name'],
      validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max), noUrlPrefix(), validators.stringNotPrefixedBy(['auto'])],
      description: 'The name, 2–128 characters; cannot start with auto.',
    },
    name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['snapshot_name'],
      deprecated: "Field 'name' has been deprecated from provider version 1.120.0. New field 'snapshot_name' instead.",
      validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max), noUrlPrefix()],
      description: 'Deprecated: use `snapshot_name`.',
    },
    description: { type: 'string', optional: true, validators: [validators.stringLenBetween(ECS_DESCRIPTION.min, ECS_DESCRIPTION.max), noUrlPrefix()], description: 'The description.' },
    category: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(['standard', 'flash'])],
      description: 'standard or flash.',
    },
    retention_days: { type: 'number', optional: true, validators: [validators.intBetween(1, 65536)], description: 'Days to keep the snapshot.' },
    instant_access: { type: 'bool', optional: true, description: 'Instant access (ESSD).' },
    instant_access_retention_days: { type: 'number', optional: true, validators: [validators.intBetween(1, 65535)], description: 'Days instant access lasts.' },
    resource_group_id: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'The resource group.' },
    force: { type: 'bool', optional: true, default: false, description: 'Delete even when the snapshot backs a disk.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Tags of the snapshot.' },
    status: { type: 'string', computed: true, useStateForUnknown: true, description: 'progressing, accomplished or failed.' },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the snapshot was created.' },
  },
};

export const ecsSnapshotResource = lazyResource(
  {
    typeName: 'alicloud_ecs_snapshot',
    displayName: 'ECS Snapshot',
    timeouts: { create: '2m', update: '2m', delete: '2m' },
    schema: ecsSnapshotSchema,
  },
  () => import('./ecs-snapshot-operations.js').then((module) => module.ecsSnapshotOperations),
  { update: true, importState: false },
);

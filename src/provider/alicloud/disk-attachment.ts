/**
 * Resource `alicloud_disk_attachment` (Go name `resourceAlicloudEcsDiskAttachment`): a data
 * disk attached to an instance; id `<disk_id>:<instance_id>`. As the real resource
 * (terraform-provider-alicloud's resource_alicloud_disk_attachment.go): AttachDisk retried
 * while the disk or instance is between states, wait for `In_use`, then ModifyDiskAttribute
 * when `delete_with_instance` is asked for; read DescribeDisks and check the disk is on
 * that instance; DetachDisk, then wait for `Available` (an already detached or deleted disk
 * counts as detached).
 */
import type { BlockSchema } from '../framework/index.js';
import { lazyResource } from '../shared/lazy-definition.js';

export const diskAttachmentSchema: BlockSchema = {
  description: 'Attaches a data disk to an ECS instance in the same zone.',
  attributes: {
    disk_id: { type: 'string', required: true, forceNew: true, description: 'The disk to attach.' },
    instance_id: { type: 'string', required: true, forceNew: true, description: 'The instance to attach it to.' },
    delete_with_instance: { type: 'bool', optional: true, computed: true, useStateForUnknown: true, description: 'Release the disk with the instance.' },
    bootable: { type: 'bool', optional: true, forceNew: true, description: 'Attach as the system disk (the instance must be stopped).' },
    key_pair_name: { type: 'string', optional: true, forceNew: true, description: 'Key pair for a system disk attachment.' },
    password: { type: 'string', optional: true, sensitive: true, forceNew: true, description: 'Password for a system disk attachment.' },
    device: { type: 'string', computed: true, useStateForUnknown: true, description: 'The device name the disk got, e.g. /dev/xvdb.' },
  },
};

export const diskAttachmentResource = lazyResource(
  {
    typeName: 'alicloud_disk_attachment',
    displayName: 'ECS Disk Attachment',
    timeouts: { create: '5m', update: '5m', delete: '5m' },
    schema: diskAttachmentSchema,
  },
  () => import('./disk-attachment-operations.js').then((module) => module.diskAttachmentOperations),
  { update: true, importState: true },
);

/**
 * Resource `alicloud_instance`: an ECS instance in a vSwitch, with its system disk and the
 * data disks created with it. As the real resource (terraform-provider-alicloud's
 * resource_alicloud_instance.go): RunInstances (Amount unset, ClientToken), wait for
 * `Running` (failing on `Stopping`), then the update step applies `status = "Stopped"`;
 * read DescribeInstances (`InstanceIds` JSON) and DescribeDisks for the system and data
 * disks; DeleteInstance with `Force=true`, then wait until it is gone.
 *
 * In place: name, description, host name, password, deletion protection, security groups
 * (ModifyInstanceAttribute `SecurityGroupIds`), status (Start/StopInstance), public bandwidth
 * and its charge type (ModifyInstanceNetworkSpec), system disk name/description
 * (ModifyDiskAttribute) and growth (ResizeDisk), resource group, tags.
 * Replaced, where the real resource changes in place: `image_id` (ReplaceSystemDisk, not
 * served by the local cloud), `instance_type` (ModifyInstanceSpec), `vswitch_id` and
 * `private_ip` (ModifyInstanceVpcAttribute), `instance_charge_type` (ModifyInstanceChargeType),
 * `user_data`; the cloud serves those three actions, this resource does not call them yet. `key_name`
 * changes in place (DetachKeyPair, AttachKeyPair, then a restart of a running instance).
 *
 * `data_disks` lists the disks created with the instance only: their ids are kept in private
 * state, so a disk attached later through `alicloud_disk_attachment` never shows up as a
 * diff (which, the block being ForceNew, would replace the instance).
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { noUrlPrefix } from './network-validators.js';
import { DATA_DISK_SIZE_BOUNDS, MAX_DATA_DISKS, PERFORMANCE_LEVELS, SYSTEM_DISK_SIZE_BOUNDS } from '../../domain/disk-limits.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { ECS_DESCRIPTION, ECS_NAME } from '../../domain/resource-text-rules.js';

export const DISK_CATEGORIES = ['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry', 'ephemeral_ssd'];

export const instanceSchema: BlockSchema = {
  description: 'An ECS instance (pay-as-you-go or subscription) in a VPC vSwitch.',
  attributes: {
    availability_zone: { type: 'string', optional: true, computed: true, forceNew: true, description: 'The zone; defaults to the vSwitch zone.' },
    image_id: { type: 'string', required: true, forceNew: true, description: 'The image the system disk is made from.' },
    instance_type: { type: 'string', required: true, forceNew: true, description: 'The instance type, e.g. ecs.g7.large.' },
    security_groups: { type: ['set', 'string'], required: true, validators: [validators.maxItems(5)], description: 'Security groups (1–5, all in the vSwitch VPC).' },
    vswitch_id: { type: 'string', optional: true, computed: true, forceNew: true, description: 'The vSwitch (required: the local cloud is VPC-only).' },
    private_ip: { type: 'string', optional: true, computed: true, forceNew: true, description: 'The primary private IPv4 address, inside the vSwitch block.' },
    instance_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max), noUrlPrefix()],
      description: 'The name, 2–128 characters.',
    },
    description: {
      type: 'string',
      optional: true,
      validators: [validators.stringLenBetween(ECS_DESCRIPTION.min, ECS_DESCRIPTION.max), noUrlPrefix()],
      description: 'The description, 2–256 characters.',
    },
    host_name: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'The host name of the operating system.' },
    password: { type: 'string', optional: true, sensitive: true, description: 'The login password: 8–30 characters of three kinds.' },
    key_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      description: 'The key pair to log in with. A change detaches the old one, attaches the new one and restarts a running instance.',
    },
    user_data: { type: 'string', optional: true, forceNew: true, description: 'User data (at most 32 KiB).' },
    internet_charge_type: {
      type: 'string',
      optional: true,
      default: 'PayByTraffic',
      validators: [validators.stringInSlice(['PayByTraffic', 'PayByBandwidth'])],
      description: 'How public traffic is billed.',
    },
    internet_max_bandwidth_out: {
      type: 'number',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.intBetween(0, 1024)],
      description: 'Public outbound bandwidth, Mbit/s; above 0 the instance gets a public IP.',
    },
    instance_charge_type: {
      type: 'string',
      optional: true,
      forceNew: true,
      default: 'PostPaid',
      validators: [validators.stringInSlice(['PrePaid', 'PostPaid'])],
      description: 'PostPaid (pay-as-you-go) or PrePaid (subscription).',
    },
    period: { type: 'number', optional: true, validators: [validators.intBetween(1, 60)], description: 'Subscription length (PrePaid).' },
    period_unit: {
      type: 'string',
      optional: true,
      default: 'Month',
      validators: [validators.stringInSlice(['Week', 'Month'])],
      description: 'Unit of `period`.',
    },
    system_disk_category: {
      type: 'string',
      optional: true,
      forceNew: true,
      default: 'cloud_efficiency',
      validators: [validators.stringInSlice(DISK_CATEGORIES)],
      description: 'The system disk category.',
    },
    system_disk_size: { type: 'number', optional: true, computed: true, useStateForUnknown: true, validators: [validators.intBetween(SYSTEM_DISK_SIZE_BOUNDS.min, SYSTEM_DISK_SIZE_BOUNDS.max)], description: 'System disk size, GiB; can only grow.' },
    system_disk_name: { type: 'string', optional: true, computed: true, useStateForUnknown: true, validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max)], description: 'The system disk name.' },
    system_disk_description: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringLenBetween(ECS_DESCRIPTION.min, ECS_DESCRIPTION.max)],
      description: 'The system disk description.',
    },
    system_disk_performance_level: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(PERFORMANCE_LEVELS)],
      description: 'ESSD performance level of the system disk.',
    },
    system_disk_encrypted: { type: 'bool', optional: true, forceNew: true, default: false, description: 'Whether the system disk is encrypted.' },
    system_disk_id: { type: 'string', computed: true, useStateForUnknown: true, description: 'The system disk id.' },
    deletion_protection: { type: 'bool', optional: true, default: false, description: 'Refuse DeleteInstance while true.' },
    force_delete: { type: 'bool', optional: true, default: false, description: 'Allow deleting a PrePaid instance.' },
    dry_run: { type: 'bool', optional: true, default: false, description: 'Only check the create request.' },
    status: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [validators.stringInSlice(['Running', 'Stopped'])],
      description: 'Running or Stopped; changing it starts or stops the instance.',
    },
    resource_group_id: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'The resource group.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Tags of the instance.' },
    public_ip: {
      type: 'string',
      computed: true,
      useStateForUnknown: true,
      changesWith: ['internet_max_bandwidth_out', 'internet_charge_type'],
      description: 'The public IP (when the bandwidth is above 0).',
    },
    primary_ip_address: { type: 'string', computed: true, useStateForUnknown: true, description: 'The primary private IP.' },
    cpu: { type: 'number', computed: true, useStateForUnknown: true, description: 'vCPUs.' },
    memory: { type: 'number', computed: true, useStateForUnknown: true, description: 'Memory, MiB.' },
    os_name: { type: 'string', computed: true, useStateForUnknown: true, description: 'Operating system name.' },
    os_type: { type: 'string', computed: true, useStateForUnknown: true, description: 'linux or windows.' },
    network_interface_id: { type: 'string', computed: true, useStateForUnknown: true, description: 'The primary ENI.' },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the instance was created.' },
    start_time: { type: 'string', computed: true, useStateForUnknown: true, changesWith: ['status'], description: 'When the instance last started.' },
  },
  blocks: {
    data_disks: {
      nesting: 'list',
      forceNew: true,
      maxItems: MAX_DATA_DISKS,
      description: 'Data disks created with the instance.',
      attributes: {
        name: { type: 'string', optional: true, forceNew: true, validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max)], description: 'The disk name.' },
        size: { type: 'number', required: true, forceNew: true, validators: [validators.intBetween(DATA_DISK_SIZE_BOUNDS.min, DATA_DISK_SIZE_BOUNDS.max)], description: 'Size, GiB.' },
        category: {
          type: 'string',
          optional: true,
          forceNew: true,
          default: 'cloud_efficiency',
          validators: [validators.stringInSlice(DISK_CATEGORIES)],
          description: 'The disk category.',
        },
        encrypted: { type: 'bool', optional: true, forceNew: true, default: false, description: 'Whether the disk is encrypted.' },
        snapshot_id: { type: 'string', optional: true, forceNew: true, description: 'The snapshot the disk is made from.' },
        delete_with_instance: { type: 'bool', optional: true, forceNew: true, default: true, description: 'Release the disk with the instance.' },
        description: { type: 'string', optional: true, forceNew: true, validators: [validators.stringLenBetween(ECS_DESCRIPTION.min, ECS_DESCRIPTION.max)], description: 'The disk description.' },
        performance_level: {
          type: 'string',
          optional: true,
          computed: true,
          forceNew: true,
          validators: [validators.stringInSlice(PERFORMANCE_LEVELS)],
          description: 'ESSD performance level.',
        },
        device: { type: 'string', optional: true, computed: true, forceNew: true, description: 'The device name, e.g. /dev/xvdb.' },
      },
    },
  },
};

export const instanceResource = lazyResource(
  {
    typeName: 'alicloud_instance',
    displayName: 'ECS Instance',
    timeouts: { create: '10m', update: '10m', delete: '20m' },
    schema: instanceSchema,
  },
  () => import('./instance-operations.js').then((module) => module.instanceOperations),
  { update: true, importState: false },
);

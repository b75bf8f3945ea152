/**
 * Resource `alicloud_vswitch`: a vSwitch in a VPC zone (VPC API). As the real resource
 * (terraform-provider-alicloud's resource_alicloud_vswitch.go): CreateVSwitch with a
 * ClientToken (retried while the VPC is busy), wait for DescribeVSwitchAttributes
 * `Status=Available`, ModifyVSwitchAttribute for name and description, VPC-API tags,
 * DeleteVSwitch retried on `DependencyViolation*` (instances still being released), then a
 * wait until it is gone.
 *
 * The deprecated `availability_zone` and `name` are accepted as aliases of `zone_id` and
 * `vswitch_name` (the seed example uses them); both members of each pair are reported.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { cidrNetwork, noUrlPrefix } from './network-validators.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { VPC_DESCRIPTION, VPC_NAME } from '../../domain/resource-text-rules.js';

export const vswitchSchema: BlockSchema = {
  description: 'A vSwitch: a subnet of a VPC in one zone.',
  attributes: {
    vpc_id: { type: 'string', required: true, forceNew: true, description: 'The VPC the vSwitch belongs to.' },
    cidr_block: { type: 'string', required: true, forceNew: true, validators: [cidrNetwork(16, 29)], description: 'The IPv4 block, inside the VPC block, /16 to /29.' },
    zone_id: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      exactlyOneOf: ['zone_id', 'availability_zone'],
      description: 'The zone of the vSwitch.',
    },
    availability_zone: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      deprecated: "Field 'availability_zone' has been deprecated from provider version 1.119.0. New field 'zone_id' instead.",
      description: 'Deprecated: use `zone_id`.',
    },
    vswitch_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['name'],
      conflictsWith: ['name'],
      validators: [validators.stringLenBetween(VPC_NAME.min, VPC_NAME.max), noUrlPrefix()],
      description: 'The name of the vSwitch, 1–128 characters.',
    },
    name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['vswitch_name'],
      deprecated: "Field 'name' has been deprecated from provider version 1.119.0. New field 'vswitch_name' instead.",
      validators: [validators.stringLenBetween(VPC_NAME.min, VPC_NAME.max), noUrlPrefix()],
      description: 'Deprecated: use `vswitch_name`.',
    },
    description: {
      type: 'string',
      optional: true,
      validators: [validators.stringLenBetween(VPC_DESCRIPTION.min, VPC_DESCRIPTION.max), noUrlPrefix()],
      description: 'The description, 1–256 characters.',
    },
    tags: { type: ['map', 'string'], optional: true, description: 'Tags of the vSwitch.' },
    status: { type: 'string', computed: true, useStateForUnknown: true, description: 'Pending or Available.' },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the vSwitch was created.' },
    ipv6_cidr_block: { type: 'string', computed: true, useStateForUnknown: true, description: 'The IPv6 block (empty: no IPv6 here).' },
  },
};

export const vswitchResource = lazyResource(
  {
    typeName: 'alicloud_vswitch',
    displayName: 'VSwitch',
    timeouts: { create: '10m', update: '10m', delete: '10m' },
    schema: vswitchSchema,
  },
  () => import('./vswitch-operations.js').then((module) => module.vswitchOperations),
  { update: true, importState: false },
);

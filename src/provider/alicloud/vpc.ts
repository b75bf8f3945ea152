/**
 * Resource `alicloud_vpc`: a VPC (VPC API 2016-04-28). As the real resource
 * (terraform-provider-alicloud's resource_alicloud_vpc.go): CreateVpc with a ClientToken,
 * wait for DescribeVpcAttribute `Status=Available`, read DescribeVpcAttribute plus
 * DescribeRouteTableList (the system route table); ModifyVpcAttribute for name, description
 * and CIDR block, MoveResourceGroup, VPC-API tags; DeleteVpc retried while vSwitches or
 * security groups are still being released, then a wait until the VPC is gone.
 *
 * Not modelled (the local cloud has no IPv6, ClassicLink or secondary CIDRs): `enable_ipv6`,
 * `ipv6_isp`, `classic_link_enabled`, `secondary_cidr_blocks`, `user_cidrs` updates.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { cidrNetwork, noUrlPrefix } from './network-validators.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { VPC_DESCRIPTION, VPC_NAME } from '../../domain/resource-text-rules.js';

export const vpcSchema: BlockSchema = {
  description: 'A Virtual Private Cloud.',
  attributes: {
    vpc_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['name'],
      conflictsWith: ['name'],
      validators: [validators.stringLenBetween(VPC_NAME.min, VPC_NAME.max), noUrlPrefix()],
      description: 'The name of the VPC, 1–128 characters.',
    },
    name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['vpc_name'],
      deprecated: "Field 'name' has been deprecated since provider version 1.119.0. New field 'vpc_name' instead.",
      validators: [validators.stringLenBetween(VPC_NAME.min, VPC_NAME.max), noUrlPrefix()],
      description: 'Deprecated: use `vpc_name`.',
    },
    cidr_block: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [cidrNetwork(8, 28)],
      description: 'The IPv4 block of the VPC (default 172.16.0.0/12); changing it must keep every vSwitch inside.',
    },
    description: {
      type: 'string',
      optional: true,
      validators: [validators.stringLenBetween(VPC_DESCRIPTION.min, VPC_DESCRIPTION.max), noUrlPrefix()],
      description: 'The description of the VPC, 1–256 characters.',
    },
    resource_group_id: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'The resource group of the VPC.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Tags of the VPC.' },
    user_cidrs: { type: ['list', 'string'], optional: true, computed: true, forceNew: true, description: 'User CIDR blocks.' },
    is_default: { type: 'bool', optional: true, computed: true, forceNew: true, description: 'Whether this is the default VPC (always false here).' },
    dry_run: { type: 'bool', optional: true, description: 'Only check the create request.' },
    status: { type: 'string', computed: true, useStateForUnknown: true, description: 'Pending or Available.' },
    router_id: { type: 'string', computed: true, useStateForUnknown: true, description: 'The vRouter of the VPC.' },
    route_table_id: { type: 'string', computed: true, useStateForUnknown: true, description: 'The system route table of the VPC.' },
    router_table_id: {
      type: 'string',
      computed: true,
      useStateForUnknown: true,
      deprecated: "Attribute 'router_table_id' has been deprecated. New attribute 'route_table_id' instead.",
      description: 'Deprecated: use `route_table_id`.',
    },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the VPC was created.' },
    ipv6_cidr_block: { type: 'string', computed: true, useStateForUnknown: true, description: 'The IPv6 block (empty: no IPv6 here).' },
  },
};

export const vpcResource = lazyResource(
  {
    typeName: 'alicloud_vpc',
    displayName: 'VPC',
    timeouts: { create: '5m', update: '5m', delete: '5m' },
    schema: vpcSchema,
  },
  () => import('./vpc-operations.js').then((module) => module.vpcOperations),
  { update: true, importState: false },
);

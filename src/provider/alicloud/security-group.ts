/**
 * Resource `alicloud_security_group` (ECS API). As the real resource
 * (terraform-provider-alicloud's resource_alicloud_security_group.go): CreateSecurityGroup
 * with a ClientToken, no wait; read DescribeSecurityGroups with the singular
 * `SecurityGroupId` filter plus DescribeSecurityGroupAttribute for the inner access policy;
 * ModifySecurityGroupAttribute, JoinResourceGroup and ECS tags in place;
 * DeleteSecurityGroup retried on `DependencyViolation` while instances are being released.
 *
 * `inner_access_policy` follows the group type here (normal: Accept, enterprise: Drop):
 * the local cloud has no ModifySecurityGroupPolicy, so asking for another value fails with
 * a clear error instead of a silent diff.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { noUrlPrefix } from './network-validators.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { ECS_DESCRIPTION, ECS_NAME } from '../../domain/resource-text-rules.js';

export const securityGroupSchema: BlockSchema = {
  description: 'An ECS security group in a VPC.',
  attributes: {
    security_group_name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['name'],
      conflictsWith: ['name'],
      validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max), noUrlPrefix()],
      description: 'The name, 2–128 characters, starting with a letter.',
    },
    name: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['security_group_name'],
      deprecated: "Field 'name' has been deprecated from provider version 1.239.0. New field 'security_group_name' instead.",
      validators: [validators.stringLenBetween(ECS_NAME.min, ECS_NAME.max), noUrlPrefix()],
      description: 'Deprecated: use `security_group_name`.',
    },
    description: {
      type: 'string',
      optional: true,
      validators: [validators.stringLenBetween(ECS_DESCRIPTION.min, ECS_DESCRIPTION.max), noUrlPrefix()],
      description: 'The description, 2–256 characters.',
    },
    vpc_id: { type: 'string', optional: true, computed: true, forceNew: true, description: 'The VPC of the group (required by the local cloud, whose regions are VPC-only).' },
    security_group_type: {
      type: 'string',
      optional: true,
      forceNew: true,
      default: 'normal',
      validators: [validators.stringInSlice(['normal', 'enterprise'])],
      description: 'normal or enterprise.',
    },
    inner_access_policy: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      changesWith: ['inner_access'],
      conflictsWith: ['inner_access'],
      validators: [validators.stringInSlice(['Accept', 'Drop'])],
      description: 'Whether instances in the group can talk to each other (Accept) or not (Drop).',
    },
    inner_access: {
      type: 'bool',
      optional: true,
      deprecated: "Field 'inner_access' has been deprecated from provider version 1.55.3. Use 'inner_access_policy' replaces it.",
      description: 'Deprecated: use `inner_access_policy`.',
    },
    resource_group_id: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'The resource group of the group.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Tags of the group.' },
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the group was created.' },
  },
};

export const securityGroupResource = lazyResource(
  {
    typeName: 'alicloud_security_group',
    displayName: 'Security Group',
    timeouts: { create: '5m', update: '5m', delete: '10m' },
    schema: securityGroupSchema,
  },
  () => import('./security-group-operations.js').then((module) => module.securityGroupOperations),
  { update: true, importState: false },
);

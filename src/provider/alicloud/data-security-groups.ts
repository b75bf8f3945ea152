/**
 * Data source `alicloud_security_groups`: the account's security groups in the provider's
 * region (DescribeSecurityGroups, 50 a page, filtered by `vpc_id`, `resource_group_id` and
 * `tags`), narrowed client-side by `ids` and `name_regex`, as upstream's
 * data_source_alicloud_security_groups.go. `inner_access` follows the group type (normal:
 * true, enterprise: false), as `alicloud_security_group` does here.
 */
import { type BlockSchema } from '../framework/index.js';
import { lazyDataSource } from '../shared/lazy-definition.js';
import { stringList, validRegex } from './data-source-schema.js';

export const securityGroupsSchema: BlockSchema = {
  description: "The account's security groups.",
  attributes: {
    ids: { type: stringList, optional: true, computed: true, description: 'Only these group ids; filled with the ids found.' },
    name_regex: { type: 'string', optional: true, validators: [validRegex], description: 'A regex the group name must match.' },
    vpc_id: { type: 'string', optional: true, description: 'Only the groups of this VPC.' },
    resource_group_id: { type: 'string', optional: true, description: 'Only groups in this resource group.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Only groups carrying all these tags.' },
    output_file: { type: 'string', optional: true, description: 'Accepted for compatibility; nothing is written.' },
    names: { type: stringList, computed: true, description: 'The group names.' },
    groups: {
      type: [
        'list',
        [
          'object',
          {
            id: 'string',
            name: 'string',
            security_group_name: 'string',
            description: 'string',
            vpc_id: 'string',
            resource_group_id: 'string',
            security_group_type: 'string',
            inner_access: 'bool',
            creation_time: 'string',
            tags: ['map', 'string'],
          },
        ],
      ],
      computed: true,
      description: 'The security groups.',
    },
  },
};

export const securityGroupsDataSource = lazyDataSource({ typeName: 'alicloud_security_groups', schema: securityGroupsSchema }, () =>
  import('./data-security-groups-operations.js').then((module) => module.securityGroupsOperations),
);

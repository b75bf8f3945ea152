/**
 * Data source `alicloud_resource_manager_resource_groups`: the account's resource groups
 * (Resource Manager ListResourceGroups, 50 a page, optional `Status`), narrowed client-side
 * by `ids` and by `name_regex` against the group's name (terraform-provider-alicloud's
 * data_source_alicloud_resource_manager_resource_groups.go). The account's default group is
 * always listed, so `ids.0` is usable in a fresh account.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { lazyDataSource } from '../shared/lazy-definition.js';
import { stringList, validRegex } from './data-source-schema.js';

export const resourceGroupsSchema: BlockSchema = {
  description: "The account's resource groups.",
  attributes: {
    name_regex: { type: 'string', optional: true, validators: [validRegex], description: 'A regex the group name must match.' },
    ids: { type: stringList, optional: true, computed: true, description: 'Only these group ids; filled with the ids found.' },
    status: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(['Creating', 'Deleted', 'Deleting', 'OK', 'PendingDelete'])],
      description: 'Only groups in this status.',
    },
    resource_group_name: { type: 'string', optional: true, description: 'Only the group with this name.' },
    enable_details: { type: 'bool', optional: true, description: 'Accepted for compatibility; every field is always set.' },
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
            resource_group_name: 'string',
            display_name: 'string',
            account_id: 'string',
            status: 'string',
            create_date: 'string',
          },
        ],
      ],
      computed: true,
      description: 'The resource groups.',
    },
  },
};

export const resourceGroupsDataSource = lazyDataSource(
  {
    typeName: 'alicloud_resource_manager_resource_groups',
    schema: resourceGroupsSchema,
  },
  () => import('./data-resource-groups-operations.js').then((module) => module.resourceGroupsOperations),
);

/**
 * Data source `alicloud_key_pairs`: the account's SSH key pairs in the provider's region
 * (DescribeKeyPairs, 50 a page, filtered by `finger_print`, `resource_group_id` and `tags`),
 * narrowed client-side by `ids` (names) and `name_regex`, as upstream's
 * data_source_alicloud_key_pairs.go. Upstream's per-key `instances` list is not served.
 */
import { type BlockSchema } from '../framework/index.js';
import { lazyDataSource } from '../shared/lazy-definition.js';
import { stringList, validRegex } from './data-source-schema.js';

export const keyPairsSchema: BlockSchema = {
  description: "The account's SSH key pairs.",
  attributes: {
    ids: { type: stringList, optional: true, computed: true, description: 'Only these key pairs (by name); filled with the names found.' },
    name_regex: { type: 'string', optional: true, validators: [validRegex], description: 'A regex the key pair name must match.' },
    finger_print: { type: 'string', optional: true, description: 'Only the key pair with this fingerprint.' },
    resource_group_id: { type: 'string', optional: true, description: 'Only key pairs in this resource group.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Only key pairs carrying all these tags.' },
    output_file: { type: 'string', optional: true, description: 'Accepted for compatibility; nothing is written.' },
    names: { type: stringList, computed: true, description: 'The key pair names.' },
    key_pairs: {
      type: ['list', ['object', { id: 'string', key_name: 'string', key_pair_name: 'string', finger_print: 'string', resource_group_id: 'string', tags: ['map', 'string'] }]],
      computed: true,
      description: 'The key pairs.',
    },
  },
};

export const keyPairsDataSource = lazyDataSource({ typeName: 'alicloud_key_pairs', schema: keyPairsSchema }, () =>
  import('./data-key-pairs-operations.js').then((module) => module.keyPairsOperations),
);

/**
 * Data source `alicloud_zones`: the zones of the provider's region where something can be
 * created. As the real data source (terraform-provider-alicloud's
 * data_source_alicloud_zones.go): DescribeAvailableResource (`DestinationResource=Zone`, or
 * `InstanceType` when `available_instance_type` is set) keeps the zones with stock,
 * DescribeZones supplies names and what each zone sells, and a zone is kept only when it
 * sells some instance type and disk category (and the ones asked for). Both empty answers
 * are errors, as upstream.
 *
 * Resource kinds served by other products (Rds, Slb, KVStore…) pass validation like the
 * real provider's, but reading them fails: the local cloud serves ECS, VPC and Resource
 * Manager only.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { lazyDataSource } from '../shared/lazy-definition.js';
import { stringList } from './data-source-schema.js';

export const ECS_RESOURCE_KINDS = ['Instance', 'Disk', 'VSwitch', 'IoOptimized'];

export const OTHER_RESOURCE_KINDS = ['Rds', 'Slb', 'KVStore', 'FunctionCompute', 'Elasticsearch', 'PolarDB', 'MongoDB', 'Gpdb', 'HBase', 'Cen'];

export const DISK_CATEGORIES = ['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry', 'ephemeral_ssd'];

export const zonesSchema: BlockSchema = {
  description: 'The availability zones of the region, optionally narrowed to those that can create a resource kind.',
  attributes: {
    available_instance_type: { type: 'string', optional: true, description: 'Only zones that sell this instance type.' },
    available_resource_creation: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice([...ECS_RESOURCE_KINDS, ...OTHER_RESOURCE_KINDS])],
      description: 'Only zones that can create this kind of resource (Instance, Disk, VSwitch, IoOptimized…).',
    },
    available_disk_category: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(DISK_CATEGORIES)],
      description: 'Only zones that offer this disk category.',
    },
    multi: { type: 'bool', optional: true, default: false, description: 'Multi-zone (ApsaraDB) zones; always none here.' },
    instance_charge_type: {
      type: 'string',
      optional: true,
      default: 'PostPaid',
      validators: [validators.stringInSlice(['PrePaid', 'PostPaid'])],
      description: 'Billing method the zones must support.',
    },
    network_type: { type: 'string', optional: true, validators: [validators.stringInSlice(['Vpc', 'Classic'])], description: 'Network type.' },
    spot_strategy: {
      type: 'string',
      optional: true,
      default: 'NoSpot',
      validators: [validators.stringInSlice(['NoSpot', 'SpotAsPriceGo', 'SpotWithPriceLimit'])],
      description: 'Spot strategy the zones must support.',
    },
    enable_details: {
      type: 'bool',
      optional: true,
      default: false,
      description: 'Fill every field of `zones`; by default only `id` (and `multi_zone_ids`) are set.',
    },
    output_file: { type: 'string', optional: true, description: 'Accepted for compatibility; nothing is written.' },
    ids: { type: stringList, computed: true, description: 'The zone ids.' },
    zones: {
      type: [
        'list',
        [
          'object',
          {
            id: 'string',
            local_name: 'string',
            available_instance_types: stringList,
            available_resource_creation: stringList,
            available_disk_categories: stringList,
            multi_zone_ids: stringList,
            slb_slave_zone_ids: stringList,
          },
        ],
      ],
      computed: true,
      description: 'The zones, in the order DescribeZones lists them.',
    },
  },
};

export const zonesDataSource = lazyDataSource(
  {
    typeName: 'alicloud_zones',
    schema: zonesSchema,
  },
  () => import('./data-zones-operations.js').then((module) => module.zonesOperations),
);

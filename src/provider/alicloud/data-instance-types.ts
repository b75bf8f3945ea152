/**
 * Data source `alicloud_instance_types`: instance types that can be bought in the region
 * (or one zone), narrowed by family, size, ENIs or image. As the real data source
 * (terraform-provider-alicloud's data_source_alicloud_instance_types.go):
 * DescribeAvailableResource (`DestinationResource=InstanceType`) says which types have
 * stock in which zones; DescribeInstanceTypes (paged by NextToken) gives their specs; the
 * size filters run client-side. Results are sorted by vCPUs, then memory, then id (or by
 * `sorted_by`), so `ids[0]` is the smallest match.
 *
 * `image_id`: the real data source asks DescribeImageSupportInstanceTypes, which the local
 * cloud does not serve; here the image's architecture and NVMe support (DescribeImages)
 * decide which types can run it — the same rule RunInstances enforces.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { lazyDataSource } from '../shared/lazy-definition.js';
import { stringList } from './data-source-schema.js';

export const stringMap = ['map', 'string'] as const;

export const instanceTypesSchema: BlockSchema = {
  description: 'ECS instance types with stock in the region, narrowed by zone, family, size or image.',
  attributes: {
    availability_zone: { type: 'string', optional: true, description: 'Only types with stock in this zone.' },
    instance_type_family: { type: 'string', optional: true, description: 'Only this family, e.g. `ecs.g7`.' },
    instance_type: { type: 'string', optional: true, description: 'Only this type.' },
    cpu_core_count: { type: 'number', optional: true, validators: [validators.intAtLeast(1)], description: 'Exactly this many vCPUs.' },
    memory_size: { type: 'number', optional: true, description: 'Exactly this much memory, GiB.' },
    gpu_amount: { type: 'number', optional: true, validators: [validators.intAtLeast(0)], description: 'Exactly this many GPUs.' },
    gpu_spec: { type: 'string', optional: true, description: 'GPU model; no GPU types exist here.' },
    eni_amount: { type: 'number', optional: true, validators: [validators.intAtLeast(0)], description: 'At least this many ENIs.' },
    instance_charge_type: {
      type: 'string',
      optional: true,
      default: 'PostPaid',
      validators: [validators.stringInSlice(['PrePaid', 'PostPaid'])],
      description: 'Billing method.',
    },
    network_type: { type: 'string', optional: true, validators: [validators.stringInSlice(['Classic', 'Vpc'])], description: 'Network type.' },
    spot_strategy: {
      type: 'string',
      optional: true,
      default: 'NoSpot',
      validators: [validators.stringInSlice(['NoSpot', 'SpotAsPriceGo', 'SpotWithPriceLimit'])],
      description: 'Spot strategy.',
    },
    kubernetes_node_role: { type: 'string', optional: true, validators: [validators.stringInSlice(['Master', 'Worker'])], description: 'Accepted for compatibility.' },
    is_outdated: { type: 'bool', optional: true, default: false, description: 'Include outdated types; none are outdated here.' },
    sorted_by: { type: 'string', optional: true, validators: [validators.stringInSlice(['CPU', 'Memory', 'Price'])], description: 'Sort order (Price sorts like CPU).' },
    system_disk_category: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(['cloud', 'ephemeral_ssd', 'cloud_essd', 'cloud_efficiency', 'cloud_ssd', 'cloud_auto', 'cloud_essd_entry'])],
      description: 'Only types that support this system disk category.',
    },
    image_id: { type: 'string', optional: true, description: 'Only types that can run this image.' },
    minimum_eni_ipv6_address_quantity: { type: 'number', optional: true, description: 'Accepted for compatibility.' },
    output_file: { type: 'string', optional: true, description: 'Accepted for compatibility; nothing is written.' },
    ids: { type: stringList, computed: true, description: 'The instance type ids, smallest first.' },
    instance_types: {
      type: [
        'list',
        [
          'object',
          {
            id: 'string',
            cpu_core_count: 'number',
            memory_size: 'number',
            family: 'string',
            eni_amount: 'number',
            price: 'string',
            nvme_support: 'string',
            availability_zones: stringList,
            gpu: stringMap,
            burstable_instance: stringMap,
            local_storage: stringMap,
            primary_eni_queue_number: 'number',
            secondary_eni_queue_number: 'number',
            maximum_queue_number_per_eni: 'number',
            total_eni_queue_quantity: 'number',
          },
        ],
      ],
      computed: true,
      description: 'The instance types.',
    },
  },
};

export const instanceTypesDataSource = lazyDataSource(
  {
    typeName: 'alicloud_instance_types',
    schema: instanceTypesSchema,
  },
  () => import('./data-instance-types-operations.js').then((module) => module.instanceTypesOperations),
);

/**
 * Data source `alicloud_images`: images visible to the account (its own, system, shared,
 * marketplace), filtered by the cloud (`owners`, `architecture`, `instance_type`, status,
 * tags…) and then client-side by `name_regex` and `most_recent`. As the real data source
 * (terraform-provider-alicloud's data_source_alicloud_images.go) it pages DescribeImages
 * with PageSize=100; unlike it, it stops only when a page is short of the page size
 * (upstream stops below 50, which drops images when a page holds 50–99) and it accepts
 * `architecture = "arm64"` (upstream issues #9361/#5608). The cloud's order (newest first)
 * is kept, so `ids[0]` is the newest match.
 */
import { validators, type BlockSchema } from '../framework/index.js';
import { lazyDataSource } from '../shared/lazy-definition.js';
import { stringList, validRegex } from './data-source-schema.js';

export const imagesSchema: BlockSchema = {
  description: 'ECS images visible to the account, filtered by owner, name, architecture and more.',
  attributes: {
    name_regex: { type: 'string', optional: true, validators: [validRegex], description: 'A regex the image name must match.' },
    most_recent: { type: 'bool', optional: true, default: false, description: 'Keep only the most recently created match.' },
    owners: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(['system', 'self', 'others', 'marketplace'])],
      description: 'Image owner: system, self, others or marketplace.',
    },
    architecture: {
      type: 'string',
      optional: true,
      validators: [validators.stringInSlice(['i386', 'x86_64', 'arm64'])],
      description: 'Image architecture.',
    },
    instance_type: { type: 'string', optional: true, description: 'Only images that can run on this instance type.' },
    status: {
      type: 'string',
      optional: true,
      description: 'Comma-separated statuses (Available, Creating, Waiting, UnAvailable, CreateFailed, Deprecated); default Available.',
    },
    image_id: { type: 'string', optional: true, description: 'Only this image.' },
    image_name: { type: 'string', optional: true, description: 'Only images with this exact name.' },
    snapshot_id: { type: 'string', optional: true, description: 'Only images made from this snapshot.' },
    image_family: { type: 'string', optional: true, description: 'Only images of this family.' },
    resource_group_id: { type: 'string', optional: true, description: 'Only images in this resource group.' },
    usage: { type: 'string', optional: true, validators: [validators.stringInSlice(['instance', 'none'])], description: 'Whether the image is used by instances.' },
    os_type: { type: 'string', optional: true, validators: [validators.stringInSlice(['windows', 'linux'])], description: 'Operating system type.' },
    action_type: { type: 'string', optional: true, description: 'The scenario the image is for (CreateEcs, ChangeOS).' },
    is_support_io_optimized: { type: 'bool', optional: true, description: 'Only I/O optimized images.' },
    is_support_cloud_init: { type: 'bool', optional: true, description: 'Only images that support cloud-init.' },
    dry_run: { type: 'bool', optional: true, description: 'Accepted for compatibility.' },
    image_owner_id: { type: 'number', optional: true, description: 'Accepted for compatibility.' },
    tags: { type: ['map', 'string'], optional: true, description: 'Only images carrying all these tags.' },
    output_file: { type: 'string', optional: true, description: 'Accepted for compatibility; nothing is written.' },
    ids: { type: stringList, computed: true, description: 'The image ids, newest first.' },
    images: {
      type: [
        'list',
        [
          'object',
          {
            id: 'string',
            image_id: 'string',
            name: 'string',
            image_name: 'string',
            architecture: 'string',
            creation_time: 'string',
            description: 'string',
            image_owner_alias: 'string',
            image_family: 'string',
            image_version: 'string',
            os_name: 'string',
            os_name_en: 'string',
            os_type: 'string',
            platform: 'string',
            status: 'string',
            state: 'string',
            size: 'number',
            usage: 'string',
            progress: 'string',
            product_code: 'string',
            boot_mode: 'string',
            is_self_shared: 'string',
            is_subscribed: 'bool',
            is_copied: 'bool',
            is_support_io_optimized: 'bool',
            is_support_cloudinit: 'bool',
            disk_device_mappings: ['list', ['object', { device: 'string', size: 'string', snapshot_id: 'string' }]],
            tags: ['map', 'string'],
          },
        ],
      ],
      computed: true,
      description: 'The images.',
    },
  },
};

export const imagesDataSource = lazyDataSource(
  {
    typeName: 'alicloud_images',
    schema: imagesSchema,
  },
  () => import('./data-images-operations.js').then((module) => module.imagesOperations),
);

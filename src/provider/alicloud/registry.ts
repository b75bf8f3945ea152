/**
 * Every resource and data source of the `alicloud` provider, in plain arrays (docs and
 * `terraform providers schema -json` come from these). Adding one is a one-line edit:
 * import its definition and append it to the array.
 *
 * Keep resource modules free of runtime imports of `../client/index.js` (type imports are
 * fine): the SDK takes seconds to load, and terraform starts the provider several times
 * per command just for schemas and validation. Load it in the handlers instead, with
 * `lazyResource` / `lazyDataSource` (`shared/lazy-definition.ts`) and an `…-operations.ts` module.
 */
import type { CloudClients } from '../client/index.js';
import type { DataSourceDefinition, ResourceDefinition } from '../framework/index.js';
import { imageResource } from './image.js';
import { imageCopyResource } from './image-copy.js';
import { imageSharePermissionResource } from './image-share-permission.js';
import { vpcResource } from './vpc.js';
import { vswitchResource } from './vswitch.js';
import { securityGroupResource } from './security-group.js';
import { securityGroupRuleResource } from './security-group-rule.js';
import { ecsKeyPairResource, keyPairResource } from './ecs-key-pair.js';
import { instanceResource } from './instance.js';
import { diskResource } from './disk.js';
import { diskAttachmentResource } from './disk-attachment.js';
import { ecsSnapshotResource } from './ecs-snapshot.js';
import { zonesDataSource } from './data-zones.js';
import { instanceTypesDataSource } from './data-instance-types.js';
import { imagesDataSource } from './data-images.js';
import { resourceGroupsDataSource } from './data-resource-groups.js';
import { keyPairsDataSource } from './data-key-pairs.js';
import { securityGroupsDataSource } from './data-security-groups.js';

export const alicloudResources: readonly ResourceDefinition<CloudClients>[] = [
  imageResource,
  vpcResource,
  vswitchResource,
  securityGroupResource,
  instanceResource,
  diskResource,
  diskAttachmentResource,
  ecsSnapshotResource,
  imageCopyResource,
  imageSharePermissionResource,
  securityGroupRuleResource,
  ecsKeyPairResource,
  keyPairResource,
];

export const alicloudDataSources: readonly DataSourceDefinition<CloudClients>[] = [
  zonesDataSource,
  instanceTypesDataSource,
  imagesDataSource,
  resourceGroupsDataSource,
  keyPairsDataSource,
  securityGroupsDataSource,
];

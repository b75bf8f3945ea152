/**
 * The Resource Manager SDK, loaded only by what uses it (the resource groups data source, and
 * `CloudClients.resourceManager()`): see `sdk-core.ts` for why products load apart.
 */
import resourceManagerModule from '@alicloud/resourcemanager20200331';
import { classOf } from './sdk-class.js';

export * as $ResourceManager from '@alicloud/resourcemanager20200331';

export const ResourceManagerClient = classOf(resourceManagerModule);
export type ResourceManagerClient = InstanceType<typeof resourceManagerModule.default>;

/**
 * The official Alibaba Cloud SDK packages, imported once.
 *
 * They are CommonJS modules compiled from TypeScript with `exports.default = Client`; under
 * Node's ESM loader a default import yields the whole `module.exports` object (the class is its
 * `.default`), while vitest's loader hands over the class itself. `classOf` accepts both.
 * Everything else in `client/` imports the SDK through this file.
 */
import ecsModule from '@alicloud/ecs20140526';
import vpcModule from '@alicloud/vpc20160428';
import resourceManagerModule from '@alicloud/resourcemanager20200331';
import openApiModule from '@alicloud/openapi-core';
import credentialsModule from '@alicloud/credentials';

export * as $Ecs from '@alicloud/ecs20140526';
export * as $Vpc from '@alicloud/vpc20160428';
export * as $ResourceManager from '@alicloud/resourcemanager20200331';
export { $OpenApiUtil, AlibabaCloudError, ThrottlingError } from '@alicloud/openapi-core';
export { RuntimeOptions } from '@darabonba/typescript';
export { Config as CredentialConfig } from '@alicloud/credentials';

function classOf<C>(module: { default: C }): C {
  return typeof module === 'function' ? (module as unknown as C) : module.default;
}

export const EcsClient = classOf(ecsModule);
export type EcsClient = InstanceType<typeof ecsModule.default>;
export const VpcClient = classOf(vpcModule);
export type VpcClient = InstanceType<typeof vpcModule.default>;
export const ResourceManagerClient = classOf(resourceManagerModule);
export type ResourceManagerClient = InstanceType<typeof resourceManagerModule.default>;
/** The product-less OpenAPI client, for calls no generated SDK covers (ASCM). */
export const OpenApiClient = classOf(openApiModule);
export type OpenApiClient = InstanceType<typeof openApiModule.default>;
export const Credential = classOf(credentialsModule);
export type Credential = InstanceType<typeof credentialsModule.default>;

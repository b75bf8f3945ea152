/**
 * The official Alibaba Cloud SDK: the parts every configured provider loads (OpenAPI core,
 * credentials, ECS — the credential check at configure time is an ECS call). Each other
 * product has its own module, imported only when its client is first asked for
 * (`sdk-vpc.ts`, `sdk-resource-manager.ts`, through `CloudClients`): loading the VPC SDK
 * alone takes about 0.4 s, and terraform starts the provider several times per command.
 * Everything else in `client/` imports the SDK through these files.
 */
import ecsModule from '@alicloud/ecs20140526';
import openApiModule from '@alicloud/openapi-core';
import credentialsModule from '@alicloud/credentials';
import { classOf } from './sdk-class.js';

export * as $Ecs from '@alicloud/ecs20140526';
export { $OpenApiUtil, AlibabaCloudError, ThrottlingError } from '@alicloud/openapi-core';
export { RuntimeOptions } from '@darabonba/typescript';
export { Config as CredentialConfig } from '@alicloud/credentials';

export const EcsClient = classOf(ecsModule);
export type EcsClient = InstanceType<typeof ecsModule.default>;
/** The product-less OpenAPI client, for calls no generated SDK covers (ASCM). */
export const OpenApiClient = classOf(openApiModule);
export type OpenApiClient = InstanceType<typeof openApiModule.default>;
export const Credential = classOf(credentialsModule);
export type Credential = InstanceType<typeof credentialsModule.default>;

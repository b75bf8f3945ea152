/**
 * The official Alibaba Cloud SDK's shared core: the OpenAPI client and its models,
 * credentials and runtime options. Configuring the provider needs only these (the
 * credential check is a product-less OpenAPI call): each product SDK is a module of its
 * own (`sdk.ts` for ECS, `sdk-vpc.ts`, `sdk-resource-manager.ts`), loaded by the handlers
 * that call it. The ECS SDK alone takes about 0.4 s to load, and terraform starts the
 * provider several times per command, so a plan that calls nothing must not load it.
 * Everything else in `client/` imports the SDK through these files.
 */
import openApiModule from '@alicloud/openapi-core';
import credentialsModule from '@alicloud/credentials';
import { classOf } from './sdk-class.js';

export { $OpenApiUtil, OpenApiUtil, AlibabaCloudError, ThrottlingError } from '@alicloud/openapi-core';
export { RuntimeOptions } from '@darabonba/typescript';
export { Config as CredentialConfig } from '@alicloud/credentials';

/** The product-less OpenAPI client, for calls made without a product SDK (the credential check, ASCM). */
export const OpenApiClient = classOf(openApiModule);
export type OpenApiClient = InstanceType<typeof openApiModule.default>;
export const Credential = classOf(credentialsModule);
export type Credential = InstanceType<typeof credentialsModule.default>;

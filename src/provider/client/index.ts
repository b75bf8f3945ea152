/**
 * The provider's cloud client layer: configuration of both flavours, the official SDK
 * clients, retrying calls, waiters, and per ECS resource its find / status / wait functions
 * (`images.ts`, `instances.ts`, `disks.ts`, `snapshots.ts`, `security-groups.ts`). The VPC
 * product's (`vpcs.ts`, `vswitches.ts`, `vpc-tags.ts`) are imported directly, see below.
 */
export { resolveAlicloudConfig, ALICLOUD_DEFAULT_REGION, ALICLOUD_ENV, type AlicloudProviderArgs } from './alicloud-config.js';
export { resolveAlibabacloudStackConfig, ALIBABACLOUDSTACK_ENV, type AlibabacloudStackProviderArgs } from './alibabacloudstack-config.js';
export type { ClientConfig, ResolveOptions } from './config.js';
export { ConfigError } from './config-error.js';
export type { CredentialSpec } from './credential-spec.js';
export { parseEndpoint, endpointUrl, type Endpoint, type Protocol } from './endpoint.js';
export { ALICLOUD, ALIBABACLOUDSTACK, decorate, type ApsaraScope, type Flavour, type FlavourName, type Product, type DecorationField } from './flavour.js';
export { createClients, openClients, toCredential, type CloudClients } from './clients.js';
export { connect } from './connect.js';
export { lookupApsaraScope } from './ascm.js';
export { validateCredentials, type ValidateOptions } from './validate-credentials.js';
export { callWithRetry, backoffDelay, DEFAULT_BACKOFF, DEFAULT_CALL_TIMEOUT_MS, type CallOptions, type BackoffPolicy } from './call.js';
export { buildClientToken, CLIENT_TOKEN_MAX_LENGTH } from './client-token.js';
export { CloudError, CancelledError, toCloudError, isNotFound, orNotFound, isThrottling, isTransient, isCancelled, hasCode, type CloudErrorKind } from './errors.js';
export { byStatus, waitFor, waitGone, WaitError, DEFAULT_WAIT_TIMEOUT_MS, type Observation, type WaitOptions, type GoneWaitOptions, type WaitErrorKind } from './wait.js';
export { deadlineOf, formatDuration, type Deadline, type TimeBound } from './deadline.js';
export { sleep } from './sleep.js';
export * from './images.js';
export * from './image-copies.js';
export * from './instances.js';
export * from './disks.js';
export * from './snapshots.js';
export * from './security-groups.js';
export * from './security-group-rules.js';
export * from './key-pairs.js';
export { diffTags, tagResources, untagResources, updateTags, type Tags, type TagDiff, type TagTarget } from './tags.js';
export { $Ecs } from './sdk.js';
// $Vpc and $ResourceManager are not re-exported: import them from './sdk-vpc.js' and
// './sdk-resource-manager.js' (and the VPC resources from './vpcs.js', './vswitches.js',
// './vpc-tags.js'), so that loading this index never loads those SDKs.

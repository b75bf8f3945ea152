/**
 * What a provider's `configure` imports: resolving the provider block, connecting and the
 * credential check. Unlike `index.ts` it loads no product SDK (see `sdk-core.ts`).
 */
export { resolveAlicloudConfig } from './alicloud-config.js';
export { resolveAlibabacloudStackConfig } from './alibabacloudstack-config.js';
export { ConfigError } from './config-error.js';
export { connect } from './connect.js';
export { hasCode } from './errors.js';
export { validateCredentials } from './validate-credentials.js';

/** Public surface of the plugin runtime. */
export { serve } from './serve.js';
export { startPluginServer, type PluginServerOptions, type RunningPlugin } from './plugin-server.js';
export type { ProviderServer, RpcContext, ServeOptions } from './provider-server.js';
export { createLogger, logger, type LogFields, type Logger, type LogLevel } from './logger.js';
export type * from './tfplugin6-types.js';
export { reattachProvidersValue } from './reattach.js';

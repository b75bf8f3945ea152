import type { CallOptions } from './call.js';
import { lookupApsaraScope } from './ascm.js';
import { createClients, type CloudClients } from './clients.js';
import type { ClientConfig } from './config.js';

/**
 * The clients of a configured provider: for Apsara Stack, first completes the tenant scope
 * through ASCM when the configuration names only a resource set. Call `validateCredentials`
 * on the result to check the keys.
 */
export async function connect(config: ClientConfig, options: CallOptions = {}): Promise<CloudClients> {
  const scope = config.scope ?? (config.scopeLookup ? await lookupApsaraScope(config, options) : undefined);
  return createClients(config, scope);
}

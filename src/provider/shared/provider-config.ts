/**
 * What both providers' `configure` share: reading the provider block, and the sequence that
 * turns it into clients — resolve the arguments and their environment fallbacks, connect
 * (an ASCM scope lookup on Apsara Stack), one cheap signed call so a wrong key fails
 * `terraform plan` — with a configuration error shown as a diagnostic naming the argument.
 *
 * The client layer (and the SDK behind it, seconds to load) is imported only when
 * `configure` runs: terraform starts the provider several times per command for schemas.
 */
import type { ClientConfig, CloudClients, ConfigError } from '../client/index.js';
import { DiagnosticError, type ConfigureRequest, type KnownObject } from '../framework/index.js';

export const PROVIDER_VERSION = '0.1.0';

export function stringArg(config: KnownObject, name: string): string | null {
  const value = config[name];
  return typeof value === 'string' ? value : null;
}

export function boolArg(config: KnownObject, name: string): boolean | null {
  const value = config[name];
  return typeof value === 'boolean' ? value : null;
}

/** A ConfigError as terraform shows it: the summary, how to fix it, and the argument underlined. */
export function toDiagnostic(error: ConfigError): DiagnosticError {
  const top = error.attribute?.split('.')[0];
  return new DiagnosticError(`invalid provider configuration: ${error.message}`, {
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    ...(top === undefined ? {} : { path: [top] }),
    cause: error,
  });
}

export interface ConfigureSteps {
  /** The flavour's resolver, given the User-Agent suffix to send. */
  resolve(userAgent: string): Promise<ClientConfig>;
  /** A clearer error for a configuration failure, or undefined to report it as it is. */
  explain?(error: ConfigError): ConfigError | undefined;
  /** Extra facts for the "provider configured" debug line. */
  facts?(clients: CloudClients): Readonly<Record<string, unknown>>;
}

export async function configureClients(request: ConfigureRequest, steps: ConfigureSteps): Promise<CloudClients> {
  const { connect, validateCredentials, ConfigError: ConfigErrorClass } = await import('../client/configure.js');
  try {
    const config = await steps.resolve(`HashiCorp-Terraform/${request.terraformVersion || 'unknown'} ecs-image/${PROVIDER_VERSION}`);
    const clients = await connect(config, { logger: request.logger });
    await validateCredentials(clients, { logger: request.logger });
    request.logger.debug('provider configured', { region: config.regionId, credentials: config.credentials.source, ...steps.facts?.(clients) });
    return clients;
  } catch (error) {
    if (error instanceof ConfigErrorClass) throw toDiagnostic(steps.explain?.(error) ?? error);
    throw error;
  }
}

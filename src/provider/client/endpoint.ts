import { ConfigError } from './config-error.js';

export type Protocol = 'http' | 'https';

/** Where one product's calls go. `host` is `host[:port]`, never a scheme (the SDK would build `https://http//…`). */
export interface Endpoint {
  readonly host: string;
  readonly protocol: Protocol;
}

/**
 * Parses an endpoint as users write it: `127.0.0.1:8787`, or the URL the local cloud prints
 * (`http://127.0.0.1:8787`). A scheme in the value decides that product's protocol, so pasting
 * the printed URL just works; without one the provider's `protocol` applies. Paths (legacy
 * ASAPI gateways such as `…/asapi/v3`) cannot be served by the SDK clients and are refused.
 */
export function parseEndpoint(raw: string, defaultProtocol: Protocol, attribute: string): Endpoint {
  const value = raw.trim();
  const match = /^(?:(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(?<authority>[^/?#\s]+)(?<rest>.*)$/.exec(value);
  const scheme = match?.groups?.['scheme']?.toLowerCase();
  const authority = match?.groups?.['authority'];
  const rest = match?.groups?.['rest'] ?? '';
  if (!authority || (scheme !== undefined && scheme !== 'http' && scheme !== 'https')) {
    throw new ConfigError(`invalid endpoint "${raw}" for ${attribute}`, {
      attribute,
      detail: 'An endpoint is host[:port], optionally prefixed with http:// or https://.',
    });
  }
  if (rest !== '' && rest !== '/') {
    throw new ConfigError(`endpoint "${raw}" for ${attribute} has a path, which is not supported`, {
      attribute,
      detail: 'Give the API host as host[:port]; gateway paths such as /asapi/v3 are not supported.',
    });
  }
  return Object.freeze({ host: authority, protocol: (scheme as Protocol | undefined) ?? defaultProtocol });
}

export function endpointUrl(endpoint: Endpoint): string {
  return `${endpoint.protocol}://${endpoint.host}`;
}

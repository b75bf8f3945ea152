/**
 * The resolved, frozen configuration one provider instance builds its clients from. The two
 * flavours resolve their own provider arguments (`alicloud-config.ts`,
 * `alibabacloudstack-config.ts`) into this one shape.
 */
import type { CredentialSpec } from './credential-spec.js';
import type { Endpoint, Protocol } from './endpoint.js';
import type { ApsaraScope, Flavour, Product } from './flavour.js';

export interface ClientConfig {
  readonly flavour: Flavour;
  readonly regionId: string;
  readonly credentials: CredentialSpec;
  /** The provider-wide protocol; an endpoint may carry its own. */
  readonly protocol: Protocol;
  /** Per product. Absent: the SDK's endpoint rules for the region (public Alibaba Cloud hosts). */
  readonly endpoints: Readonly<Partial<Record<Product, Endpoint>>>;
  /** Skip TLS certificate verification. */
  readonly insecure: boolean;
  /** Apsara Stack scoping, when known from the arguments. */
  readonly scope: ApsaraScope | undefined;
  /** Apsara Stack: the scope has to be looked up by resource set name through ASCM at connect time. */
  readonly scopeLookup: { readonly resourceGroupSetName: string; readonly ascm: Endpoint } | undefined;
  /** Appended to the SDK's User-Agent (e.g. `HashiCorp-Terraform/1.11.0 ecs-image/0.1.0`). */
  readonly userAgent: string | undefined;
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
}

export interface ResolveOptions {
  /** Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Where `~` is, for the default credentials file. Defaults to `os.homedir()`. */
  readonly homeDir?: string | undefined;
  readonly userAgent?: string | undefined;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_READ_TIMEOUT_MS = 60_000;

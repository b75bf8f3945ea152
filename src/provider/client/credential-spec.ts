/**
 * Resolved credentials, before they become an `@alicloud/credentials` object. Kept as data so
 * that messages can say where they came from and tests can compare them.
 */
export interface CredentialSpec {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Present for STS credentials. */
  readonly securityToken?: string | undefined;
  /** Where the pair came from: `provider arguments`, `environment (ALICLOUD_ACCESS_KEY, …)`, `profile "dev" in …`. */
  readonly source: string;
}

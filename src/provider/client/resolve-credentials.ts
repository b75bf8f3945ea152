/**
 * The credential precedence both Go providers share: an access key pair from the provider
 * arguments or their environment fallbacks wins; otherwise the named profile of the
 * credentials file; otherwise (alicloud only, like the credentials library's default chain)
 * the file's current profile. A half-given pair is an error, not a silent fall-through.
 */
import { ConfigError } from './config-error.js';
import type { CredentialSpec } from './credential-spec.js';
import type { Sourced } from './env.js';
import { readProfile } from './profile.js';

export interface CredentialInputs {
  readonly accessKey: Sourced<string> | undefined;
  readonly secretKey: Sourced<string> | undefined;
  readonly securityToken: Sourced<string> | undefined;
  readonly profile: Sourced<string> | undefined;
  readonly credentialsFile: string;
  /** Use the file's `current` profile when none is named. */
  readonly useCurrentProfile: boolean;
  /** How to tell the user to supply credentials (the `detail` of the "none found" error). */
  readonly howToConfigure: string;
}

export interface ResolvedCredentials {
  readonly credentials: CredentialSpec;
  /** The profile's `region_id`, when the credentials came from a profile. */
  readonly profileRegionId: string | undefined;
}

export async function resolveCredentials(inputs: CredentialInputs): Promise<ResolvedCredentials> {
  const { accessKey, secretKey, securityToken } = inputs;
  if (accessKey && secretKey) {
    const sources = [...new Set([accessKey.source, secretKey.source])].join(' and ');
    return {
      credentials: Object.freeze({ accessKeyId: accessKey.value, accessKeySecret: secretKey.value, securityToken: securityToken?.value, source: sources }),
      profileRegionId: undefined,
    };
  }
  if (accessKey || secretKey) {
    const [given, missing] = accessKey ? [accessKey, 'secret_key'] : [secretKey!, 'access_key'];
    throw new ConfigError(`${missing} is not set, but ${accessKey ? 'access_key' : 'secret_key'} is (from ${given.source})`, {
      attribute: missing,
      detail: inputs.howToConfigure,
    });
  }
  const fromProfile =
    inputs.profile || inputs.useCurrentProfile ? await readProfile(inputs.credentialsFile, inputs.profile?.value, 'profile') : undefined;
  if (!fromProfile) {
    throw new ConfigError('no credentials: access_key and secret_key are not set', { attribute: 'access_key', detail: inputs.howToConfigure });
  }
  return { credentials: fromProfile.credentials, profileRegionId: fromProfile.regionId };
}

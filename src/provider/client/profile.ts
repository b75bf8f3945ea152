/**
 * Credential profiles in the aliyun CLI's JSON layout (`~/.aliyun/config.json`, and the same
 * layout in `~/.alibabacloudstack/config.json` for the Apsara Stack provider):
 * `{ current, profiles: [{ name, mode, access_key_id, access_key_secret, sts_token, region_id }] }`.
 * Modes `AK` and `StsToken` are supported; role-based modes need STS or instance metadata,
 * which these providers do not reach, so they are refused with a message saying so.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from './config-error.js';
import type { CredentialSpec } from './credential-spec.js';

export interface ProfileCredentials {
  readonly credentials: CredentialSpec;
  readonly regionId: string | undefined;
}

interface RawProfile {
  readonly name?: unknown;
  readonly mode?: unknown;
  readonly access_key_id?: unknown;
  readonly access_key_secret?: unknown;
  readonly sts_token?: unknown;
  readonly region_id?: unknown;
}

/**
 * Reads profile `name` (or the file's `current` profile when `name` is undefined) from `path`.
 * Returns `undefined` only when no profile was named and the file does not exist.
 */
export async function readProfile(path: string, name: string | undefined, attribute: string): Promise<ProfileCredentials | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (name === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read the credentials file ${path}: ${(err as Error).message}`, { attribute, cause: err });
  }
  let parsed: { current?: unknown; profiles?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (err) {
    throw new ConfigError(`the credentials file ${path} is not valid JSON: ${(err as Error).message}`, { attribute, cause: err });
  }
  const profiles = Array.isArray(parsed.profiles) ? (parsed.profiles as RawProfile[]) : [];
  const wanted = name ?? (typeof parsed.current === 'string' && parsed.current !== '' ? parsed.current : 'default');
  const profile = profiles.find((p) => p.name === wanted);
  if (!profile) {
    const known = profiles.map((p) => String(p.name)).join(', ') || 'none';
    throw new ConfigError(`profile "${wanted}" not found in ${path}`, { attribute, detail: `Profiles in that file: ${known}.` });
  }
  const source = `profile "${wanted}" in ${path}`;
  const mode = typeof profile.mode === 'string' && profile.mode !== '' ? profile.mode : 'AK';
  if (mode !== 'AK' && mode !== 'StsToken') {
    throw new ConfigError(`${source} uses mode ${mode}, which this provider does not support`, {
      attribute,
      detail: 'Use a profile of mode AK or StsToken, or set access_key and secret_key.',
    });
  }
  const accessKeyId = nonEmpty(profile.access_key_id);
  const accessKeySecret = nonEmpty(profile.access_key_secret);
  if (!accessKeyId || !accessKeySecret) {
    throw new ConfigError(`${source} has no access_key_id or access_key_secret`, { attribute });
  }
  const securityToken = mode === 'StsToken' ? nonEmpty(profile.sts_token) : undefined;
  if (mode === 'StsToken' && !securityToken) {
    throw new ConfigError(`${source} is of mode StsToken but has no sts_token`, { attribute });
  }
  return {
    credentials: Object.freeze({ accessKeyId, accessKeySecret, securityToken, source }),
    regionId: nonEmpty(profile.region_id),
  };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

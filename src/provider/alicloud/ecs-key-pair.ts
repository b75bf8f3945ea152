/**
 * `alicloud_ecs_key_pair` and its older name `alicloud_key_pair` (one implementation, the same
 * schema, as upstream's resourceAliCloudEcsKeyPair): an SSH key pair, by name. ImportKeyPair
 * when `public_key` is set, otherwise CreateKeyPair, whose private key is written to
 * `key_file` (mode 0600) when set; DescribeKeyPairs to read; JoinResourceGroup and ECS tags
 * (`ResourceType=keypair`) in place; DeleteKeyPairs, retried while an instance holds the key.
 *
 * Where we differ from the reference provider, and why:
 * 1. `public_key` is Optional+Computed and read back (DescribeKeyPairs IncludePublicKey): a
 *    generated key pair shows its public key, and an imported one keeps a plan empty. A
 *    change to another key replaces the key pair (upstream planned an in-place update that
 *    did nothing); a change of spelling only (comment, whitespace) is recorded in place. It
 *    is checked at plan time (an OpenSSH public key of a supported type) and sent trimmed.
 * 2. The name (given, or generated from `key_name_prefix`) is checked at plan time with the
 *    rules ECS applies (`domain/ssh-key.ts`).
 * 3. Read re-checks the name DescribeKeyPairs answers with (`*` is a wildcard there), so a
 *    key named with `*` never adopts another key.
 * 4. `key_file` is written with mode 0600 and left so (upstream then made it 0400, which
 *    broke a second write of the same path).
 * 5. After an import, `key_file` and `key_name_prefix` (which ECS does not report) are
 *    recorded in place instead of replacing the key pair.
 *
 * Schema and plan checks only; the handlers load from `ecs-key-pair-operations.ts`.
 */
import type { CloudClients } from '../client/index.js';
import { isKeyPairName, KEY_PAIR_NAME_LENGTH, parseSshPublicKey } from '../../domain/ssh-key.js';
import { validators, type BlockSchema, type ModifyPlanRequest, type ModifyPlanResult, type ResourceDefinition, type Validator } from '../framework/index.js';
import { adoptUnreadArguments } from '../shared/adopt-unread.js';
import { lazyResource, type ResourceHandlers } from '../shared/lazy-definition.js';
import { tagsRule } from '../shared/validators.js';

const NAME_RULE = `${KEY_PAIR_NAME_LENGTH.min} to ${KEY_PAIR_NAME_LENGTH.max} characters, starting with a letter; letters, digits, ':', '_', '.' and '-'`;
const nameRule: Validator = (value, { key }) =>
  typeof value === 'string' && !isKeyPairName(value) ? `invalid value for ${key} (${NAME_RULE}), got ${JSON.stringify(value)}` : undefined;
const prefixRule: Validator = (value, { key }) =>
  typeof value === 'string' && value !== '' && !isKeyPairName(`${value}0`) ? `invalid value for ${key} (the start of a key pair name: ${NAME_RULE}), got ${JSON.stringify(value)}` : undefined;
const publicKeyRule: Validator = (value, { key }) =>
  typeof value === 'string' && parseSshPublicKey(value) === undefined
    ? `invalid value for ${key} (an OpenSSH public key such as "ssh-rsa AAAA... comment", of type ssh-rsa, ssh-dss, ecdsa-sha2-nistp256/384/521 or ssh-ed25519)`
    : undefined;

export const KEY_NAME_DEPRECATION = "Field 'key_name' has been deprecated from provider version 1.121.0. New field 'key_pair_name' instead.";

export const keyPairSchema: BlockSchema = {
  description: 'An SSH key pair of ECS, by name.',
  attributes: {
    create_time: { type: 'string', computed: true, useStateForUnknown: true, description: 'When the key pair was created.' },
    finger_print: { type: 'string', computed: true, useStateForUnknown: true, description: 'The MD5 fingerprint of the public key.' },
    key_file: { type: 'string', optional: true, forceNew: true, description: 'Where to write the private key of a generated key pair (mode 0600).' },
    key_name: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      useStateForUnknown: true,
      conflictsWith: ['key_pair_name'],
      deprecated: KEY_NAME_DEPRECATION,
      validators: [nameRule],
      description: 'Deprecated: use key_pair_name.',
    },
    key_name_prefix: {
      type: 'string',
      optional: true,
      forceNew: true,
      conflictsWith: ['key_pair_name', 'key_name'],
      validators: [validators.stringLenBetween(0, 100), prefixRule],
      description: 'A name is generated from this prefix when no name is given.',
    },
    key_pair_name: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      useStateForUnknown: true,
      conflictsWith: ['key_name'],
      validators: [nameRule],
      description: `The name: ${NAME_RULE}. Generated when unset.`,
    },
    public_key: {
      type: 'string',
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [publicKeyRule],
      description: 'An OpenSSH public key to import; without it ECS generates the key pair, whose public key this then shows.',
    },
    resource_group_id: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'The resource group of the key pair.' },
    tags: { type: ['map', 'string'], optional: true, validators: [tagsRule], description: 'Tags of the key pair.' },
  },
};

/** The arguments ECS never reports. */
const CONFIGURATION_ONLY = ['key_file', 'key_name_prefix'] as const;

/**
 * Another key (not another spelling of the same one) replaces the key pair; `key_file` and
 * `key_name_prefix` set where the state has none (after an import) are recorded in place.
 */
async function modifyPlan(request: ModifyPlanRequest<CloudClients>): Promise<ModifyPlanResult | void> {
  const { prior, config } = request;
  if (prior === null || config === null) return;
  const before = prior['public_key'];
  const after = config['public_key'];
  if (typeof before === 'string' && typeof after === 'string' && before !== after && parseSshPublicKey(before)?.text !== parseSshPublicKey(after)?.text) {
    return { requiresReplace: [...request.requiresReplace, ['public_key']] };
  }
  return adoptUnreadArguments(request, CONFIGURATION_ONLY, {
    summary: 'key_file and key_name_prefix are recorded without replacing the key pair',
    detail: 'ECS reports neither where a private key was written nor the prefix a name was made from: after an import they are recorded as configured.',
    path: ['key_file'],
  });
}

const TIMEOUTS = Object.freeze({ create: '5m', update: '5m', delete: '20m' });
const load = (): Promise<ResourceHandlers> => import('./ecs-key-pair-operations.js').then((module) => module.keyPairOperations);

export const ecsKeyPairResource: ResourceDefinition<CloudClients> = lazyResource(
  { typeName: 'alicloud_ecs_key_pair', displayName: 'ECS Key Pair', schema: keyPairSchema, timeouts: TIMEOUTS, modifyPlan },
  load,
  { update: true, importState: false },
);

/** The name upstream deprecated in 1.121.0, still accepted: the same resource. */
export const keyPairResource: ResourceDefinition<CloudClients> = lazyResource(
  { typeName: 'alicloud_key_pair', displayName: 'ECS Key Pair', schema: keyPairSchema, timeouts: TIMEOUTS, modifyPlan },
  load,
  { update: true, importState: false },
);

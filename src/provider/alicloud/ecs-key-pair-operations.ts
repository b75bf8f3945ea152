/** The handlers of `alicloud_ecs_key_pair` / `alicloud_key_pair` (behaviour in `ecs-key-pair.ts`). */
import { randomInt } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createKeyPair, deleteKeyPair, findKeyPair, keyPairSubject, type CallOptions, type CloudClients } from '../client/index.js';
import { parseSshPublicKey } from '../../domain/ssh-key.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, operationOptions, readOptions, updateGroupAndTags, updateResource } from '../shared/operations.js';
import { ecsTagEntries, mapOf, nullIfEmpty, tagsState, textOf } from '../shared/values.js';

/** Upstream's generated names: the prefix (default `terraform-`), a UTC timestamp and a counter-like suffix. */
function generatedName(prefix: string): string {
  const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '');
  return `${prefix}${stamp}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

function nameOf(config: KnownObject): string {
  return textOf(config, 'key_pair_name') ?? textOf(config, 'key_name') ?? generatedName(textOf(config, 'key_name_prefix') ?? 'terraform-');
}

/** The known spelling of the public key while it is the same key as ECS's, else ECS's. */
function publicKeyState(reported: string | undefined, known: KnownObject): string | null {
  const spelled = textOf(known, 'public_key');
  if (reported === undefined || reported === '') return spelled ?? null;
  return spelled !== undefined && parseSshPublicKey(spelled)?.text === parseSshPublicKey(reported)?.text ? spelled : reported;
}

async function readKeyPair(client: CloudClients, name: string, prior: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const keyPair = await findKeyPair(client, name, options);
  if (keyPair === undefined) return null;
  return {
    public_key: publicKeyState(keyPair.publicKey, prior),
    id: name,
    key_pair_name: name,
    key_name: name,
    finger_print: keyPair.keyPairFingerPrint ?? '',
    create_time: keyPair.creationTime ?? '',
    resource_group_id: nullIfEmpty(keyPair.resourceGroupId),
    tags: tagsState(client, ecsTagEntries(keyPair.tags), prior['tags'] ?? null),
  };
}

export const keyPairOperations: ResourceHandlers = {
  create(request) {
    const { client, config } = request;
    const name = nameOf(config);
    const keyFile = textOf(config, 'key_file');
    let privateKey: string | undefined;
    return createResource(request, {
      subject: keyPairSubject,
      action: textOf(config, 'public_key') === undefined ? 'CreateKeyPair' : 'ImportKeyPair',
      send: async (options) => {
        const created = await createKeyPair(
          client,
          { name, publicKey: textOf(config, 'public_key')?.trim(), resourceGroupId: textOf(config, 'resource_group_id'), tags: mapOf(config, 'tags') },
          options,
        );
        privateKey = created.privateKey;
        return created.name;
      },
      async settle() {
        // The private key exists only in this answer: written before anything else can fail.
        if (keyFile !== undefined && privateKey !== undefined) await writeFile(keyFile, privateKey, { mode: 0o600 });
      },
      read: (id, options) => readKeyPair(client, id, config, options),
    });
  },

  read: (request) => readKeyPair(request.client, request.state['id'] as string, request.state, readOptions(request)),

  update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: keyPairSubject,
      apply: (id, options) => updateGroupAndTags(client, { resourceType: 'keypair', resourceId: id }, config, prior, options),
      read: (id, options) => readKeyPair(client, id, config, options),
    });
  },

  delete: (request) => deleteKeyPair(request.client, request.state['id'] as string, operationOptions(request, 'delete')),
};

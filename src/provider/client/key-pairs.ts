/**
 * ECS SSH key pairs (the name is the handle everywhere) and binding one to an instance, for
 * `alicloud_ecs_key_pair` / `alicloud_key_pair` and `alicloud_instance.key_name`.
 */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { hasCode, isNotFound, orNotFound } from './errors.js';
import { $Ecs } from './sdk.js';

export type KeyPair = $Ecs.DescribeKeyPairsResponseBodyKeyPairsKeyPair;

export const keyPairSubject = (name: string): string => `ECS Key Pair (${name})`;

export interface NewKeyPair {
  readonly name: string;
  /** ImportKeyPair when set, else CreateKeyPair (a new RSA key pair). */
  readonly publicKey?: string | undefined;
  readonly resourceGroupId?: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
}

/** Creates or imports the key pair; returns the private key body when ECS generated one. */
export async function createKeyPair(clients: CloudClients, input: NewKeyPair, options: CallOptions = {}): Promise<{ readonly name: string; readonly privateKey?: string | undefined }> {
  const tags = Object.entries(input.tags);
  const common = { regionId: clients.config.regionId, keyPairName: input.name, resourceGroupId: input.resourceGroupId };
  if (input.publicKey !== undefined) {
    const request = new $Ecs.ImportKeyPairRequest({
      ...common,
      publicKeyBody: input.publicKey,
      tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.ImportKeyPairRequestTag({ key, value })),
    });
    const response = await callWithRetry(() => clients.ecs.importKeyPairWithOptions(request, clients.runtime()), { action: 'ImportKeyPair', ...options });
    return { name: response.body?.keyPairName ?? input.name };
  }
  const request = new $Ecs.CreateKeyPairRequest({
    ...common,
    tag: tags.length === 0 ? undefined : tags.map(([key, value]) => new $Ecs.CreateKeyPairRequestTag({ key, value })),
  });
  const response = await callWithRetry(() => clients.ecs.createKeyPairWithOptions(request, clients.runtime()), { action: 'CreateKeyPair', ...options });
  return { name: response.body?.keyPairName ?? input.name, privateKey: response.body?.privateKeyBody };
}

/**
 * The key pair with exactly this name, or undefined. The name is re-checked: DescribeKeyPairs
 * treats `*` as a wildcard, and the reference read took the first item whatever its name.
 */
export async function findKeyPair(clients: CloudClients, name: string, options: CallOptions = {}): Promise<KeyPair | undefined> {
  const request = new $Ecs.DescribeKeyPairsRequest({ regionId: clients.config.regionId, keyPairName: name, includePublicKey: true, pageSize: 50 });
  const response = await orNotFound(() => callWithRetry(() => clients.ecs.describeKeyPairsWithOptions(request, clients.runtime()), { action: 'DescribeKeyPairs', ...options }), undefined);
  return response?.body?.keyPairs?.keyPair?.find((keyPair) => keyPair.keyPairName === name);
}

/** DeleteKeyPairs, retried while an instance still holds the key; a key already gone is deleted. */
export async function deleteKeyPair(clients: CloudClients, name: string, options: CallOptions = {}): Promise<void> {
  const request = new $Ecs.DeleteKeyPairsRequest({ regionId: clients.config.regionId, keyPairNames: JSON.stringify([name]) });
  try {
    await callWithRetry(() => clients.ecs.deleteKeyPairsWithOptions(request, clients.runtime()), {
      action: 'DeleteKeyPairs',
      retryCodes: ['InvalidParameter.KeypairAlreadyAttachedInstance'],
      ...options,
    });
  } catch (error) {
    if (!isNotFound(error) && !hasCode(error, 'InvalidKeyPairName.NotFound')) throw error;
  }
}

/** AttachKeyPair (`attach`) or DetachKeyPair for one instance; a per-instance failure in the answer is an error. */
export async function bindKeyPair(clients: CloudClients, input: { readonly instanceId: string; readonly keyPairName: string; readonly change: 'attach' | 'detach' }, options: CallOptions = {}): Promise<void> {
  const fields = { regionId: clients.config.regionId, keyPairName: input.keyPairName, instanceIds: JSON.stringify([input.instanceId]) };
  const results =
    input.change === 'attach'
      ? (await callWithRetry(() => clients.ecs.attachKeyPairWithOptions(new $Ecs.AttachKeyPairRequest(fields), clients.runtime()), { action: 'AttachKeyPair', ...options })).body?.results?.result
      : (await callWithRetry(() => clients.ecs.detachKeyPairWithOptions(new $Ecs.DetachKeyPairRequest(fields), clients.runtime()), { action: 'DetachKeyPair', ...options })).body?.results?.result;
  const failed = (results ?? []).find((result) => String(result.success) !== 'true');
  if (failed !== undefined) {
    throw new Error(`${input.change === 'attach' ? 'attaching' : 'detaching'} key pair ${input.keyPairName} ${input.change === 'attach' ? 'to' : 'from'} ${input.instanceId}: ${failed.code ?? ''} ${failed.message ?? ''}`.trim());
  }
}

/**
 * SSH key pairs through the official ECS SDK. Fingerprints and public keys are
 * checked against OpenSSH's own `ssh-keygen`, an implementation independent of
 * the cloud's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachKeyPairRequest,
  CreateKeyPairRequest,
  CreateKeyPairRequestTag,
  DeleteKeyPairsRequest,
  DescribeKeyPairsRequest,
  DescribeKeyPairsRequestTag,
  DetachKeyPairRequest,
  ImportKeyPairRequest,
  JoinResourceGroupRequest,
  ListTagResourcesRequest,
  TagResourcesRequest,
  TagResourcesRequestTag,
  UntagResourcesRequest,
} from '@alicloud/ecs20140526';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { createNetwork, seededResourceGroups, type Network } from '../support/network.js';
import { describeInstance, runInstances, runRequest } from '../support/compute.js';
import { expectEcsError } from '../support/sdk-error.js';

const workDir = mkdtempSync(join(tmpdir(), 'key-pairs-'));

/** `ssh-keygen -l -E md5` without its `MD5:` prefix, for a key file (private or public). */
function md5FingerprintOf(path: string): string {
  const printed = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', path], { encoding: 'utf8' });
  return /MD5:([0-9a-f:]+)/.exec(printed)![1]!;
}

/** A fresh key made by ssh-keygen: its public line and md5 fingerprint. */
function sshKeygen(type: string, bits?: number): { publicKey: string; fingerPrint: string } {
  const path = join(workDir, `${type}-${Math.random().toString(36).slice(2)}`);
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(bits === undefined ? [] : ['-b', String(bits)]), '-N', '', '-C', 'me@host', '-f', path]);
  return { publicKey: readFileSync(`${path}.pub`, 'utf8'), fingerPrint: md5FingerprintOf(`${path}.pub`) };
}

describe('key pairs with the official ECS SDK', () => {
  const cloud = useTestCloud();
  let ecs: EcsClient;
  let network: Network;

  beforeAll(async () => {
    ecs = cloud.ecsClient();
    network = await createNetwork(cloud);
  });

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  async function describeKeys(fields: Partial<DescribeKeyPairsRequest> = {}) {
    return (await ecs.describeKeyPairs(new DescribeKeyPairsRequest({ regionId: cloud.regionId, ...fields }))).body!;
  }

  function importKey(keyPairName: string, publicKeyBody: string) {
    return ecs.importKeyPair(new ImportKeyPairRequest({ regionId: cloud.regionId, keyPairName, publicKeyBody }));
  }

  it('creates a real RSA 2048 key pair whose fingerprint is the MD5 of its public key', async () => {
    const created = (await ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'created-key' }))).body!;
    expect(created.keyPairName).toBe('created-key');
    expect(created.keyPairId).toMatch(/^ssh-bp[0-9a-z]{18}$/);
    expect(created.privateKeyBody).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(created.keyPairFingerPrint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const path = join(workDir, 'created-key');
    writeFileSync(path, created.privateKeyBody!, { mode: 0o600 });
    const derivedPublic = execFileSync('ssh-keygen', ['-y', '-f', path], { encoding: 'utf8' }).trim();
    expect(execFileSync('ssh-keygen', ['-l', '-f', path], { encoding: 'utf8' })).toMatch(/^2048 SHA256:.* \(RSA\)/);
    expect(created.keyPairFingerPrint).toBe(md5FingerprintOf(path));
    const [listed] = (await describeKeys({ keyPairName: 'created-key', includePublicKey: true })).keyPairs!.keyPair!;
    expect(listed).toMatchObject({ keyPairName: 'created-key', keyPairFingerPrint: created.keyPairFingerPrint, publicKey: derivedPublic });
    expect(listed!.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    // The private key is answered once only.
    expect(JSON.stringify(await describeKeys({ includePublicKey: true }))).not.toContain('PRIVATE');
  });

  it('imports OpenSSH rsa, ed25519 and ecdsa public keys with the fingerprint ssh-keygen prints', async () => {
    for (const [index, [type, bits]] of ([['rsa', 2048], ['ed25519'], ['ecdsa', 256], ['ecdsa', 521]] as const).entries()) {
      const key = sshKeygen(type, bits);
      const answer = (await importKey(`imported-${type}-${index}`, key.publicKey)).body!;
      expect(answer).toMatchObject({ keyPairName: `imported-${type}-${index}`, keyPairFingerPrint: key.fingerPrint });
    }
  });

  it('refuses a malformed public key, a bad name and a taken name with ECS codes', async () => {
    const rsa = sshKeygen('rsa', 2048).publicKey;
    const [type, body] = rsa.split(' ');
    for (const malformed of ['not a key', `ssh-ed25519 ${body}`, `${type} ${body!.slice(0, -8)}`, `${type} !!!!`, 'ssh-foo AAAAB3NzaC1yc2E=', '-----BEGIN PUBLIC KEY-----']) {
      await expectEcsError(importKey('malformed-key', malformed), 'InvalidPublicKeyBody.Malformed', 400);
    }
    for (const name of ['1starts-with-digit', 'a', 'x'.repeat(129), 'http://key', 'has space', 'semi;colon']) {
      await expectEcsError(importKey(name, rsa), 'InvalidKeyPairName.Malformed', 400);
      await expectEcsError(ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: name })), 'InvalidKeyPairName.Malformed', 400);
    }
    await expectEcsError(ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId })), 'MissingParameter', 400);
    await expectEcsError(ecs.importKeyPair(new ImportKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'no-body' })), 'MissingParameter', 400);
    await importKey('packer_5fd7a3c2-1b2c-4d5e.key:1', rsa);
    await expectEcsError(importKey('packer_5fd7a3c2-1b2c-4d5e.key:1', rsa), 'KeyPair.AlreadyExist', 400);
    await expectEcsError(
      ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'packer_5fd7a3c2-1b2c-4d5e.key:1' })),
      'KeyPair.AlreadyExist',
      400,
    );
    await expectEcsError(
      ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'in-no-group', resourceGroupId: 'rg-unknown' })),
      'InvalidResourceGroup.NotFound',
      404,
    );
  });

  it('lets the same name live in another region and another account', async () => {
    const rsa = sshKeygen('rsa', 2048).publicKey;
    await importKey('shared-name', rsa);
    await ecs.importKeyPair(new ImportKeyPairRequest({ regionId: 'cn-shanghai', keyPairName: 'shared-name', publicKeyBody: rsa }));
    const other = await cloud.createAccount();
    const otherEcs = cloud.ecsClient(other);
    expect((await otherEcs.describeKeyPairs(new DescribeKeyPairsRequest({ regionId: cloud.regionId }))).body!.totalCount).toBe(0);
    await otherEcs.importKeyPair(new ImportKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'shared-name', publicKeyBody: rsa }));
  });

  it('describes by exact name, wildcard, fingerprint, resource group and tags, page by page', async () => {
    const { otherId } = await seededResourceGroups(cloud);
    const made: Record<string, string> = {};
    for (const name of ['web-key-1', 'web-key-2', 'web-key-3', 'db-key']) {
      const body = (await ecs.createKeyPair(new CreateKeyPairRequest({
        regionId: cloud.regionId,
        keyPairName: name,
        ...(name === 'db-key' ? { resourceGroupId: otherId, tag: [new CreateKeyPairRequestTag({ key: 'role', value: 'db' })] } : {}),
      }))).body!;
      made[name] = body.keyPairFingerPrint!;
    }
    const names = async (fields: Partial<DescribeKeyPairsRequest>) => (await describeKeys(fields)).keyPairs!.keyPair!.map((key) => key.keyPairName).sort();
    // Without `*` the name is exact: the provider adopts item 0 without checking it.
    expect(await names({ keyPairName: 'web-key' })).toEqual([]);
    expect(await names({ keyPairName: 'web-key-2' })).toEqual(['web-key-2']);
    expect(await names({ keyPairName: 'web-key*' })).toEqual(['web-key-1', 'web-key-2', 'web-key-3']);
    expect(await names({ keyPairName: '*key-3' })).toEqual(['web-key-3']);
    expect(await names({ keyPairName: '*b-k*' })).toEqual(['db-key', 'web-key-1', 'web-key-2', 'web-key-3']);
    expect(await names({ keyPairFingerPrint: made['web-key-1'] })).toEqual(['web-key-1']);
    expect(await names({ resourceGroupId: otherId })).toEqual(['db-key']);
    expect(await names({ tag: [new DescribeKeyPairsRequestTag({ key: 'role', value: 'db' })] })).toEqual(['db-key']);
    const [dbKey] = (await describeKeys({ keyPairName: 'db-key' })).keyPairs!.keyPair!;
    expect(dbKey).toMatchObject({ resourceGroupId: otherId, tags: { tag: [{ tagKey: 'role', tagValue: 'db' }] } });
    expect(dbKey!.publicKey).toBeUndefined();

    const first = await describeKeys({ keyPairName: 'web-key*', pageSize: 2 });
    const second = await describeKeys({ keyPairName: 'web-key*', pageSize: 2, pageNumber: 2 });
    expect(first).toMatchObject({ totalCount: 3, pageNumber: 1, pageSize: 2 });
    expect(first.keyPairs!.keyPair).toHaveLength(2);
    expect(second.keyPairs!.keyPair).toHaveLength(1);
    expect(new Set([...first.keyPairs!.keyPair!, ...second.keyPairs!.keyPair!].map((key) => key.keyPairName)).size).toBe(3);
    await expectEcsError(describeKeys({ pageSize: 51 }), 'InvalidParameter', 400);
  });

  it('tags key pairs and moves them between resource groups by name, as the provider does', async () => {
    const { otherId } = await seededResourceGroups(cloud);
    await ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'tagged-key' }));
    await ecs.tagResources(new TagResourcesRequest({
      regionId: cloud.regionId,
      resourceType: 'keypair',
      resourceId: ['tagged-key'],
      tag: [new TagResourcesRequestTag({ key: 'team', value: 'infra' }), new TagResourcesRequestTag({ key: 'tmp', value: 'x' })],
    }));
    await ecs.untagResources(new UntagResourcesRequest({ regionId: cloud.regionId, resourceType: 'keypair', resourceId: ['tagged-key'], tagKey: ['tmp'] }));
    const listed = (await ecs.listTagResources(new ListTagResourcesRequest({ regionId: cloud.regionId, resourceType: 'keypair', resourceId: ['tagged-key'] }))).body!;
    expect(listed.tagResources!.tagResource).toEqual([{ resourceId: 'tagged-key', resourceType: 'keypair', tagKey: 'team', tagValue: 'infra' }]);
    await expectEcsError(
      ecs.tagResources(new TagResourcesRequest({ regionId: cloud.regionId, resourceType: 'keypair', resourceId: ['no-such-key'], tag: [new TagResourcesRequestTag({ key: 'a', value: 'b' })] })),
      'InvalidResourceId.NotFound',
    );
    await ecs.joinResourceGroup(new JoinResourceGroupRequest({ regionId: cloud.regionId, resourceType: 'keypair', resourceId: 'tagged-key', resourceGroupId: otherId }));
    const [moved] = (await describeKeys({ keyPairName: 'tagged-key' })).keyPairs!.keyPair!;
    expect(moved).toMatchObject({ resourceGroupId: otherId, tags: { tag: [{ tagKey: 'team', tagValue: 'infra' }] } });
  });

  it('launches with KeyPairName, attaches and detaches, and refuses to delete a key pair in use', async () => {
    await ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'launch-key' }));
    await ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'other-key' }));
    await expectEcsError(ecs.runInstances(runRequest(cloud, network, { keyPairName: 'no-such-key' })), 'InvalidKeyPairName.NotFound', 400);
    const [instanceId] = await runInstances(ecs, runRequest(cloud, network, { keyPairName: 'launch-key' }));
    expect((await describeInstance(ecs, cloud.regionId, instanceId!))!.keyPairName).toBe('launch-key');

    const deleteLaunchKey = () => ecs.deleteKeyPairs(new DeleteKeyPairsRequest({ regionId: cloud.regionId, keyPairNames: '["launch-key"]' }));
    await expectEcsError(deleteLaunchKey(), 'InvalidParameter.KeypairAlreadyAttachedInstance', 400);

    const attached = (await ecs.attachKeyPair(new AttachKeyPairRequest({
      regionId: cloud.regionId,
      keyPairName: 'other-key',
      instanceIds: JSON.stringify([instanceId, 'i-bp00000000000000000000']),
    }))).body!;
    expect(attached).toMatchObject({ keyPairName: 'other-key', totalCount: '2', failCount: '1' });
    expect(attached.results!.result![0]).toEqual({ instanceId, code: '200', message: 'successful', success: 'true' });
    expect(attached.results!.result![1]).toMatchObject({ instanceId: 'i-bp00000000000000000000', success: 'false' });
    // Attaching replaces the key pair, at once.
    expect((await describeInstance(ecs, cloud.regionId, instanceId!))!.keyPairName).toBe('other-key');
    await deleteLaunchKey();

    await expectEcsError(
      ecs.detachKeyPair(new DetachKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'launch-key', instanceIds: JSON.stringify([instanceId]) })),
      'InvalidKeyPairName.NotFound',
      400,
    );
    const detached = (await ecs.detachKeyPair(new DetachKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'other-key', instanceIds: JSON.stringify([instanceId]) }))).body!;
    expect(detached).toMatchObject({ totalCount: '1', failCount: '0' });
    expect((await describeInstance(ecs, cloud.regionId, instanceId!))!.keyPairName).toBe('');
    await ecs.deleteKeyPairs(new DeleteKeyPairsRequest({ regionId: cloud.regionId, keyPairNames: '["other-key","never-existed"]' }));
    expect((await describeKeys({ keyPairName: 'other-key' })).totalCount).toBe(0);
  });

  it('checks the JSON lists of DeleteKeyPairs, AttachKeyPair and DetachKeyPair', async () => {
    await ecs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'list-key' }));
    for (const keyPairNames of ['list-key', '[]', '{"a":1}', JSON.stringify(Array.from({ length: 101 }, (_, i) => `k${i}`))]) {
      await expectEcsError(ecs.deleteKeyPairs(new DeleteKeyPairsRequest({ regionId: cloud.regionId, keyPairNames })), 'InvalidKeyPairNames.ValueNotSupported', 400);
    }
    await expectEcsError(ecs.deleteKeyPairs(new DeleteKeyPairsRequest({ regionId: cloud.regionId })), 'MissingParameter', 400);
    for (const instanceIds of ['i-abc', '[]', JSON.stringify(Array.from({ length: 51 }, (_, i) => `i-${i}`))]) {
      await expectEcsError(
        ecs.attachKeyPair(new AttachKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'list-key', instanceIds })),
        'InvalidInstanceIds.ValueNotSupported',
        400,
      );
    }
    await expectEcsError(
      ecs.attachKeyPair(new AttachKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'missing-key', instanceIds: '["i-abc"]' })),
      'InvalidKeyPairName.NotFound',
      400,
    );
  });

  it('holds 500 key pairs per region: the next is QuotaExceed.KeyPair', async () => {
    const other = await cloud.createAccount();
    const otherEcs = cloud.ecsClient(other);
    const now = Date.now();
    await cloud.cloud.store.db
      .insertInto('key_pairs')
      .values(Array.from({ length: 500 }, (_, i) => ({
        id: `ssh-quota${i}`,
        account_id: other.accountId,
        region_id: cloud.regionId,
        key_pair_name: `quota-${i}`,
        finger_print: '',
        public_key: '',
        resource_group_id: '',
        creation_time: now,
      })))
      .execute();
    await expectEcsError(otherEcs.createKeyPair(new CreateKeyPairRequest({ regionId: cloud.regionId, keyPairName: 'one-too-many' })), 'QuotaExceed.KeyPair', 403);
    await otherEcs.createKeyPair(new CreateKeyPairRequest({ regionId: 'cn-shanghai', keyPairName: 'one-too-many' }));
  });
});

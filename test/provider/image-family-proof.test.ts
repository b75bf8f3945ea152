/**
 * The image family end to end with the real terraform, on `examples/image-copy-and-share`:
 * an image built in cn-hangzhou from an instance that logs in with a key pair behind ingress
 * and egress rules, copied to cn-shanghai through an aliased provider and shared there with a
 * second account, which sees it as `others` through the SDK. Apply → empty second plan →
 * import of every new resource (copy, share, rules, key pair) → empty plan → destroy → an
 * SDK sweep of both regions as both accounts finds nothing.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeImagesRequest, DescribeKeyPairsRequest, DescribeSecurityGroupAttributeRequest } from '@alicloud/ecs20140526';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountCredentials } from '../../src/cloud/seed/accounts.js';
import type { ClientOptions } from '../support/cloud.js';
import { describeInstance } from '../support/compute.js';
import { diagnostics, REPO_ROOT, useTerraformScenario } from '../support/terraform.js';
import { accountLeftovers } from './account-leftovers.js';
import { FAST_SETTINGS } from './image-support.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'image-copy-and-share');
const REGIONS = ['cn-hangzhou', 'cn-shanghai'] as const;
const STEP_TIMEOUT = 400_000;
const NEW_RESOURCES = [
  'alicloud_image_copy.app',
  'alicloud_image_share_permission.team[0]',
  'alicloud_security_group_rule.ssh_in',
  'alicloud_security_group_rule.all_out',
  'alicloud_ecs_key_pair.build',
] as const;

describe('examples/image-copy-and-share: copy, share, rules and a key pair, end to end', () => {
  const scenario = useTerraformScenario({ cloud: { settings: FAST_SETTINGS, jobPollIntervalMs: 25 } });
  let friend: AccountCredentials;
  const ids: Record<string, string> = {};
  const as = (keys: AccountCredentials | undefined, regionId: string): ClientOptions => ({
    regionId,
    ...(keys === undefined ? {} : { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret }),
  });

  beforeAll(async () => {
    expect(scenario.cloud.regionId).toBe('cn-hangzhou');
    friend = await scenario.cloud.createAccount();
    cpSync(EXAMPLE, scenario.tf.dir, { recursive: true });
    scenario.tf.writeFile('terraform.tfvars', `share_with_account_id = "${friend.accountId}"\n`);
  });

  it('applies; the friend sees the copy as others in cn-shanghai; the instance holds the key pair behind both rules; the second plan is empty', async () => {
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const state = await scenario.tf.state();
    for (const address of NEW_RESOURCES) ids[address] = String(state.resource(address).values['id']);
    const imageId = String(state.resource('alicloud_image.app').values['id']);
    const copyId = ids['alicloud_image_copy.app']!;
    expect(ids['alicloud_image_share_permission.team[0]']).toBe(`${copyId}:${friend.accountId}`);

    const ecs = scenario.cloud.ecsClient();
    const copy = (await scenario.cloud.ecsClient(as(undefined, 'cn-shanghai')).describeImages(new DescribeImagesRequest({ regionId: 'cn-shanghai', imageId: copyId }))).body?.images?.image?.[0];
    expect(copy).toMatchObject({ status: 'Available', usable: true, isCopied: true, imageOwnerAlias: 'self', imageName: 'app-1-0-0' });
    const seen = await scenario.cloud.ecsClient(as(friend, 'cn-shanghai')).describeImages(new DescribeImagesRequest({ regionId: 'cn-shanghai', imageOwnerAlias: 'others' }));
    expect((seen.body?.images?.image ?? []).map((image) => [image.imageId, image.imageOwnerAlias])).toEqual([[copyId, 'others']]);
    const notInSource = await scenario.cloud.ecsClient(as(friend, 'cn-hangzhou')).describeImages(new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageOwnerAlias: 'others' }));
    expect((notInSource.body?.images?.image ?? []).map((image) => image.imageId)).not.toContain(imageId);

    const instanceId = String(state.resource('alicloud_instance.build').values['id']);
    expect((await describeInstance(ecs, 'cn-hangzhou', instanceId))?.keyPairName).toBe('image-build');
    const groupId = String(state.resource('alicloud_security_group.build').values['id']);
    const rules = (await ecs.describeSecurityGroupAttribute(new DescribeSecurityGroupAttributeRequest({ regionId: 'cn-hangzhou', securityGroupId: groupId }))).body?.permissions?.permission ?? [];
    expect(rules.map((rule) => [rule.direction, rule.ipProtocol, rule.portRange]).sort()).toEqual([
      ['egress', 'ALL', '-1/-1'],
      ['ingress', 'TCP', '22/22'],
    ]);

    const second = await scenario.tf.run(['plan', '-detailed-exitcode']);
    expect(second.code, diagnostics(second)).toBe(0);
  }, STEP_TIMEOUT);

  it('imports every new resource; only key_file (never reported by ECS) is recorded in place, then the plan is empty', async () => {
    const tf = scenario.tf;
    const imageId = String((await tf.state()).resource('alicloud_image.app').values['id']);
    expect((await tf.run(['state', 'rm', ...NEW_RESOURCES])).code).toBe(0);
    const importIds: Record<string, string> = {
      ...ids,
      'alicloud_image_copy.app': `${ids['alicloud_image_copy.app']}:cn-hangzhou:${imageId}`,
    };
    for (const address of NEW_RESOURCES) {
      const imported = await tf.import(address, importIds[address]!);
      expect(imported.code, `${address}\n${diagnostics(imported)}`).toBe(0);
    }
    const plan = await tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes.map((change) => [change.address, change.actions, change.after?.['key_file']])).toEqual([['alicloud_ecs_key_pair.build', ['update'], './image-build.pem']]);
    const recorded = await tf.apply();
    expect(recorded.code, diagnostics(recorded)).toBe(0);
    const empty = await tf.run(['plan', '-detailed-exitcode']);
    expect(empty.code, diagnostics(empty)).toBe(0);
  }, STEP_TIMEOUT);

  it('destroys everything: nothing is left in either region, as either account', async () => {
    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    const empty = { images: [], snapshots: [], disks: [], instances: [], securityGroups: [], vswitches: [], vpcs: [] };
    for (const regionId of REGIONS) {
      for (const keys of [undefined, friend]) {
        expect({ regionId, account: keys?.accountId ?? 'owner', left: await accountLeftovers(scenario.cloud, as(keys, regionId)) }).toEqual({
          regionId,
          account: keys?.accountId ?? 'owner',
          left: empty,
        });
        const keyPairs = await scenario.cloud.ecsClient(as(keys, regionId)).describeKeyPairs(new DescribeKeyPairsRequest({ regionId }));
        expect(keyPairs.body?.keyPairs?.keyPair ?? []).toEqual([]);
        const shared = await scenario.cloud.ecsClient(as(keys, regionId)).describeImages(new DescribeImagesRequest({ regionId, imageOwnerAlias: 'others' }));
        expect(shared.body?.images?.image ?? []).toEqual([]);
      }
    }
  }, STEP_TIMEOUT);
});

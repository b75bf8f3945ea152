/**
 * `alicloud_key_pairs` and `alicloud_security_groups` with the real terraform, over key pairs
 * and groups made with the SDK: filters sent to the cloud (vpc_id, tags, fingerprint) and
 * narrowed by the provider (ids, name_regex), every listed field checked.
 */
import { CreateKeyPairRequest, CreateKeyPairRequestTag, CreateSecurityGroupRequest, CreateSecurityGroupRequestTag } from '@alicloud/ecs20140526';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNetwork, type Network } from '../support/network.js';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { PROVIDER_HEADER } from './image-support.js';

describe('alicloud_key_pairs and alicloud_security_groups', () => {
  const scenario = useTerraformScenario();
  let network: Network;
  let webGroupId = '';
  let deployPrint = '';

  beforeAll(async () => {
    const tc = scenario.cloud;
    const ecs = tc.ecsClient();
    network = await createNetwork(tc);
    const web = await ecs.createSecurityGroup(
      new CreateSecurityGroupRequest({ regionId: tc.regionId, vpcId: network.vpcId, securityGroupName: 'web-front', description: 'the web tier', tag: [new CreateSecurityGroupRequestTag({ key: 'tier', value: 'web' })] }),
    );
    webGroupId = web.body?.securityGroupId ?? '';
    const deploy = await ecs.createKeyPair(new CreateKeyPairRequest({ regionId: tc.regionId, keyPairName: 'deploy-one', tag: [new CreateKeyPairRequestTag({ key: 'team', value: 'ops' })] }));
    deployPrint = deploy.body?.keyPairFingerPrint ?? '';
    await ecs.createKeyPair(new CreateKeyPairRequest({ regionId: tc.regionId, keyPairName: 'laptop-one' }));
  });

  it('lists, filters and narrows key pairs and security groups', async () => {
    scenario.tf.write(`${PROVIDER_HEADER}
data "alicloud_key_pairs" "deploy" {
  name_regex = "^deploy"
}
data "alicloud_key_pairs" "by_print" {
  finger_print = "${deployPrint}"
}
data "alicloud_key_pairs" "by_tag" {
  tags = { team = "ops" }
}
data "alicloud_key_pairs" "all" {}
data "alicloud_security_groups" "web" {
  vpc_id     = "${network.vpcId}"
  name_regex = "^web-"
}
data "alicloud_security_groups" "tagged" {
  tags = { tier = "web" }
}
data "alicloud_security_groups" "in_vpc" {
  vpc_id = "${network.vpcId}"
}
output "deploy" { value = data.alicloud_key_pairs.deploy.key_pairs }
output "by_print" { value = data.alicloud_key_pairs.by_print.names }
output "by_tag" { value = data.alicloud_key_pairs.by_tag.ids }
output "all" { value = data.alicloud_key_pairs.all.names }
output "web" { value = data.alicloud_security_groups.web.groups }
output "tagged" { value = data.alicloud_security_groups.tagged.ids }
output "in_vpc" { value = data.alicloud_security_groups.in_vpc.names }
`);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const shown = await scenario.tf.run(['output', '-json']);
    const outputs = Object.fromEntries(Object.entries(JSON.parse(shown.stdout) as Record<string, { value: unknown }>).map(([key, { value }]) => [key, value]));
    expect(outputs['deploy']).toEqual([
      { id: 'deploy-one', key_name: 'deploy-one', key_pair_name: 'deploy-one', finger_print: deployPrint, resource_group_id: expect.any(String), tags: { team: 'ops' } },
    ]);
    expect(outputs['by_print']).toEqual(['deploy-one']);
    expect(outputs['by_tag']).toEqual(['deploy-one']);
    expect([...(outputs['all'] as string[])].sort()).toEqual(['deploy-one', 'laptop-one']);
    expect(outputs['web']).toEqual([
      {
        id: webGroupId,
        name: 'web-front',
        security_group_name: 'web-front',
        description: 'the web tier',
        vpc_id: network.vpcId,
        resource_group_id: expect.any(String),
        security_group_type: 'normal',
        inner_access: true,
        creation_time: expect.stringMatching(/^\d{4}-/),
        tags: { tier: 'web' },
      },
    ]);
    expect(outputs['tagged']).toEqual([webGroupId]);
    expect([...(outputs['in_vpc'] as string[])].sort()).toEqual(expect.arrayContaining(['web-front']));
    expect((outputs['in_vpc'] as string[]).length).toBe(2);
  }, 240_000);
});

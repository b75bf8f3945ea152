/**
 * `alicloud_ecs_key_pair`, its older name `alicloud_key_pair`, and `alicloud_instance.key_name`
 * with the real terraform: a generated key pair whose private key lands in `key_file`
 * (mode 0600), an imported one (fingerprint = MD5 of the key blob), an instance holding the
 * first; an empty second plan; tags and the instance's key pair changed in place; a new
 * public key replaces; import by name; plan-time validation; destroy leaves nothing.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeKeyPairsRequest } from '@alicloud/ecs20140526';
import { describe, expect, it } from 'vitest';
import { describeInstance } from '../support/compute.js';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';
import { FAST_SETTINGS, PROVIDER_HEADER } from './image-support.js';

const STEP_TIMEOUT = 300_000;

function sshString(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/** A fresh ed25519 public key in OpenSSH form, and its blob. */
function ed25519PublicKey(): { readonly text: string; readonly blob: Buffer } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url');
  const blob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)]);
  return { text: `ssh-ed25519 ${blob.toString('base64')}`, blob };
}

const md5 = (blob: Buffer): string => (createHash('md5').update(blob).digest('hex').match(/../g) ?? []).join(':');

interface Settings {
  readonly publicKey: string;
  readonly tags: string;
  readonly instanceKey: 'generated' | 'imported';
}

function config(s: Settings): string {
  return `${PROVIDER_HEADER}
resource "alicloud_vpc" "main" {
  vpc_name   = "keys"
  cidr_block = "10.2.0.0/16"
}
resource "alicloud_vswitch" "main" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.2.1.0/24"
  zone_id    = "cn-hangzhou-h"
}
resource "alicloud_security_group" "main" {
  security_group_name = "keys"
  vpc_id              = alicloud_vpc.main.id
}

resource "alicloud_ecs_key_pair" "generated" {
  key_pair_name = "deploy-generated"
  key_file      = "\${path.module}/deploy.pem"
  tags          = ${s.tags}
}

resource "alicloud_key_pair" "imported" {
  key_name_prefix = "laptop-"
  public_key      = "${s.publicKey}"
}

resource "alicloud_instance" "main" {
  image_id             = "ubuntu_22_04_x64_20G_alibase_20240220.vhd"
  instance_type        = "ecs.g7.large"
  security_groups      = [alicloud_security_group.main.id]
  vswitch_id           = alicloud_vswitch.main.id
  system_disk_category = "cloud_essd"
  key_name             = ${s.instanceKey === 'generated' ? 'alicloud_ecs_key_pair.generated.key_pair_name' : 'alicloud_key_pair.imported.key_pair_name'}
}
`;
}

describe('alicloud_ecs_key_pair, alicloud_key_pair and alicloud_instance.key_name', () => {
  const scenario = useTerraformScenario({ cloud: { settings: FAST_SETTINGS, jobPollIntervalMs: 25 } });
  const laptop = ed25519PublicKey();
  let settings: Settings = { publicKey: laptop.text, tags: '{ team = "ops" }', instanceKey: 'generated' };
  let importedName = '';
  let instanceId = '';
  const keyPairs = async () =>
    (await scenario.cloud.ecsClient().describeKeyPairs(new DescribeKeyPairsRequest({ regionId: scenario.cloud.regionId, includePublicKey: true }))).body?.keyPairs?.keyPair ?? [];

  it('generates one key pair (private key in key_file, mode 0600), imports another, and logs the instance in with the first; the second plan is empty', async () => {
    scenario.tf.write(config(settings));
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const state = await scenario.tf.state();
    const generated = state.resource('alicloud_ecs_key_pair.generated').values;
    const imported = state.resource('alicloud_key_pair.imported').values;
    importedName = String(imported['id']);
    instanceId = String(state.resource('alicloud_instance.main').values['id']);
    expect(importedName).toMatch(/^laptop-\d{17}\d{8}$/);
    expect(generated).toMatchObject({
      id: 'deploy-generated',
      key_pair_name: 'deploy-generated',
      key_name: 'deploy-generated',
      finger_print: expect.stringMatching(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/),
      public_key: expect.stringMatching(/^ssh-rsa AAAA/),
      tags: { team: 'ops' },
      create_time: expect.any(String),
    });
    expect(imported).toMatchObject({ key_pair_name: importedName, key_name: importedName, public_key: laptop.text, finger_print: md5(laptop.blob), key_name_prefix: 'laptop-' });

    const pem = join(scenario.tf.dir, 'deploy.pem');
    expect(readFileSync(pem, 'utf8')).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----/);
    expect(statSync(pem).mode & 0o777).toBe(0o600);

    expect((await keyPairs()).map((k) => k.keyPairName).sort()).toEqual(['deploy-generated', importedName].sort());
    expect((await describeInstance(scenario.cloud.ecsClient(), scenario.cloud.regionId, instanceId))?.keyPairName).toBe('deploy-generated');
    expect((await scenario.tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('changes tags and the instance\'s key pair in place; a comment on the public key is recorded in place; another key replaces', async () => {
    settings = { ...settings, tags: '{ team = "ops", stage = "prod" }', instanceKey: 'imported' };
    scenario.tf.write(config(settings));
    const plan = await scenario.tf.plan();
    expect(plan.changes.map((c) => [c.address, c.actions]).sort()).toEqual([
      ['alicloud_ecs_key_pair.generated', ['update']],
      ['alicloud_instance.main', ['update']],
    ]);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const instance = await describeInstance(scenario.cloud.ecsClient(), scenario.cloud.regionId, instanceId);
    expect(instance).toMatchObject({ keyPairName: importedName, status: 'Running' });
    expect((await keyPairs()).find((k) => k.keyPairName === 'deploy-generated')?.tags?.tag?.map((t) => [t.tagKey, t.tagValue]).sort()).toEqual([
      ['stage', 'prod'],
      ['team', 'ops'],
    ]);
    expect((await scenario.tf.plan()).changes).toEqual([]);

    settings = { ...settings, publicKey: `${laptop.text} me@laptop` };
    scenario.tf.write(config(settings));
    const commented = await scenario.tf.plan();
    expect(commented.changes.map((c) => [c.address, c.actions])).toEqual([['alicloud_key_pair.imported', ['update']]]);

    // ECS refuses to delete a key pair an instance holds: the instance moves off it first.
    settings = { ...settings, instanceKey: 'generated' };
    scenario.tf.write(config(settings));
    const moved = await scenario.tf.apply();
    expect(moved.code, diagnostics(moved)).toBe(0);

    settings = { ...settings, publicKey: ed25519PublicKey().text };
    scenario.tf.write(config(settings));
    const replaced = await scenario.tf.plan();
    const keyChange = replaced.changes.find((c) => c.address === 'alicloud_key_pair.imported');
    expect(keyChange?.actions).toEqual(['delete', 'create']);
    expect(keyChange?.replacePaths).toEqual(expect.arrayContaining([['public_key']]));
    const again = await scenario.tf.apply();
    expect(again.code, diagnostics(again)).toBe(0);
    expect((await scenario.tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('imports both key pairs by name: key_file and key_name_prefix are recorded in place, then the plan is empty', async () => {
    const tf = scenario.tf;
    const imported = (await tf.state()).resource('alicloud_key_pair.imported').values;
    expect((await tf.run(['state', 'rm', 'alicloud_ecs_key_pair.generated', 'alicloud_key_pair.imported'])).code).toBe(0);
    expect((await tf.import('alicloud_ecs_key_pair.generated', 'deploy-generated')).code).toBe(0);
    const second = await tf.import('alicloud_key_pair.imported', String(imported['id']));
    expect(second.code, diagnostics(second)).toBe(0);
    const plan = await tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    // key_file and key_name_prefix only exist in the configuration: recorded in place, nothing replaced.
    expect(plan.changes.map((c) => [c.address, c.actions, Object.keys(c.after ?? {}).filter((key) => JSON.stringify(c.after?.[key]) !== JSON.stringify(c.before?.[key]))])).toEqual([
      ['alicloud_ecs_key_pair.generated', ['update'], ['key_file']],
      ['alicloud_key_pair.imported', ['update'], ['key_name_prefix']],
    ]);
    expect((await tf.apply()).code).toBe(0);
    expect((await tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('refuses bad names, prefixes and public keys at plan time', async () => {
    scenario.tf.write(`${PROVIDER_HEADER}
resource "alicloud_ecs_key_pair" "a" {
  key_pair_name = "1-starts-with-a-digit"
}
resource "alicloud_ecs_key_pair" "b" {
  key_name_prefix = "-dash"
}
resource "alicloud_key_pair" "c" {
  public_key = "ssh-rsa not-base64!"
}
resource "alicloud_ecs_key_pair" "d" {
  key_pair_name = "one"
  key_name      = "two"
}
`);
    const plan = await scenario.tf.plan();
    expect(plan.code).not.toBe(0);
    const text = diagnostics(plan).replace(/\s+/g, ' ');
    expect(text).toMatch(/invalid value for key_pair_name \(2 to 128 characters, starting with a letter/);
    expect(text).toMatch(/invalid value for key_name_prefix \(the start of a key pair name/);
    expect(text).toMatch(/invalid value for public_key \(an OpenSSH public key/);
    expect(text).toMatch(/key_name[^]*conflicts|conflicts[^]*key_name/i);
    scenario.tf.write(config(settings));
  }, STEP_TIMEOUT);

  it('destroy deletes the key pairs after the instance and leaves nothing', async () => {
    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    await expectAccountEmpty(scenario.cloud);
    expect(await keyPairs()).toEqual([]);
  }, STEP_TIMEOUT);
});

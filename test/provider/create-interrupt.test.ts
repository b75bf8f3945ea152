/**
 * No orphans on Ctrl-C or timeout, with the real terraform: a create whose API call is still
 * on the wire when the user presses Ctrl-C (or the create timeout runs out) finishes that
 * call, records the new id, and ends tainted in state, so `terraform destroy` removes it —
 * for an instance (RunInstances), a VPC and a disk. A delaying proxy between terraform's
 * provider and the cloud holds the create call's answer for a few seconds (the cloud has
 * made the object), and SIGINT reaches terraform's process group while it is held.
 */
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTerraformWorkspace, diagnostics, useTerraformScenario, type TerraformWorkspace } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';
import { startDelayingProxy, type DelayingProxy } from './delaying-proxy.js';

const STEP_TIMEOUT = 240_000;
/** Long enough for terraform to be interrupted while the answer is held, short enough to wait for. */
const HOLD_MS = 4000;

const NETWORK = `
resource "alicloud_vpc" "net" {
  vpc_name   = "interrupt-net"
  cidr_block = "10.9.0.0/16"
}
resource "alicloud_vswitch" "net" {
  vpc_id     = alicloud_vpc.net.id
  cidr_block = "10.9.1.0/24"
  zone_id    = "cn-hangzhou-h"
}
resource "alicloud_security_group" "net" {
  security_group_name = "interrupt-sg"
  vpc_id              = alicloud_vpc.net.id
}
`;

const INSTANCE = `
resource "alicloud_instance" "slow" {
  instance_name        = "interrupted"
  image_id             = "ubuntu_22_04_x64_20G_alibase_20240220.vhd"
  instance_type        = "ecs.g7.large"
  security_groups      = [alicloud_security_group.net.id]
  vswitch_id           = alicloud_vswitch.net.id
  system_disk_category = "cloud_essd"
}
`;

/** Flattens terraform's wrapped diagnostics ("│ " gutters, line breaks) into one line. */
function flat(text: string): string {
  return text.replace(/│/g, ' ').replace(/\s+/g, ' ');
}

describe('Ctrl-C during a create call leaves the new object in state, tainted', () => {
  const scenario = useTerraformScenario({ workspaces: 0 });
  let proxy: DelayingProxy;
  const workspaces: TerraformWorkspace[] = [];

  beforeAll(async () => {
    proxy = await startDelayingProxy(scenario.cloud.url);
  });
  afterAll(async () => {
    for (const tf of workspaces) tf.remove();
    await proxy?.close();
  });

  /** A workspace whose provider reaches the cloud through the delaying proxy. */
  function slowWorkspace(): TerraformWorkspace {
    const { regionId, credentials } = scenario.cloud;
    const tf = createTerraformWorkspace({ cloud: { url: proxy.url, regionId, credentials } });
    workspaces.push(tf);
    return tf;
  }

  /** Applies with the answer to `action` held, presses Ctrl-C while it is held; returns the new id. */
  async function interruptDuring(tf: TerraformWorkspace, action: string, address: string): Promise<string> {
    proxy.hold(action, HOLD_MS);
    let said: string;
    try {
      const running = tf.start(['apply', '-auto-approve']);
      await proxy.held(action);
      running.interrupt();
      const done = await running.done;
      said = diagnostics(done);
      expect(done.code, said).not.toBe(0);
      expect(flat(said)).toContain('interrupted');
    } finally {
      proxy.hold(action, 0);
    }
    const state = await tf.state();
    expect(state.has(address), `${address} is not in the state; terraform said:
${said}`).toBe(true);
    const resource = state.resource(address);
    expect(resource.tainted).toBe(true);
    const id = resource.values['id'];
    expect(typeof id).toBe('string');
    return id as string;
  }

  async function destroyAll(tf: TerraformWorkspace): Promise<void> {
    const destroyed = await tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    await expectAccountEmpty(scenario.cloud);
  }

  it('a VPC whose CreateVpc is on the wire', async () => {
    const tf = slowWorkspace();
    tf.write(`resource "alicloud_vpc" "slow" {\n  vpc_name   = "interrupted"\n  cidr_block = "10.8.0.0/16"\n}\n`);
    const id = await interruptDuring(tf, 'CreateVpc', 'alicloud_vpc.slow');
    const listed = await scenario.cloud.vpcClient().describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: scenario.cloud.regionId, vpcName: 'interrupted' }));
    expect((listed.body?.vpcs?.vpc ?? []).map((vpc) => vpc.vpcId)).toEqual([id]);
    await destroyAll(tf);
  }, STEP_TIMEOUT);

  it('a VPC whose create timeout runs out while CreateVpc is on the wire', async () => {
    const tf = slowWorkspace();
    tf.write(`resource "alicloud_vpc" "late" {\n  vpc_name   = "timed-out"\n  cidr_block = "10.7.0.0/16"\n  timeouts {\n    create = "1s"\n  }\n}\n`);
    proxy.hold('CreateVpc', HOLD_MS);
    let said: string;
    try {
      const applied = await tf.apply();
      said = diagnostics(applied);
      expect(applied.code, said).not.toBe(0);
      expect(flat(said)).toContain('timed out after 1s');
    } finally {
      proxy.hold('CreateVpc', 0);
    }
    const state = await tf.state();
    expect(state.has('alicloud_vpc.late'), `alicloud_vpc.late is not in the state; terraform said:\n${said}`).toBe(true);
    const resource = state.resource('alicloud_vpc.late');
    expect(resource.tainted).toBe(true);
    const listed = await scenario.cloud.vpcClient().describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: scenario.cloud.regionId, vpcName: 'timed-out' }));
    expect((listed.body?.vpcs?.vpc ?? []).map((vpc) => vpc.vpcId)).toEqual([resource.values['id']]);
    await destroyAll(tf);
  }, STEP_TIMEOUT);

  it('a disk whose CreateDisk is on the wire', async () => {
    const tf = slowWorkspace();
    tf.write(`resource "alicloud_disk" "slow" {\n  zone_id   = "cn-hangzhou-h"\n  category  = "cloud_essd"\n  size      = 20\n  disk_name = "interrupted"\n}\n`);
    const id = await interruptDuring(tf, 'CreateDisk', 'alicloud_disk.slow');
    const listed = await scenario.cloud.ecsClient().describeDisks(new $Ecs.DescribeDisksRequest({ regionId: scenario.cloud.regionId, diskName: 'interrupted' }));
    expect((listed.body?.disks?.disk ?? []).map((disk) => disk.diskId)).toEqual([id]);
    await destroyAll(tf);
  }, STEP_TIMEOUT);

  it('an instance whose RunInstances is on the wire', async () => {
    const tf = slowWorkspace();
    tf.write(NETWORK);
    const network = await tf.apply();
    expect(network.code, diagnostics(network)).toBe(0);
    tf.write(NETWORK + INSTANCE);
    const id = await interruptDuring(tf, 'RunInstances', 'alicloud_instance.slow');
    const listed = await scenario.cloud.ecsClient().describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: scenario.cloud.regionId, instanceName: 'interrupted' }));
    expect((listed.body?.instances?.instance ?? []).map((instance) => instance.instanceId)).toEqual([id]);
    // The next plan replaces the tainted instance: terraform knows it.
    const plan = await tf.plan();
    expect(plan.changes.map((change) => [change.address, change.actions])).toEqual([['alicloud_instance.slow', ['delete', 'create']]]);
    await destroyAll(tf);
  }, STEP_TIMEOUT);
});

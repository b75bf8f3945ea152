/**
 * `alicloud_security_group_rule` with the real terraform: inbound and outbound rules of
 * every peer kind (IPv4, IPv6, another group), checked through the
 * SDK; an empty second plan; description changed and cleared in place; import of each by
 * upstream's 8-part id (and the `<nil>` NIC type of ids upstream wrote); a rule revoked
 * behind terraform's back planned again; plan-time validation with attribute paths; destroy.
 */
import { DescribeSecurityGroupAttributeRequest, RevokeSecurityGroupRequest, RevokeSecurityGroupRequestPermissions } from '@alicloud/ecs20140526';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { expectAccountEmpty } from './account-leftovers.js';
import { PROVIDER_HEADER } from './image-support.js';

const STEP_TIMEOUT = 240_000;
const RULES = ['ssh', 'all_out', 'v6', 'peer'] as const;

function config(descriptions: { ssh: string | null; peer: string | null }, rules = ''): string {
  const description = (text: string | null): string => (text === null ? '' : `\n  description       = "${text}"`);
  return `${PROVIDER_HEADER}
resource "alicloud_vpc" "main" {
  vpc_name   = "rules"
  cidr_block = "172.16.0.0/16"
}

resource "alicloud_security_group" "app" {
  security_group_name = "app"
  vpc_id              = alicloud_vpc.main.id
}

resource "alicloud_security_group" "bastion" {
  security_group_name = "bastion"
  vpc_id              = alicloud_vpc.main.id
}

resource "alicloud_security_group_rule" "ssh" {
  security_group_id = alicloud_security_group.app.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = "10.0.0.0/8"
  priority          = 10${description(descriptions.ssh)}
}

resource "alicloud_security_group_rule" "all_out" {
  security_group_id = alicloud_security_group.app.id
  type              = "egress"
  ip_protocol       = "all"
  cidr_ip           = "0.0.0.0/0"
  policy            = "accept"
}

resource "alicloud_security_group_rule" "v6" {
  security_group_id = alicloud_security_group.app.id
  type              = "ingress"
  ip_protocol       = "udp"
  port_range        = "53/53"
  ipv6_cidr_ip      = "2001:db8::/64"
  policy            = "drop"
}

resource "alicloud_security_group_rule" "peer" {
  security_group_id        = alicloud_security_group.app.id
  type                     = "ingress"
  ip_protocol              = "icmp"
  nic_type                 = "intranet"
  source_security_group_id = alicloud_security_group.bastion.id${description(descriptions.peer)}
}
${rules}`;
}

describe('alicloud_security_group_rule', () => {
  const scenario = useTerraformScenario();
  let groupId = '';
  const ids: Record<string, string> = {};
  const permissions = async () => {
    const response = await scenario.cloud.ecsClient().describeSecurityGroupAttribute(new DescribeSecurityGroupAttributeRequest({ regionId: scenario.cloud.regionId, securityGroupId: groupId }));
    return response.body?.permissions?.permission ?? [];
  };

  beforeAll(() => undefined);

  it('authorizes inbound and outbound rules of every peer kind; the second plan is empty', async () => {
    scenario.tf.write(config({ ssh: 'ssh from the office', peer: 'ping from the bastion' }));
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const state = await scenario.tf.state();
    groupId = String(state.resource('alicloud_security_group.app').values['id']);
    const bastionId = String(state.resource('alicloud_security_group.bastion').values['id']);
    for (const name of RULES) ids[name] = String(state.resource(`alicloud_security_group_rule.${name}`).values['id']);
    expect(ids).toEqual({
      ssh: `${groupId}:ingress:tcp:22/22:intranet:10.0.0.0/8:accept:10`,
      all_out: `${groupId}:egress:all:-1/-1:intranet:0.0.0.0/0:accept:1`,
      v6: `${groupId}:ingress:udp:53/53:intranet:2001_db8__/64:drop:1`,
      peer: `${groupId}:ingress:icmp:-1/-1:intranet:${bastionId}:accept:1`,
    });
    const ssh = state.resource('alicloud_security_group_rule.ssh').values;
    expect(ssh).toEqual({
      id: ids['ssh'],
      security_group_id: groupId,
      type: 'ingress',
      ip_protocol: 'tcp',
      port_range: '22/22',
      nic_type: 'intranet',
      policy: 'accept',
      priority: 10,
      cidr_ip: '10.0.0.0/8',
      ipv6_cidr_ip: null,
      source_security_group_id: null,
      source_group_owner_account: null,
      source_group_owner_id: null,
      prefix_list_id: '',
      description: 'ssh from the office',
      security_group_rule_id: expect.stringMatching(/^sgr-/),
    });
    expect(state.resource('alicloud_security_group_rule.v6').values['ipv6_cidr_ip']).toBe('2001:db8::/64');

    const listed = await permissions();
    expect(listed.map((p) => [p.direction, p.ipProtocol, p.portRange, p.sourceCidrIp || p.destCidrIp || p.ipv6SourceCidrIp || p.sourceGroupId, p.policy, Number(p.priority)]).sort()).toEqual(
      [
        ['egress', 'ALL', '-1/-1', '0.0.0.0/0', 'Accept', 1],
        ['ingress', 'ICMP', '-1/-1', bastionId, 'Accept', 1],
        ['ingress', 'TCP', '22/22', '10.0.0.0/8', 'Accept', 10],
        ['ingress', 'UDP', '53/53', '2001:db8::/64', 'Drop', 1],
      ].sort(),
    );
    expect((await scenario.tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('changes and clears descriptions in place', async () => {
    scenario.tf.write(config({ ssh: 'ssh from the VPN', peer: null }));
    const plan = await scenario.tf.plan();
    expect(plan.changes.map((c) => [c.address, c.actions]).sort()).toEqual([
      ['alicloud_security_group_rule.peer', ['update']],
      ['alicloud_security_group_rule.ssh', ['update']],
    ]);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const listed = await permissions();
    expect(listed.find((p) => p.portRange === '22/22')?.description).toBe('ssh from the VPN');
    expect(listed.find((p) => p.ipProtocol === 'ICMP')?.description).toBe('');
    expect((await scenario.tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('imports each rule by its id, and an upstream id with <nil> for the NIC type; the plan stays empty', async () => {
    const tf = scenario.tf;
    expect((await tf.run(['state', 'rm', ...RULES.map((name) => `alicloud_security_group_rule.${name}`)])).code).toBe(0);
    for (const name of RULES) {
      const id = name === 'all_out' ? ids[name]!.replace(':intranet:', ':<nil>:') : ids[name]!;
      const imported = await tf.import(`alicloud_security_group_rule.${name}`, id);
      expect(imported.code, diagnostics(imported)).toBe(0);
    }
    const plan = await tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes).toEqual([]);
    const bad = await tf.run(['state', 'rm', 'alicloud_security_group_rule.ssh']);
    expect(bad.code).toBe(0);
    const malformed = await tf.import('alicloud_security_group_rule.ssh', `${groupId}:ingress:tcp:22/22`);
    expect(malformed.code).not.toBe(0);
    expect(diagnostics(malformed)).toContain('expected <security_group_id>:<type>:<ip_protocol>:<port_range>:<nic_type>:<peer>:<policy>:<priority>');
    expect((await tf.import('alicloud_security_group_rule.ssh', ids['ssh']!)).code).toBe(0);
  }, STEP_TIMEOUT);

  it('a rule revoked behind terraform\'s back is planned again', async () => {
    await scenario.cloud.ecsClient().revokeSecurityGroup(
      new RevokeSecurityGroupRequest({
        regionId: scenario.cloud.regionId,
        securityGroupId: groupId,
        permissions: [new RevokeSecurityGroupRequestPermissions({ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/8', priority: '10', policy: 'accept' })],
      }),
    );
    const plan = await scenario.tf.plan();
    expect(plan.changes.map((c) => [c.address, c.actions])).toEqual([['alicloud_security_group_rule.ssh', ['create']]]);
    const applied = await scenario.tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    expect((await scenario.tf.plan()).changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('refuses each documented rule at plan time, naming the attribute', async () => {
    const rule = (name: string, body: string): string => `
resource "alicloud_security_group_rule" "${name}" {
  security_group_id = alicloud_security_group.app.id
  type              = "ingress"
${body}
}
`;
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['  ip_protocol = "tcp"\n  cidr_ip = "10.0.0.0/8"', /port_range[^]*ip_protocol tcp needs a port range such as 22\/22/],
      ['  ip_protocol = "icmp"\n  port_range = "22/22"\n  cidr_ip = "10.0.0.0/8"', /port_range[^]*ip_protocol icmp has no ports: port_range must be -1\/-1/],
      ['  ip_protocol = "tcp"\n  port_range = "90/80"\n  cidr_ip = "10.0.0.0/8"', /port_range must be from\/to with 1 <= from <= to <= 65535/],
      ['  ip_protocol = "all"', /cidr_ip[^]*a rule needs exactly one peer/],
      ['  ip_protocol = "all"\n  cidr_ip = "10.0.0.0/8"\n  prefix_list_id = "pl-123"', /prefix_list_id[^]*exactly one peer, but cidr_ip and prefix_list_id are set/],
      ['  ip_protocol = "all"\n  nic_type = "internet"\n  source_security_group_id = alicloud_security_group.bastion.id', /nic_type[^]*needs nic_type intranet/],
      ['  ip_protocol = "all"\n  cidr_ip = "10.0.0.0/8"\n  priority = 101', /priority[^]*101/],
      ['  ip_protocol = "TCP"\n  port_range = "22/22"\n  cidr_ip = "10.0.0.0/8"', /ip_protocol[^]*TCP/],
      ['  ip_protocol = "all"\n  cidr_ip = "10.0.0.300/8"', /invalid value for cidr_ip \(an IPv4 address or CIDR block/],
      ['  ip_protocol = "all"\n  ipv6_cidr_ip = "2001:db8::g/64"', /invalid value for ipv6_cidr_ip/],
      ['  ip_protocol = "all"\n  ipv6_cidr_ip = "2001:0db8:0000::/64"', /ipv6_cidr_ip must be written compressed, as ECS stores and reports it: "2001:db8::\/64"/],
    ];
    const extra = cases.map(([body], index) => rule(`bad${index}`, body)).join('');
    scenario.tf.write(config({ ssh: 'ssh from the VPN', peer: null }, extra));
    // Attribute validators fail `validate` before any plan runs; the cross-argument checks fail the plan.
    const plan = await scenario.tf.plan();
    expect(plan.code).not.toBe(0);
    const text = diagnostics(plan).replace(/\s+/g, ' ');
    for (const [index, [, pattern]] of cases.entries()) {
      if (index >= 6) expect(text, `case ${index}`).toMatch(pattern);
    }
    scenario.tf.write(config({ ssh: 'ssh from the VPN', peer: null }, cases.slice(0, 6).map(([body], index) => rule(`bad${index}`, body)).join('')));
    const crossPlan = await scenario.tf.plan();
    expect(crossPlan.code).not.toBe(0);
    const crossText = diagnostics(crossPlan).replace(/\s+/g, ' ');
    for (const [index, [, pattern]] of cases.slice(0, 6).entries()) expect(crossText, `case ${index}`).toMatch(pattern);
    scenario.tf.write(config({ ssh: 'ssh from the VPN', peer: null }));
  }, STEP_TIMEOUT);

  it('destroy revokes every rule and leaves nothing', async () => {
    scenario.tf.write(config({ ssh: 'ssh from the VPN', peer: null }));
    const destroyed = await scenario.tf.destroy();
    expect(destroyed.code, diagnostics(destroyed)).toBe(0);
    await expectAccountEmpty(scenario.cloud);
  }, STEP_TIMEOUT);
});

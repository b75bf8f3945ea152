import { beforeAll, describe, expect, it } from 'vitest';
import {
  AuthorizeSecurityGroupEgressRequest,
  AuthorizeSecurityGroupEgressRequestPermissions,
  AuthorizeSecurityGroupRequest,
  AuthorizeSecurityGroupRequestPermissions,
  CreateSecurityGroupRequest,
  DeleteSecurityGroupRequest,
  DescribeSecurityGroupAttributeRequest,
  DescribeSecurityGroupsRequest,
  ModifySecurityGroupEgressRuleRequest,
  ModifySecurityGroupRuleRequest,
  RevokeSecurityGroupEgressRequest,
  RevokeSecurityGroupRequest,
  RevokeSecurityGroupRequestPermissions,
} from '@alicloud/ecs20140526';
import { type EcsClient, useTestCloud } from '../support/cloud.js';
import { createVpcWithVSwitch } from '../support/network.js';
import { expectEcsError } from '../support/sdk-error.js';
import { sendV1 } from '../support/raw-rpc.js';
import { callAction } from './call-action.js';

describe('security-group rules with the official ECS SDK', () => {
  const cloud = useTestCloud();
  let ecs: EcsClient;
  let vpcId: string;

  beforeAll(async () => {
    ecs = cloud.ecsClient();
    ({ vpcId } = await createVpcWithVSwitch(cloud, { vpcCidr: '172.18.0.0/16', cidrBlock: '172.18.1.0/24' }));
  });

  async function newGroup(inVpc = vpcId): Promise<string> {
    const response = await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId: cloud.regionId, vpcId: inVpc }));
    return response.body!.securityGroupId!;
  }

  async function permissions(securityGroupId: string, direction?: string) {
    const response = await ecs.describeSecurityGroupAttribute(
      new DescribeSecurityGroupAttributeRequest({ regionId: cloud.regionId, securityGroupId, direction }),
    );
    return response.body!.permissions!.permission ?? [];
  }

  function ingress(securityGroupId: string, rule: Partial<AuthorizeSecurityGroupRequestPermissions>) {
    return ecs.authorizeSecurityGroup(
      new AuthorizeSecurityGroupRequest({
        regionId: cloud.regionId,
        securityGroupId,
        permissions: [new AuthorizeSecurityGroupRequestPermissions(rule)],
      }),
    );
  }

  /** The flat, deprecated style as a generic RPC call: the fields Packer 1.6 and aliyungo send. */
  function flat(action: string, query: Record<string, string>) {
    return callAction(ecs, { action, version: '2014-05-26', query: { RegionId: cloud.regionId, ...query } });
  }

  it('authorizes an ingress rule in the Permissions.N style and lists it as ECS does', async () => {
    const group = await newGroup();
    await ingress(group, { ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/8', policy: 'accept', priority: '5', description: 'ssh' });
    const [rule, ...rest] = await permissions(group);
    expect(rest).toEqual([]);
    expect(rule).toMatchObject({
      direction: 'ingress',
      ipProtocol: 'TCP',
      portRange: '22/22',
      sourceCidrIp: '10.0.0.0/8',
      nicType: 'intranet',
      policy: 'Accept',
      description: 'ssh',
      sourceGroupId: '',
      destCidrIp: '',
      ipv6SourceCidrIp: '',
    });
    expect(Number(rule!.priority)).toBe(5);
    expect(rule!.securityGroupRuleId).toMatch(/^sgr-bp[0-9a-z]{18}$/);
    expect(rule!.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('answers Priority as a JSON number, which aliyungo decodes into an int', async () => {
    const group = await newGroup();
    await ingress(group, { ipProtocol: 'icmp', portRange: '-1/-1', sourceCidrIp: '0.0.0.0/0' });
    const raw = (await callAction(ecs, {
      action: 'DescribeSecurityGroupAttribute',
      version: '2014-05-26',
      query: { RegionId: cloud.regionId, SecurityGroupId: group },
    })).body as { Permissions: { Permission: Array<Record<string, unknown>> } };
    expect(raw.Permissions.Permission[0]).toMatchObject({ Priority: 1, Policy: 'Accept', IpProtocol: 'ICMP', PortRange: '-1/-1' });
  });

  it('takes the flat style Packer 1.6 sends: NicType=internet on a VPC group is stored as intranet', async () => {
    const group = await newGroup();
    await flat('AuthorizeSecurityGroupEgress', { SecurityGroupId: group, IpProtocol: 'all', PortRange: '-1/-1', NicType: 'internet', DestCidrIp: '0.0.0.0/0' });
    await flat('AuthorizeSecurityGroup', { SecurityGroupId: group, IpProtocol: 'all', PortRange: '-1/-1', NicType: 'internet', SourceCidrIp: '0.0.0.0/0' });
    const egress = await permissions(group, 'egress');
    expect(egress).toHaveLength(1);
    expect(egress[0]).toMatchObject({ direction: 'egress', ipProtocol: 'ALL', destCidrIp: '0.0.0.0/0', nicType: 'intranet', sourceCidrIp: '' });
    expect(await permissions(group, 'ingress')).toHaveLength(1);
    expect(await permissions(group)).toHaveLength(2);
  });

  it('takes the typed request flat fields too', async () => {
    const group = await newGroup();
    await ecs.authorizeSecurityGroup(
      new AuthorizeSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: group, ipProtocol: 'udp', portRange: '53/53', sourceCidrIp: '192.168.0.1' }),
    );
    expect((await permissions(group))[0]).toMatchObject({ ipProtocol: 'UDP', portRange: '53/53', sourceCidrIp: '192.168.0.1' });
  });

  it('treats authorizing an identical rule again as a no-op, in one call and across calls', async () => {
    const group = await newGroup();
    const rule = { ipProtocol: 'TCP', portRange: '80/80', sourceCidrIp: '0.0.0.0/0', description: 'web' };
    await ingress(group, rule);
    await ingress(group, { ...rule, description: 'a different description' });
    await flat('AuthorizeSecurityGroup', { SecurityGroupId: group, IpProtocol: 'tcp', PortRange: '80/80', SourceCidrIp: '0.0.0.0/0' });
    await ecs.authorizeSecurityGroup(
      new AuthorizeSecurityGroupRequest({
        regionId: cloud.regionId,
        securityGroupId: group,
        permissions: [
          new AuthorizeSecurityGroupRequestPermissions({ ipProtocol: 'tcp', portRange: '443/443', sourceCidrIp: '0.0.0.0/0' }),
          new AuthorizeSecurityGroupRequestPermissions({ ipProtocol: 'tcp', portRange: '443/443', sourceCidrIp: '0.0.0.0/0' }),
        ],
      }),
    );
    const rules = await permissions(group);
    expect(rules.map((rule) => rule.portRange)).toEqual(expect.arrayContaining(['80/80', '443/443']));
    expect(rules).toHaveLength(2);
    expect(rules.find((rule) => rule.portRange === '80/80')!.description).toBe('web');
    // A different priority is a different rule here (ecs-api-more.md §U-1).
    await ingress(group, { ...rule, priority: '2' });
    expect(await permissions(group)).toHaveLength(3);
  });

  it('replays an Authorize with the same ClientToken and refuses the token with other parameters', async () => {
    const group = await newGroup();
    const request = (portRange: string) =>
      new AuthorizeSecurityGroupRequest({
        regionId: cloud.regionId,
        securityGroupId: group,
        clientToken: 'rule-token-1',
        permissions: [new AuthorizeSecurityGroupRequestPermissions({ ipProtocol: 'tcp', portRange, sourceCidrIp: '0.0.0.0/0' })],
      });
    await ecs.authorizeSecurityGroup(request('8080/8080'));
    await ecs.authorizeSecurityGroup(request('8080/8080'));
    await expectEcsError(ecs.authorizeSecurityGroup(request('9090/9090')), 'IdempotentParameterMismatch', 400);
    expect((await permissions(group)).map((rule) => rule.portRange)).toEqual(['8080/8080']);
  });

  it('stores an IPv6 peer in its compressed form', async () => {
    const group = await newGroup();
    await ingress(group, { ipProtocol: 'tcp', portRange: '22/22', ipv6SourceCidrIp: '2001:0DB8:0000:0000:0000:0000:0000:0000/32' });
    expect((await permissions(group))[0]).toMatchObject({ ipv6SourceCidrIp: '2001:db8::/32', sourceCidrIp: '' });
    await ingress(group, { ipProtocol: 'icmpv6', portRange: '-1/-1', ipv6SourceCidrIp: '::/0' });
    expect((await permissions(group))[1]).toMatchObject({ ipProtocol: 'ICMPv6' });
  });

  it('authorizes another group of the same VPC as the peer, and keeps that group from being deleted', async () => {
    const group = await newGroup();
    const peer = await newGroup();
    await ingress(group, { ipProtocol: 'tcp', portRange: '3306/3306', sourceGroupId: peer, nicType: 'intranet' });
    await ingress(group, { ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/8' });
    expect((await permissions(group))[0]).toMatchObject({ sourceGroupId: peer, sourceCidrIp: '' });
    const listed = await ecs.describeSecurityGroups(new DescribeSecurityGroupsRequest({ regionId: cloud.regionId, securityGroupId: group }));
    expect(listed.body!.securityGroups!.securityGroup![0]).toMatchObject({ ruleCount: 2, groupToGroupRuleCount: 1 });
    const refused = await expectEcsError(ecs.deleteSecurityGroup(new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: peer })), 'DependencyViolation');
    expect(refused.message).toContain('rule');
    // Deleting the group deletes its rules, which frees the peer.
    await ecs.deleteSecurityGroup(new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: group }));
    await ecs.deleteSecurityGroup(new DeleteSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: peer }));
  });

  it('refuses group peers that are unknown, the group itself, or in another VPC', async () => {
    const group = await newGroup();
    await expectEcsError(ingress(group, { ipProtocol: 'tcp', portRange: '1/2', sourceGroupId: 'sg-bp00000000000000000000' }), 'InvalidSourceGroupId.NotFound', 404);
    await expectEcsError(ingress(group, { ipProtocol: 'tcp', portRange: '1/2', sourceGroupId: group }), 'InvalidParamter.Conflict', 403);
    const { vpcId: otherVpc } = await createVpcWithVSwitch(cloud, { vpcCidr: '10.9.0.0/16', cidrBlock: '10.9.1.0/24' });
    const stranger = await newGroup(otherVpc);
    await expectEcsError(ingress(group, { ipProtocol: 'tcp', portRange: '1/2', sourceGroupId: stranger }), 'InvalidSourceGroupId.Mismatch', 400);
    const egress = ecs.authorizeSecurityGroupEgress(
      new AuthorizeSecurityGroupEgressRequest({
        regionId: cloud.regionId,
        securityGroupId: group,
        permissions: [new AuthorizeSecurityGroupEgressRequestPermissions({ ipProtocol: 'all', portRange: '-1/-1', destGroupId: 'sg-bp00000000000000000000' })],
      }),
    );
    await expectEcsError(egress, 'InvalidDestGroupId.NotFound', 404);
  });

  it('validates every documented field with ECS codes', async () => {
    const group = await newGroup();
    const cases: Array<[Partial<AuthorizeSecurityGroupRequestPermissions>, string]> = [
      [{ ipProtocol: 'sctp', portRange: '1/2', sourceCidrIp: '0.0.0.0/0' }, 'InvalidIpProtocol.ValueNotSupported'],
      [{ ipProtocol: 'tcp', portRange: '-1/-1', sourceCidrIp: '0.0.0.0/0' }, 'InvalidIpProtocol.Malformed'],
      [{ ipProtocol: 'icmp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0' }, 'InvalidIpProtocol.Malformed'],
      [{ ipProtocol: 'gre', portRange: '1/65535', sourceCidrIp: '0.0.0.0/0' }, 'InvalidIpProtocol.Malformed'],
      [{ ipProtocol: 'tcp', portRange: '0/22', sourceCidrIp: '0.0.0.0/0' }, 'InvalidParam.PortRange'],
      [{ ipProtocol: 'tcp', portRange: '30/20', sourceCidrIp: '0.0.0.0/0' }, 'InvalidParam.PortRange'],
      [{ ipProtocol: 'tcp', portRange: '1/65536', sourceCidrIp: '0.0.0.0/0' }, 'InvalidParam.PortRange'],
      [{ ipProtocol: 'tcp', portRange: '22', sourceCidrIp: '0.0.0.0/0' }, 'InvalidParam.PortRange'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0', priority: '0' }, 'InvalidPriority.ValueNotSupported'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0', priority: '101' }, 'InvalidPriority.ValueNotSupported'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0', priority: 'high' }, 'InvalidPriority.Malformed'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0', policy: 'reject' }, 'InvalidPolicy.Malformed'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0', nicType: 'public' }, 'InvalidNicType.ValueNotSupported'],
      [{ ipProtocol: 'tcp', portRange: '22/22' }, 'MissingParameter.Source'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.256/8' }, 'InvalidSourceCidrIp.Malformed'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/33' }, 'InvalidSourceCidrIp.Malformed'],
      [{ ipProtocol: 'tcp', portRange: '22/22', ipv6SourceCidrIp: '2001:db8::g/32' }, 'InvalidParam.Ipv6SourceCidrIp'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/8', ipv6SourceCidrIp: '::/0' }, 'InvalidParam.Ipv6SourceCidrIp'],
      [{ ipProtocol: 'icmp', portRange: '-1/-1', ipv6SourceCidrIp: '::/0' }, 'InvalidParam.Ipv4ProtocolConflictWithIpv6Address'],
      [{ ipProtocol: 'icmpv6', portRange: '-1/-1', sourceCidrIp: '0.0.0.0/0' }, 'InvalidParam.Ipv6ProtocolConflictWithIpv4Address'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0', sourcePortRange: '0/1' }, 'InvalidSourcePortRange.Malformed'],
      [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0', description: 'x'.repeat(513) }, 'InvalidSecurityGroupDiscription.Malformed'],
    ];
    for (const [rule, code] of cases) {
      const failure = await expectEcsError(ingress(group, rule), code);
      expect(failure.statusCode, code).toBe(400);
    }
    await expectEcsError(flat('AuthorizeSecurityGroup', { SecurityGroupId: group, PortRange: '22/22', SourceCidrIp: '0.0.0.0/0' }), 'MissingParameter');
    await expectEcsError(flat('AuthorizeSecurityGroupEgress', { SecurityGroupId: group, IpProtocol: 'tcp', PortRange: '22/22' }), 'MissingParameter.Dest', 400);
    await expectEcsError(ingress('sg-bp00000000000000000000', { ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0' }), 'InvalidSecurityGroupId.NotFound', 404);
    expect(await permissions(group)).toEqual([]);
  });

  it('caps a group at 200 rules with AuthorizationLimitExceed', async () => {
    const group = await newGroup();
    for (let batch = 0; batch < 2; batch += 1) {
      await ecs.authorizeSecurityGroup(
        new AuthorizeSecurityGroupRequest({
          regionId: cloud.regionId,
          securityGroupId: group,
          permissions: Array.from({ length: 100 }, (_, i) => new AuthorizeSecurityGroupRequestPermissions({
            ipProtocol: 'tcp',
            portRange: `${batch * 100 + i + 1}/${batch * 100 + i + 1}`,
            sourceCidrIp: '0.0.0.0/0',
          })),
        }),
      );
    }
    await expectEcsError(ingress(group, { ipProtocol: 'tcp', portRange: '1000/1000', sourceCidrIp: '0.0.0.0/0' }), 'AuthorizationLimitExceed', 403);
    // A duplicate is still a no-op at the limit.
    await ingress(group, { ipProtocol: 'tcp', portRange: '1/1', sourceCidrIp: '0.0.0.0/0' });
    expect(await permissions(group)).toHaveLength(200);
  });

  it('revokes by content in both styles; revoking a rule that is not there succeeds', async () => {
    const group = await newGroup();
    await ingress(group, { ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/8', priority: '3', description: 'ssh' });
    await ingress(group, { ipProtocol: 'tcp', portRange: '80/80', sourceCidrIp: '10.0.0.0/8' });
    await ecs.revokeSecurityGroup(
      new RevokeSecurityGroupRequest({
        regionId: cloud.regionId,
        securityGroupId: group,
        permissions: [new RevokeSecurityGroupRequestPermissions({ ipProtocol: 'TCP', portRange: '80/80', sourceCidrIp: '10.0.0.0/8' })],
      }),
    );
    expect((await permissions(group)).map((rule) => rule.portRange)).toEqual(['22/22']);
    // The provider's delete: a GET with flat parameters, Description always present.
    const query = {
      Action: 'RevokeSecurityGroup', Version: '2014-05-26', RegionId: cloud.regionId, SecurityGroupId: group,
      IpProtocol: 'tcp', PortRange: '22/22', Policy: 'accept', Priority: '3', SourceCidrIp: '10.0.0.0/8', NicType: 'intranet', Description: '',
    };
    const answer = await sendV1(cloud.url, { ...cloud.credentials, method: 'GET', params: query });
    expect(answer.status).toBe(200);
    expect(await permissions(group)).toEqual([]);
    const again = await sendV1(cloud.url, { ...cloud.credentials, method: 'GET', params: query });
    expect(again.status).toBe(200);
    await ecs.revokeSecurityGroupEgress(
      new RevokeSecurityGroupEgressRequest({ regionId: cloud.regionId, securityGroupId: group, ipProtocol: 'all', portRange: '-1/-1', destGroupId: 'sg-bp00000000000000000000' }),
    );
  });

  it('revokes by SecurityGroupRuleId.N, and an unknown id fails', async () => {
    const group = await newGroup();
    await flat('AuthorizeSecurityGroupEgress', { SecurityGroupId: group, IpProtocol: 'udp', PortRange: '53/53', DestCidrIp: '8.8.8.8/32' });
    await flat('AuthorizeSecurityGroupEgress', { SecurityGroupId: group, IpProtocol: 'tcp', PortRange: '443/443', DestCidrIp: '0.0.0.0/0' });
    const [first, second] = await permissions(group, 'egress');
    await expectEcsError(
      ecs.revokeSecurityGroupEgress(new RevokeSecurityGroupEgressRequest({ regionId: cloud.regionId, securityGroupId: group, securityGroupRuleId: [first!.securityGroupRuleId!, 'sgr-bp00000000000000000000'] })),
      'InvalidParam.SecurityGroupRuleId',
      400,
    );
    expect(await permissions(group)).toHaveLength(2);
    await ecs.revokeSecurityGroupEgress(new RevokeSecurityGroupEgressRequest({ regionId: cloud.regionId, securityGroupId: group, securityGroupRuleId: [first!.securityGroupRuleId!] }));
    expect((await permissions(group)).map((rule) => rule.securityGroupRuleId)).toEqual([second!.securityGroupRuleId]);
    // An egress rule's id is not an ingress rule.
    await expectEcsError(
      ecs.revokeSecurityGroup(new RevokeSecurityGroupRequest({ regionId: cloud.regionId, securityGroupId: group, securityGroupRuleId: [second!.securityGroupRuleId!] })),
      'InvalidParam.SecurityGroupRuleId',
    );
  });

  it('modifies a rule by content (description only, also to empty) and by id', async () => {
    const group = await newGroup();
    await ingress(group, { ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/8', description: 'old' });
    const content = { SecurityGroupId: group, IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Policy: 'accept', Priority: '1', NicType: 'intranet' };
    await flat('ModifySecurityGroupRule', { ...content, Description: 'new' });
    await flat('ModifySecurityGroupRule', { ...content, Description: 'new' });
    expect((await permissions(group))[0]).toMatchObject({ description: 'new', portRange: '22/22' });
    const cleared = await sendV1(cloud.url, {
      ...cloud.credentials,
      method: 'GET',
      params: { Action: 'ModifySecurityGroupRule', Version: '2014-05-26', RegionId: cloud.regionId, ...content, Description: '' },
    });
    expect(cleared.status).toBe(200);
    expect((await permissions(group))[0]!.description).toBe('');
    await expectEcsError(flat('ModifySecurityGroupRule', { ...content, PortRange: '23/23', Description: 'x' }), 'SecurityGroupRule.NotFound', 404);

    const ruleId = (await permissions(group))[0]!.securityGroupRuleId!;
    await ecs.modifySecurityGroupRule(
      new ModifySecurityGroupRuleRequest({ regionId: cloud.regionId, securityGroupId: group, securityGroupRuleId: ruleId, portRange: '2222/2222', priority: '7', sourceCidrIp: '192.168.0.0/16' }),
    );
    expect((await permissions(group))[0]).toMatchObject({ securityGroupRuleId: ruleId, portRange: '2222/2222', sourceCidrIp: '192.168.0.0/16', ipProtocol: 'TCP' });
    expect(Number((await permissions(group))[0]!.priority)).toBe(7);
    await expectEcsError(
      ecs.modifySecurityGroupRule(new ModifySecurityGroupRuleRequest({ regionId: cloud.regionId, securityGroupId: group, securityGroupRuleId: ruleId, ipv6SourceCidrIp: '::/0' })),
      'InvalidParam.Ipv6SourceCidrIp',
    );
    await expectEcsError(
      ecs.modifySecurityGroupRule(new ModifySecurityGroupRuleRequest({ regionId: cloud.regionId, securityGroupId: group, securityGroupRuleId: 'sgr-bp00000000000000000000', description: 'x' })),
      'SecurityGroupRule.NotFound',
    );
    await flat('AuthorizeSecurityGroupEgress', { SecurityGroupId: group, IpProtocol: 'all', PortRange: '-1/-1', DestCidrIp: '0.0.0.0/0' });
    await ecs.modifySecurityGroupEgressRule(
      new ModifySecurityGroupEgressRuleRequest({ regionId: cloud.regionId, securityGroupId: group, ipProtocol: 'all', portRange: '-1/-1', destCidrIp: '0.0.0.0/0', description: 'out' }),
    );
    expect((await permissions(group, 'egress'))[0]!.description).toBe('out');
  });

  it("reads rules with the provider's NicType=<nil> without failing", async () => {
    const group = await newGroup();
    await ingress(group, { ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '0.0.0.0/0' });
    const response = await callAction(ecs, {
      action: 'DescribeSecurityGroupAttribute',
      version: '2014-05-26',
      query: { RegionId: cloud.regionId, SecurityGroupId: group, Direction: 'ingress', NicType: '<nil>' },
    });
    expect((response.body as { Permissions: { Permission: unknown[] } }).Permissions.Permission).toHaveLength(1);
  });
});

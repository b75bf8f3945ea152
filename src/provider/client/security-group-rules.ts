/**
 * Security-group rules for `alicloud_security_group_rule`: authorize, find, modify the
 * description, revoke — ingress and egress through the same calls, the peer fields named
 * for the direction (`Source*` inbound, `Dest*` outbound).
 */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { orNotFound } from './errors.js';
import { $Ecs } from './sdk.js';

export type RulePermission = $Ecs.DescribeSecurityGroupAttributeResponseBodyPermissionsPermission;
export type PeerKind = 'cidr' | 'ipv6' | 'group' | 'prefixList';

/** One rule as the provider describes it: what identifies it on ECS, plus its description. */
export interface RuleSpec {
  readonly securityGroupId: string;
  readonly direction: 'ingress' | 'egress';
  /** Lower case, as the provider takes it. */
  readonly protocol: string;
  readonly portRange: string;
  /** Undefined: not sent (ECS picks; VPC groups store intranet). */
  readonly nicType: string | undefined;
  readonly policy: string;
  readonly priority: number;
  readonly peer: { readonly kind: PeerKind; readonly value: string };
  readonly groupOwnerAccount?: string | undefined;
  readonly groupOwnerId?: string | undefined;
  readonly description?: string | undefined;
}

export const ruleSubject = (id: string): string => `Security Group Rule (${id})`;

/** The peer request fields for the rule's direction. */
function peerFields(rule: RuleSpec): Record<string, string | number | undefined> {
  const side = rule.direction === 'ingress' ? 'source' : 'dest';
  const { kind, value } = rule.peer;
  switch (kind) {
    case 'cidr':
      return { [`${side}CidrIp`]: value };
    case 'ipv6':
      return { [rule.direction === 'ingress' ? 'ipv6SourceCidrIp' : 'ipv6DestCidrIp']: value };
    case 'prefixList':
      return { [`${side}PrefixListId`]: value };
    case 'group':
      return {
        [`${side}GroupId`]: value,
        [`${side}GroupOwnerAccount`]: rule.groupOwnerAccount,
        [`${side}GroupOwnerId`]: rule.groupOwnerId === undefined ? undefined : Number(rule.groupOwnerId),
      };
  }
}

/** The fields that identify the rule on ECS (and that Authorize, Revoke and Modify all take). */
function ruleFields(rule: RuleSpec): Record<string, string | number | undefined> {
  return {
    ipProtocol: rule.protocol,
    portRange: rule.portRange,
    nicType: rule.nicType,
    policy: rule.policy,
    priority: String(rule.priority),
    ...peerFields(rule),
  };
}

/** The peer of a listed rule, as the rule's direction names it. */
export function permissionPeer(permission: RulePermission, direction: 'ingress' | 'egress'): Record<PeerKind, string> {
  const ingress = direction === 'ingress';
  return {
    cidr: (ingress ? permission.sourceCidrIp : permission.destCidrIp) ?? '',
    ipv6: (ingress ? permission.ipv6SourceCidrIp : permission.ipv6DestCidrIp) ?? '',
    group: (ingress ? permission.sourceGroupId : permission.destGroupId) ?? '',
    prefixList: (ingress ? permission.sourcePrefixListId : permission.destPrefixListId) ?? '',
  };
}

/** AuthorizeSecurityGroup[Egress] with the rule as `Permissions.1`; authorizing an existing rule is a no-op on ECS. */
export async function authorizeRule(clients: CloudClients, rule: RuleSpec, options: CallOptions = {}): Promise<void> {
  const permission = { ...ruleFields(rule), description: rule.description };
  const base = { regionId: clients.config.regionId, securityGroupId: rule.securityGroupId };
  if (rule.direction === 'ingress') {
    const request = new $Ecs.AuthorizeSecurityGroupRequest({ ...base, permissions: [new $Ecs.AuthorizeSecurityGroupRequestPermissions(permission)] });
    await callWithRetry(() => clients.ecs.authorizeSecurityGroupWithOptions(request, clients.runtime()), { action: 'AuthorizeSecurityGroup', ...options });
  } else {
    const request = new $Ecs.AuthorizeSecurityGroupEgressRequest({ ...base, permissions: [new $Ecs.AuthorizeSecurityGroupEgressRequestPermissions(permission)] });
    await callWithRetry(() => clients.ecs.authorizeSecurityGroupEgressWithOptions(request, clients.runtime()), { action: 'AuthorizeSecurityGroupEgress', ...options });
  }
}

/**
 * The group's rule matching `rule` (protocol, port range, peer, policy and priority, as the
 * reference read matches), or undefined when there is none or the group is gone.
 */
export async function findRule(clients: CloudClients, rule: RuleSpec, options: CallOptions = {}): Promise<RulePermission | undefined> {
  const request = new $Ecs.DescribeSecurityGroupAttributeRequest({
    regionId: clients.config.regionId,
    securityGroupId: rule.securityGroupId,
    direction: rule.direction,
    nicType: rule.nicType,
  });
  const response = await orNotFound(
    () => callWithRetry(() => clients.ecs.describeSecurityGroupAttributeWithOptions(request, clients.runtime()), { action: 'DescribeSecurityGroupAttribute', ...options }),
    undefined,
  );
  return response?.body?.permissions?.permission?.find(
    (permission) =>
      (permission.direction ?? rule.direction) === rule.direction &&
      permission.ipProtocol?.toLowerCase() === rule.protocol &&
      permission.portRange === rule.portRange &&
      permissionPeer(permission, rule.direction)[rule.peer.kind] === rule.peer.value &&
      permission.policy?.toLowerCase() === rule.policy &&
      String(permission.priority) === String(rule.priority),
  );
}

/** ModifySecurityGroup[Egress]Rule by content: only the description changes ("" clears it). */
export async function modifyRuleDescription(clients: CloudClients, rule: RuleSpec, description: string, options: CallOptions = {}): Promise<void> {
  const fields = { regionId: clients.config.regionId, securityGroupId: rule.securityGroupId, ...ruleFields(rule), description };
  if (rule.direction === 'ingress') {
    const request = new $Ecs.ModifySecurityGroupRuleRequest(fields);
    await callWithRetry(() => clients.ecs.modifySecurityGroupRuleWithOptions(request, clients.runtime()), { action: 'ModifySecurityGroupRule', ...options });
  } else {
    const request = new $Ecs.ModifySecurityGroupEgressRuleRequest(fields);
    await callWithRetry(() => clients.ecs.modifySecurityGroupEgressRuleWithOptions(request, clients.runtime()), { action: 'ModifySecurityGroupEgressRule', ...options });
  }
}

/** RevokeSecurityGroup[Egress] by content: no matching rule, or no group, is success. */
export async function revokeRule(clients: CloudClients, rule: RuleSpec, options: CallOptions = {}): Promise<void> {
  const base = { regionId: clients.config.regionId, securityGroupId: rule.securityGroupId };
  if (rule.direction === 'ingress') {
    const request = new $Ecs.RevokeSecurityGroupRequest({ ...base, permissions: [new $Ecs.RevokeSecurityGroupRequestPermissions(ruleFields(rule))] });
    await orNotFound(() => callWithRetry(() => clients.ecs.revokeSecurityGroupWithOptions(request, clients.runtime()), { action: 'RevokeSecurityGroup', ...options }), undefined);
  } else {
    const request = new $Ecs.RevokeSecurityGroupEgressRequest({ ...base, permissions: [new $Ecs.RevokeSecurityGroupEgressRequestPermissions(ruleFields(rule))] });
    await orNotFound(() => callWithRetry(() => clients.ecs.revokeSecurityGroupEgressWithOptions(request, clients.runtime()), { action: 'RevokeSecurityGroupEgress', ...options }), undefined);
  }
}

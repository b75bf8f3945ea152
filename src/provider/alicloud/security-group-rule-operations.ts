/** The handlers of `alicloud_security_group_rule` (behaviour in `security-group-rule.ts`). */
import {
  authorizeRule,
  findRule,
  modifyRuleDescription,
  permissionPeer,
  revokeRule,
  ruleSubject,
  type CallOptions,
  type CloudClients,
  type PeerKind,
  type RuleSpec,
} from '../client/index.js';
import { compressedIpv6Cidr } from '../../domain/security-group-rule.js';
import type { KnownObject, StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, operationOptions, readOptions, updateResource } from '../shared/operations.js';
import { nullIfEmpty, numberOf, textOf } from '../shared/values.js';

/** The peer arguments and the kind of peer each one is. */
const PEERS: ReadonlyArray<readonly [attribute: string, kind: PeerKind]> = [
  ['cidr_ip', 'cidr'],
  ['ipv6_cidr_ip', 'ipv6'],
  ['source_security_group_id', 'group'],
  ['prefix_list_id', 'prefixList'],
];
/** Go's rendering of an unset `nic_type` in upstream's ids. */
const GO_NIL = '<nil>';

/** The rule a configuration or state describes (the plan checks guarantee one peer). */
function specOf(object: KnownObject): RuleSpec {
  const [attribute, kind] = PEERS.find(([name]) => textOf(object, name) !== undefined) ?? PEERS[0]!;
  const value = textOf(object, attribute) ?? '';
  return {
    securityGroupId: textOf(object, 'security_group_id') ?? '',
    direction: textOf(object, 'type') === 'egress' ? 'egress' : 'ingress',
    protocol: textOf(object, 'ip_protocol') ?? '',
    portRange: textOf(object, 'port_range') ?? '-1/-1',
    nicType: textOf(object, 'nic_type'),
    policy: textOf(object, 'policy') ?? 'accept',
    priority: numberOf(object, 'priority') ?? 1,
    // ECS stores and echoes an IPv6 peer compressed.
    peer: { kind, value: kind === 'ipv6' ? (compressedIpv6Cidr(value) ?? value) : value },
    groupOwnerAccount: textOf(object, 'source_group_owner_account'),
    groupOwnerId: textOf(object, 'source_group_owner_id'),
    description: textOf(object, 'description'),
  };
}

/** Upstream's 8-part id; the peer's `:` (IPv6) written as `_`. */
function ruleId(spec: RuleSpec): string {
  const peer = spec.peer.value.replaceAll(':', '_');
  return [spec.securityGroupId, spec.direction, spec.protocol, spec.portRange, spec.nicType ?? 'intranet', peer, spec.policy, spec.priority].join(':');
}

function peerKindOf(value: string): PeerKind {
  if (value.startsWith('sg-')) return 'group';
  if (value.startsWith('pl-')) return 'prefixList';
  return value.includes('_') ? 'ipv6' : 'cidr';
}

/** The state an id names (import): every identifying argument, for Read to find the rule by. */
function stateOfId(id: string): StateInput {
  const parts = id.split(':');
  const [securityGroupId = '', type = '', protocol = '', portRange = '', nicType = '', peer = '', policy = '', priority = ''] = parts;
  if (parts.length !== 8 || !/^sg-/.test(securityGroupId) || !/^\d+$/.test(priority)) {
    throw new Error(
      `unexpected ID ${JSON.stringify(id)} of alicloud_security_group_rule: expected <security_group_id>:<type>:<ip_protocol>:<port_range>:<nic_type>:<peer>:<policy>:<priority>, such as sg-abc:ingress:tcp:22/22:intranet:0.0.0.0/0:accept:1`,
    );
  }
  const kind = peerKindOf(peer);
  const attribute = PEERS.find(([, candidate]) => candidate === kind)?.[0] ?? 'cidr_ip';
  return {
    id,
    security_group_id: securityGroupId,
    type,
    ip_protocol: protocol,
    port_range: portRange,
    nic_type: nicType === GO_NIL ? null : nicType,
    policy,
    priority: Number(priority),
    [attribute]: kind === 'ipv6' ? peer.replaceAll('_', ':') : peer,
  };
}

async function readRule(client: CloudClients, id: string, known: KnownObject, options: CallOptions): Promise<StateInput | null> {
  const spec = specOf(known);
  const permission = await findRule(client, spec, options);
  if (permission === undefined) return null;
  const peer = permissionPeer(permission, spec.direction);
  return {
    id,
    security_group_id: spec.securityGroupId,
    type: spec.direction,
    ip_protocol: permission.ipProtocol?.toLowerCase() ?? spec.protocol,
    port_range: permission.portRange ?? spec.portRange,
    nic_type: permission.nicType ?? null,
    policy: permission.policy?.toLowerCase() ?? spec.policy,
    priority: Number(permission.priority ?? spec.priority),
    cidr_ip: nullIfEmpty(peer.cidr),
    ipv6_cidr_ip: nullIfEmpty(peer.ipv6),
    source_security_group_id: nullIfEmpty(peer.group),
    prefix_list_id: peer.prefixList,
    description: nullIfEmpty(permission.description),
    security_group_rule_id: permission.securityGroupRuleId ?? null,
  };
}

export const securityGroupRuleOperations: ResourceHandlers = {
  create(request) {
    const { client, config } = request;
    const spec = specOf(config);
    return createResource(request, {
      subject: ruleSubject,
      action: spec.direction === 'ingress' ? 'AuthorizeSecurityGroup' : 'AuthorizeSecurityGroupEgress',
      send: async (options) => {
        await authorizeRule(client, spec, options);
        return ruleId(spec);
      },
      // The rule is listed at once: no wait.
      read: (id, options) => readRule(client, id, config, options),
    });
  },

  read: (request) => readRule(request.client, request.state['id'] as string, request.state, readOptions(request)),

  update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: ruleSubject,
      async apply(_id, options) {
        const description = textOf(config, 'description') ?? '';
        if (description !== (textOf(prior, 'description') ?? '')) await modifyRuleDescription(client, specOf(prior), description, options);
      },
      read: (id, options) => readRule(client, id, config, options),
    });
  },

  async delete(request) {
    await revokeRule(request.client, specOf(request.state), operationOptions(request, 'delete'));
  },

  importState: async (request) => stateOfId(request.id),
};

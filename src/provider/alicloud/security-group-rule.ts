/**
 * `alicloud_security_group_rule`: one inbound or outbound rule of a security group, with
 * upstream's schema and 8-part id `<group>:<type>:<protocol>:<port range>:<nic type>:<peer>:<policy>:<priority>`
 * (resource_alicloud_security_group_rule.go). Calls AuthorizeSecurityGroup[Egress]
 * (`Permissions.1.*`), DescribeSecurityGroupAttribute (by `Direction`), ModifySecurityGroup[Egress]Rule
 * (description only) and RevokeSecurityGroup[Egress] by content (a missing rule is success).
 *
 * Where we differ from the reference provider, and why:
 * 1. Every documented rule is checked at plan time with the attribute's path, through the
 *    `domain/` rules the cloud uses: the port range per protocol (`a/b` for tcp and udp,
 *    only `-1/-1` for the others), priority 1–100, exactly one peer (`cidr_ip`,
 *    `ipv6_cidr_ip`, `source_security_group_id` or `prefix_list_id`; upstream let a CIDR and
 *    a prefix list through and silently dropped the list), the CIDR forms, and `nic_type`
 *    `intranet` for a group peer. Upstream checked some of these only at apply.
 * 2. `ipv6_cidr_ip` must be written in the compressed form ECS stores and reports
 *    (`2001:db8::/64`); upstream suppressed the diff of other spellings, which a plan here
 *    cannot do without keeping a value that differs from the configuration.
 * 3. The id's NIC type part is the effective `intranet` when `nic_type` is unset, not Go's
 *    `<nil>`; an imported id with `<nil>` is still read.
 * 4. Update and delete go through the configured endpoint and protocol (upstream forced
 *    HTTPS there), and the description is modified once, not twice.
 *
 * Schema and plan checks only; the handlers load from `security-group-rule-operations.ts`.
 */
import type { CloudClients } from '../client/index.js';
import {
  compressedIpv6Cidr,
  isIpv4CidrOrAddress,
  MAX_DESCRIPTION_LENGTH,
  portRangeProblem,
  RULE_DIRECTIONS,
  RULE_NIC_TYPES,
  RULE_POLICIES,
  RULE_PRIORITY,
  ruleProtocol,
} from '../../domain/security-group-rule.js';
import { DiagnosticError, validators, type BlockSchema, type ModifyPlanRequest, type ModifyPlanResult, type ResourceDefinition, type ValueObject } from '../framework/index.js';
import { lazyResource } from '../shared/lazy-definition.js';
import { idRule } from '../shared/validators.js';

/** The protocols the provider takes, lower case only as upstream. */
export const RULE_PROTOCOL_ARGUMENTS = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'] as const;
/** The peer arguments, of which a rule has exactly one. */
export const PEER_ARGUMENTS = ['cidr_ip', 'ipv6_cidr_ip', 'source_security_group_id', 'prefix_list_id'] as const;

const cidrRule = (value: unknown, { key }: { key: string }): string | undefined =>
  typeof value === 'string' && !isIpv4CidrOrAddress(value) ? `invalid value for ${key} (an IPv4 address or CIDR block such as 10.0.0.0/8), got ${JSON.stringify(value)}` : undefined;
const ipv6Rule = (value: unknown, { key }: { key: string }): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const compressed = compressedIpv6Cidr(value);
  if (compressed === undefined) return `invalid value for ${key} (an IPv6 address or CIDR block such as 2001:db8::/32), got ${JSON.stringify(value)}`;
  return compressed === value ? undefined : `${key} must be written compressed, as ECS stores and reports it: ${JSON.stringify(compressed)}, not ${JSON.stringify(value)}`;
};

export const securityGroupRuleSchema: BlockSchema = {
  description: 'One inbound or outbound rule of a security group.',
  attributes: {
    cidr_ip: { type: 'string', optional: true, forceNew: true, validators: [cidrRule], description: 'The IPv4 peer: an address or CIDR block.' },
    description: {
      type: 'string',
      optional: true,
      validators: [validators.stringLenBetween(1, MAX_DESCRIPTION_LENGTH)],
      description: `Description of the rule, 1 to ${MAX_DESCRIPTION_LENGTH} characters.`,
    },
    ip_protocol: {
      type: 'string',
      required: true,
      forceNew: true,
      validators: [validators.stringInSlice(RULE_PROTOCOL_ARGUMENTS)],
      description: 'The protocol.',
    },
    ipv6_cidr_ip: { type: 'string', optional: true, forceNew: true, validators: [ipv6Rule], description: 'The IPv6 peer: an address or CIDR block.' },
    nic_type: {
      type: 'string',
      optional: true,
      computed: true,
      forceNew: true,
      validators: [validators.stringInSlice(RULE_NIC_TYPES)],
      description: 'The network type; a VPC group (every group of the local cloud) stores intranet.',
    },
    policy: { type: 'string', optional: true, forceNew: true, default: 'accept', validators: [validators.stringInSlice(RULE_POLICIES)], description: 'Accept or drop the traffic.' },
    port_range: {
      type: 'string',
      optional: true,
      forceNew: true,
      default: '-1/-1',
      description: 'The port range: from/to (1 to 65535) for tcp and udp, -1/-1 for the other protocols.',
    },
    prefix_list_id: { type: 'string', optional: true, computed: true, forceNew: true, description: 'The prefix-list peer.' },
    priority: {
      type: 'number',
      optional: true,
      forceNew: true,
      default: RULE_PRIORITY.default,
      validators: [validators.intBetween(RULE_PRIORITY.min, RULE_PRIORITY.max)],
      description: `Priority, ${RULE_PRIORITY.min} (first) to ${RULE_PRIORITY.max}.`,
    },
    security_group_id: {
      type: 'string',
      required: true,
      forceNew: true,
      validators: [idRule('securityGroup')],
      description: 'The group the rule belongs to.',
    },
    security_group_rule_id: { type: 'string', computed: true, useStateForUnknown: true, description: 'The rule\'s own ID (sgr-…).' },
    source_group_owner_account: {
      type: 'string',
      optional: true,
      forceNew: true,
      deprecated: "Field 'source_group_owner_account' has been deprecated from provider version 1.219.0. Use 'source_group_owner_id' instead.",
      description: 'Deprecated: use source_group_owner_id.',
    },
    source_group_owner_id: { type: 'string', optional: true, forceNew: true, description: 'The account that owns source_security_group_id.' },
    source_security_group_id: {
      type: 'string',
      optional: true,
      forceNew: true,
      validators: [idRule('securityGroup')],
      description: 'The security-group peer.',
    },
    type: { type: 'string', required: true, forceNew: true, validators: [validators.stringInSlice(RULE_DIRECTIONS)], description: 'ingress (inbound) or egress (outbound).' },
  },
};

function fail(detail: string, attribute: string): never {
  throw new DiagnosticError(`invalid ${attribute}`, { detail, path: [attribute] });
}

/** A configured value: undefined when null; unknown values count as set but are not checked. */
function configured(config: ValueObject, name: string): unknown {
  const value = config[name];
  return value === null ? undefined : value;
}

/** The rules across arguments (the per-attribute ones are in the schema). */
export function checkRule(config: ValueObject): void {
  const peers = PEER_ARGUMENTS.filter((name) => configured(config, name) !== undefined);
  if (peers.length === 0) {
    fail('a rule needs exactly one peer: set one of cidr_ip, ipv6_cidr_ip, source_security_group_id or prefix_list_id.', 'cidr_ip');
  }
  if (peers.length > 1) fail(`a rule has exactly one peer, but ${peers.join(' and ')} are set: keep one of them.`, peers[1] as string);

  const protocolText = config['ip_protocol'];
  // null in the configuration: the default, which the check must see too.
  const portRange = config['port_range'] ?? '-1/-1';
  if (typeof protocolText === 'string' && typeof portRange === 'string') {
    const protocol = ruleProtocol(protocolText);
    const problem = protocol === undefined ? undefined : portRangeProblem(protocol, portRange);
    if (problem === 'malformed') fail(`port_range must be from/to with 1 <= from <= to <= 65535 (or -1/-1), got ${JSON.stringify(portRange)}.`, 'port_range');
    if (problem === 'mismatch') {
      fail(
        protocolText === 'tcp' || protocolText === 'udp'
          ? `ip_protocol ${protocolText} needs a port range such as 22/22, not ${JSON.stringify(portRange)}.`
          : `ip_protocol ${protocolText} has no ports: port_range must be -1/-1, got ${JSON.stringify(portRange)}.`,
        'port_range',
      );
    }
  }
  const nicType = config['nic_type'];
  if (configured(config, 'source_security_group_id') !== undefined && typeof nicType === 'string' && nicType !== 'intranet') {
    fail(`a rule with source_security_group_id needs nic_type intranet, got ${JSON.stringify(nicType)}.`, 'nic_type');
  }
  for (const owner of ['source_group_owner_id', 'source_group_owner_account']) {
    if (configured(config, owner) !== undefined && configured(config, 'source_security_group_id') === undefined) {
      fail(`${owner} names the owner of source_security_group_id, which is not set.`, owner);
    }
  }
}

async function modifyPlan(request: ModifyPlanRequest<CloudClients>): Promise<ModifyPlanResult | void> {
  if (request.config === null) return;
  checkRule(request.config);
}

export const securityGroupRuleResource: ResourceDefinition<CloudClients> = lazyResource(
  { typeName: 'alicloud_security_group_rule', displayName: 'Security Group Rule', schema: securityGroupRuleSchema, modifyPlan },
  () => import('./security-group-rule-operations.js').then((module) => module.securityGroupRuleOperations),
  { update: true, importState: true },
);

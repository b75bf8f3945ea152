/**
 * One security-group rule read from a request, in either style ECS takes:
 * `Permissions.N.*` (current SDKs, the provider's create) or the deprecated
 * flat fields (Packer 1.6, aliyungo, the provider's revoke and modify), which
 * carry the same names without the prefix. The result is the canonical rule
 * as stored: protocol as ECS echoes it, policy lowercase, IPv6 compressed,
 * and the peer chosen by ECS's precedence (ecs-api-more.md §1.0).
 */
import type { Selectable } from 'kysely';
import type { Params } from '../params.js';
import { EcsError, type ErrorCode } from '../errors.js';
import type { SecurityGroupRuleTable } from '../../store/schema.js';
import {
  ANY_PORT,
  MAX_DESCRIPTION_LENGTH,
  RULE_NIC_TYPES,
  RULE_PRIORITY,
  compressedIpv6Cidr,
  hasPorts,
  isIpv4CidrOrAddress,
  isRulePriority,
  portRangeProblem,
  ruleProtocol,
  rulePolicy,
  type RuleDirection,
} from '../../../domain/security-group-rule.js';

/** A rule's stored fields other than its id, owner, group and creation time. */
export type RuleSpec = Omit<Selectable<SecurityGroupRuleTable>, 'id' | 'account_id' | 'region_id' | 'security_group_id' | 'creation_time'>;

/** Where a rule's fields come from: a `Permissions.N` record or the flat parameters. */
export type RuleFields = (name: string) => string | undefined;

/** At most this many `Permissions.N` in one request. */
export const MAX_PERMISSIONS = 100;

/** The flat parameters of a request as a field source. */
export function flatFields(params: Params): RuleFields {
  return (name) => params.string(name);
}

/** Each `Permissions.N` record as a field source; empty when the request uses the flat style. */
export function permissionFields(params: Params): RuleFields[] {
  const records = params.objectList('Permissions');
  if (records.length > MAX_PERMISSIONS) throw EcsError.invalidParameter('Permissions');
  return records.map((record) => (name: string) => {
    const value = record[name];
    return value === undefined || value === '' ? undefined : value;
  });
}

/** The rules of a request: `Permissions.N` when any is given, else the one flat rule. */
export function requestedRules(params: Params): RuleFields[] {
  const permissions = permissionFields(params);
  return permissions.length > 0 ? permissions : [flatFields(params)];
}

type Side = 'Source' | 'Dest';

interface SidePeer {
  cidr: string;
  ipv6: string;
  group: string;
  owner: string;
  prefixList: string;
}

const MALFORMED_CIDR: Readonly<Record<Side, ErrorCode>> = {
  Source: 'InvalidSourceCidrIp.Malformed',
  Dest: 'InvalidDestCidrIp.Malformed',
};
const MALFORMED_IPV6: Readonly<Record<Side, ErrorCode>> = {
  Source: 'InvalidParam.Ipv6SourceCidrIp',
  Dest: 'InvalidParam.Ipv6DestCidrIp',
};

/**
 * One side's addresses. Only the peer side may name a group or prefix list; the
 * other side of a quintuple rule is a CIDR at most. A CIDR beats a group, and
 * a prefix list counts only when nothing else is given.
 */
function readSide(fields: RuleFields, side: Side, isPeer: boolean): SidePeer {
  const cidr = fields(`${side}CidrIp`);
  const ipv6Text = fields(`Ipv6${side}CidrIp`);
  if (cidr !== undefined && !isIpv4CidrOrAddress(cidr)) throw new EcsError(MALFORMED_CIDR[side]);
  const ipv6 = ipv6Text === undefined ? undefined : compressedIpv6Cidr(ipv6Text);
  if (ipv6Text !== undefined && ipv6 === undefined) throw new EcsError(MALFORMED_IPV6[side]);
  if (cidr !== undefined && ipv6 !== undefined) throw new EcsError(MALFORMED_IPV6[side]);
  const empty = { cidr: cidr ?? '', ipv6: ipv6 ?? '', group: '', owner: '', prefixList: '' };
  if (!isPeer || cidr !== undefined || ipv6 !== undefined) return empty;
  const group = fields(`${side}GroupId`);
  if (group !== undefined) {
    // aliyungo spells the owner id field `SourceGroupOwnerID`.
    const owner = fields(`${side}GroupOwnerAccount`) ?? fields(`${side}GroupOwnerId`) ?? fields(`${side}GroupOwnerID`) ?? '';
    return { ...empty, group, owner };
  }
  return { ...empty, prefixList: fields(`${side}PrefixListId`) ?? '' };
}

function hasPeer(peer: SidePeer): boolean {
  return peer.cidr !== '' || peer.ipv6 !== '' || peer.group !== '' || peer.prefixList !== '';
}

function readPortRange(fields: RuleFields, protocol: ReturnType<typeof ruleProtocol> & string): string {
  const text = fields('PortRange');
  if (text === undefined) {
    if (hasPorts(protocol)) throw EcsError.missingParameter('PortRange');
    return ANY_PORT;
  }
  const problem = portRangeProblem(protocol, text);
  if (problem === 'malformed') throw new EcsError('InvalidParam.PortRange');
  if (problem === 'mismatch') throw new EcsError('InvalidIpProtocol.Malformed');
  return text;
}

function readSourcePortRange(fields: RuleFields, protocol: ReturnType<typeof ruleProtocol> & string): string {
  const text = fields('SourcePortRange');
  if (text === undefined) return '';
  if (portRangeProblem(protocol, text) !== undefined) throw new EcsError('InvalidSourcePortRange.Malformed');
  return text;
}

function readPriority(fields: RuleFields): number {
  const text = fields('Priority');
  if (text === undefined) return RULE_PRIORITY.default;
  if (!/^-?\d+$/.test(text.trim())) throw new EcsError('InvalidPriority.Malformed');
  const value = Number(text.trim());
  if (!isRulePriority(value)) throw new EcsError('InvalidPriority.ValueNotSupported');
  return value;
}

export function readDescription(text: string | undefined): string {
  if (text === undefined) return '';
  if (text.length > MAX_DESCRIPTION_LENGTH) throw new EcsError('InvalidSecurityGroupDiscription.Malformed');
  return text;
}

/** An ICMP rule cannot name an IPv6 address, nor an ICMPv6 rule an IPv4 one. */
function checkAddressFamily(protocol: string, source: SidePeer, dest: SidePeer): void {
  const anyIpv4 = source.cidr !== '' || dest.cidr !== '';
  const anyIpv6 = source.ipv6 !== '' || dest.ipv6 !== '';
  if (protocol === 'ICMP' && anyIpv6) throw new EcsError('InvalidParam.Ipv4ProtocolConflictWithIpv6Address');
  if (protocol === 'ICMPv6' && anyIpv4) throw new EcsError('InvalidParam.Ipv6ProtocolConflictWithIpv4Address');
}

/**
 * The rule the fields describe, validated. Every group here is a VPC group,
 * which knows only `intranet`: `internet` (what Packer 1.6 sends) is accepted
 * and stored as `intranet`, as ECS does.
 */
export function readRule(direction: RuleDirection, fields: RuleFields): RuleSpec {
  const protocolText = fields('IpProtocol');
  if (protocolText === undefined) throw EcsError.missingParameter('IpProtocol');
  const protocol = ruleProtocol(protocolText);
  if (protocol === undefined) throw new EcsError('InvalidIpProtocol.ValueNotSupported');
  const port_range = readPortRange(fields, protocol);
  const source_port_range = readSourcePortRange(fields, protocol);
  const policyText = fields('Policy');
  const policy = policyText === undefined ? 'accept' : rulePolicy(policyText);
  if (policy === undefined) throw new EcsError('InvalidPolicy.Malformed');
  const nicType = fields('NicType');
  if (nicType !== undefined && !(RULE_NIC_TYPES as readonly string[]).includes(nicType.toLowerCase())) {
    throw new EcsError('InvalidNicType.ValueNotSupported');
  }
  const source = readSide(fields, 'Source', direction === 'ingress');
  const dest = readSide(fields, 'Dest', direction === 'egress');
  if (!hasPeer(direction === 'ingress' ? source : dest)) {
    throw new EcsError(direction === 'ingress' ? 'MissingParameter.Source' : 'MissingParameter.Dest');
  }
  checkAddressFamily(protocol, source, dest);
  return {
    direction,
    ip_protocol: protocol,
    port_range,
    source_port_range,
    nic_type: 'intranet',
    policy,
    priority: readPriority(fields),
    source_cidr_ip: source.cidr,
    ipv6_source_cidr_ip: source.ipv6,
    source_group_id: source.group,
    source_group_owner_account: source.owner,
    source_prefix_list_id: source.prefixList,
    dest_cidr_ip: dest.cidr,
    ipv6_dest_cidr_ip: dest.ipv6,
    dest_group_id: dest.group,
    dest_group_owner_account: dest.owner,
    dest_prefix_list_id: dest.prefixList,
    description: readDescription(fields('Description')),
  };
}

/** The fields that make two rules the same rule: everything but the description. */
const IDENTITY_FIELDS = [
  'direction', 'ip_protocol', 'port_range', 'source_port_range', 'nic_type', 'policy', 'priority',
  'source_cidr_ip', 'ipv6_source_cidr_ip', 'source_group_id', 'source_group_owner_account', 'source_prefix_list_id',
  'dest_cidr_ip', 'ipv6_dest_cidr_ip', 'dest_group_id', 'dest_group_owner_account', 'dest_prefix_list_id',
] as const satisfies readonly (keyof RuleSpec)[];

/**
 * A key equal for two rules exactly when ECS treats them as one. The
 * documented identity leaves out the priority; the provider reads rules back
 * by priority and sends it on revoke, so it is kept in (ecs-api-more.md §U-1).
 */
export function ruleIdentity(rule: RuleSpec): string {
  return JSON.stringify(IDENTITY_FIELDS.map((field) => rule[field]));
}

/** Request parameter name → stored column, for reading a stored rule back as fields. */
const COLUMN_OF_PARAMETER: Readonly<Record<string, keyof RuleSpec>> = {
  IpProtocol: 'ip_protocol',
  PortRange: 'port_range',
  SourcePortRange: 'source_port_range',
  NicType: 'nic_type',
  Policy: 'policy',
  Priority: 'priority',
  SourceCidrIp: 'source_cidr_ip',
  Ipv6SourceCidrIp: 'ipv6_source_cidr_ip',
  SourceGroupId: 'source_group_id',
  SourceGroupOwnerAccount: 'source_group_owner_account',
  SourcePrefixListId: 'source_prefix_list_id',
  DestCidrIp: 'dest_cidr_ip',
  Ipv6DestCidrIp: 'ipv6_dest_cidr_ip',
  DestGroupId: 'dest_group_id',
  DestGroupOwnerAccount: 'dest_group_owner_account',
  DestPrefixListId: 'dest_prefix_list_id',
  Description: 'description',
};

/** A stored rule's fields, overridden by the ones a request gives (ModifySecurityGroupRule by id). */
export function storedFieldsUnder(rule: RuleSpec, overrides: RuleFields): RuleFields {
  return (name) => {
    const given = overrides(name);
    if (given !== undefined) return given;
    const column = COLUMN_OF_PARAMETER[name];
    const stored = column === undefined ? undefined : String(rule[column]);
    return stored === '' ? undefined : stored;
  };
}

/**
 * The value rules of one security-group rule (ecs-api-more.md §1.0), shared
 * by the cloud and the provider's plan-time checks: protocol (input
 * case-insensitive), port range per protocol, priority 1–100 (default 1),
 * policy accept/drop, NIC type. Pure functions returning the canonical form,
 * or undefined for a value that is not valid.
 */
import { parseIpv4 } from './cidr.js';

export const RULE_PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'ICMPv6', 'GRE', 'ALL'] as const;
export type RuleProtocol = (typeof RULE_PROTOCOLS)[number];

export const RULE_DIRECTIONS = ['ingress', 'egress'] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];

export const RULE_POLICIES = ['accept', 'drop'] as const;
export type RulePolicy = (typeof RULE_POLICIES)[number];

export const RULE_NIC_TYPES = ['internet', 'intranet'] as const;

export const RULE_PRIORITY = { min: 1, max: 100, default: 1 } as const;
/** The only port range of a protocol without ports. */
export const ANY_PORT = '-1/-1';
export const MAX_DESCRIPTION_LENGTH = 512;

/** `tcp`, `Tcp`, `icmpv6` … → the form ECS echoes (`TCP`, `ICMPv6`). */
export function ruleProtocol(text: string): RuleProtocol | undefined {
  const lower = text.toLowerCase();
  return RULE_PROTOCOLS.find((protocol) => protocol.toLowerCase() === lower);
}

/** TCP and UDP take `a/b` ports; ICMP, ICMPv6, GRE and ALL only `-1/-1`. */
export function hasPorts(protocol: RuleProtocol): boolean {
  return protocol === 'TCP' || protocol === 'UDP';
}

export type PortRangeProblem = 'malformed' | 'mismatch';

/** Why `text` is not a port range for `protocol`: unparsable, or the wrong kind for the protocol. */
export function portRangeProblem(protocol: RuleProtocol, text: string): PortRangeProblem | undefined {
  if (text === ANY_PORT) return hasPorts(protocol) ? 'mismatch' : undefined;
  const match = /^(\d{1,5})\/(\d{1,5})$/.exec(text);
  if (match === null) return 'malformed';
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (from < 1 || to > 65535 || from > to) return 'malformed';
  return hasPorts(protocol) ? undefined : 'mismatch';
}

export function rulePolicy(text: string): RulePolicy | undefined {
  const lower = text.toLowerCase();
  return RULE_POLICIES.find((policy) => policy === lower);
}

/** `Accept` / `Drop`, as DescribeSecurityGroupAttribute echoes a policy. */
export function echoedPolicy(policy: string): string {
  return policy.charAt(0).toUpperCase() + policy.slice(1);
}

export function isRulePriority(value: number): boolean {
  return Number.isInteger(value) && value >= RULE_PRIORITY.min && value <= RULE_PRIORITY.max;
}

/** An IPv4 address or `a.b.c.d/m` block (host bits allowed, as ECS takes `10.0.0.1/8`). */
export function isIpv4CidrOrAddress(text: string): boolean {
  const [address, mask, ...rest] = text.split('/');
  if (rest.length > 0 || address === undefined || parseIpv4(address) === undefined) return false;
  return mask === undefined || (/^\d{1,2}$/.test(mask) && Number(mask) <= 32);
}

/**
 * An IPv6 address or block in its compressed RFC 5952 form (lowercase, the
 * longest zero run as `::`), which the provider compares byte for byte; or
 * undefined when `text` is not one.
 */
export function compressedIpv6Cidr(text: string): string | undefined {
  const [address, mask, ...rest] = text.split('/');
  if (rest.length > 0 || address === undefined || !address.includes(':')) return undefined;
  if (mask !== undefined && !(/^\d{1,3}$/.test(mask) && Number(mask) <= 128)) return undefined;
  let host: string;
  try {
    // The WHATWG URL parser validates an IPv6 literal and serialises it compressed.
    host = new URL(`http://[${address}]/`).hostname;
  } catch {
    return undefined;
  }
  const compressed = host.slice(1, -1);
  return mask === undefined ? compressed : `${compressed}/${Number(mask)}`;
}

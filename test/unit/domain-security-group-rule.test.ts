import { describe, expect, it } from 'vitest';
import {
  compressedIpv6Cidr,
  echoedPolicy,
  isIpv4CidrOrAddress,
  isRulePriority,
  portRangeProblem,
  ruleProtocol,
  rulePolicy,
} from '../../src/domain/security-group-rule.js';

describe('security-group rule values', () => {
  it('reads protocols case-insensitively into the form ECS echoes', () => {
    expect(['tcp', 'Udp', 'icmp', 'icmpv6', 'ICMPV6', 'gre', 'all'].map(ruleProtocol)).toEqual(['TCP', 'UDP', 'ICMP', 'ICMPv6', 'ICMPv6', 'GRE', 'ALL']);
    expect(ruleProtocol('sctp')).toBeUndefined();
    expect(ruleProtocol('')).toBeUndefined();
  });

  it.each([
    ['TCP', '22/22', undefined],
    ['TCP', '1/65535', undefined],
    ['UDP', '-1/-1', 'mismatch'],
    ['ICMP', '-1/-1', undefined],
    ['GRE', '-1/-1', undefined],
    ['ALL', '1/2', 'mismatch'],
    ['TCP', '0/22', 'malformed'],
    ['TCP', '22/21', 'malformed'],
    ['TCP', '1/65536', 'malformed'],
    ['TCP', '22', 'malformed'],
    ['TCP', '-1/22', 'malformed'],
    ['ICMP', 'a/b', 'malformed'],
  ] as const)('%s with %s → %s', (protocol, range, problem) => {
    expect(portRangeProblem(protocol, range)).toBe(problem);
  });

  it('takes policies case-insensitively and echoes them capitalised', () => {
    expect(rulePolicy('ACCEPT')).toBe('accept');
    expect(rulePolicy('Drop')).toBe('drop');
    expect(rulePolicy('reject')).toBeUndefined();
    expect(echoedPolicy('drop')).toBe('Drop');
  });

  it('bounds the priority to 1–100', () => {
    expect([0, 1, 100, 101, 1.5].map(isRulePriority)).toEqual([false, true, true, false, false]);
  });

  it('takes an IPv4 address or block, host bits allowed', () => {
    expect(['10.0.0.0/8', '10.0.0.1/8', '192.168.1.1', '0.0.0.0/0'].every(isIpv4CidrOrAddress)).toBe(true);
    expect(['10.0.0.0/33', '10.0.0.256', '10.0.0.0/8/1', '::/0', '10.0.0/8', ''].some(isIpv4CidrOrAddress)).toBe(false);
  });

  it('compresses IPv6 blocks as RFC 5952 writes them', () => {
    expect(compressedIpv6Cidr('2001:0DB8:0000:0000:0000:0000:0000:0001/128')).toBe('2001:db8::1/128');
    expect(compressedIpv6Cidr('2001:db8:0:1:0:0:0:1')).toBe('2001:db8:0:1::1');
    expect(compressedIpv6Cidr('::/0')).toBe('::/0');
    expect(compressedIpv6Cidr('2001:db8::g')).toBeUndefined();
    expect(compressedIpv6Cidr('2001:db8::/129')).toBeUndefined();
    expect(compressedIpv6Cidr('10.0.0.0/8')).toBeUndefined();
  });
});

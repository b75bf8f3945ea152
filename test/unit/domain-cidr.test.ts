import { describe, expect, it } from 'vitest';
import {
  VPC_MASK,
  VSWITCH_MASK,
  containsCidr,
  firstFreeAddress,
  firstFreeSubnet,
  formatCidr,
  isCidr,
  isPrivateRange,
  maskWithin,
  overlaps,
  parseCidr,
  parseIpv4,
  touchesSpecialRange,
  usableAddressCount,
  type Cidr,
} from '../../src/domain/cidr.js';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!isCidr(parsed)) throw new Error(`test setup: ${text} is ${parsed}`);
  return parsed;
}

describe('parseCidr', () => {
  it.each(['10.0.0.0/8', '172.16.0.0/12', '192.168.1.0/24', '0.0.0.0/0', '255.255.255.255/32'])('parses %s', (text) => {
    expect(formatCidr(cidr(text))).toBe(text);
  });

  it.each(['', '10.0.0.0', '10.0.0/8', '10.0.0.256/24', '10.0.0.0/33', '10.0.0.0/', 'a.b.c.d/8', '010.0.0.0/8', '10.0.0.0/8/1', ' 10.0.0.0/8'])(
    'refuses %j as malformed',
    (text) => {
      expect(parseCidr(text)).toBe('malformed');
    },
  );

  it('refuses host bits as unaligned', () => {
    expect(parseCidr('10.0.0.1/8')).toBe('unaligned');
    expect(parseCidr('172.17.3.128/24')).toBe('unaligned');
  });

  it('reads addresses as unsigned', () => {
    expect(parseIpv4('255.255.255.255')).toBe(4294967295);
  });
});

describe('ranges', () => {
  it('knows the private VPC ranges', () => {
    expect(isPrivateRange(cidr('10.0.0.0/8'))).toBe(true);
    expect(isPrivateRange(cidr('172.17.3.0/24'))).toBe(true);
    expect(isPrivateRange(cidr('192.168.0.0/16'))).toBe(true);
    expect(isPrivateRange(cidr('172.32.0.0/16'))).toBe(false);
    expect(isPrivateRange(cidr('192.168.0.0/15'))).toBe(false);
    expect(isPrivateRange(cidr('8.8.8.0/24'))).toBe(false);
  });

  it('knows the special ranges', () => {
    expect(touchesSpecialRange(cidr('100.64.1.0/24'))).toBe(true);
    expect(touchesSpecialRange(cidr('224.0.0.0/8'))).toBe(true);
    expect(touchesSpecialRange(cidr('10.0.0.0/8'))).toBe(false);
  });

  it('checks masks', () => {
    expect(maskWithin(cidr('10.0.0.0/8'), VPC_MASK)).toBe(true);
    expect(maskWithin(cidr('10.0.0.0/29'), VPC_MASK)).toBe(false);
    expect(maskWithin(cidr('10.0.0.0/29'), VSWITCH_MASK)).toBe(true);
    expect(maskWithin(cidr('10.0.0.0/15'), VSWITCH_MASK)).toBe(false);
  });

  it('contains and overlaps', () => {
    expect(containsCidr(cidr('172.17.3.0/24'), cidr('172.17.3.0/24'))).toBe(true);
    expect(containsCidr(cidr('172.16.0.0/12'), cidr('172.17.3.0/24'))).toBe(true);
    expect(containsCidr(cidr('172.17.3.0/24'), cidr('172.17.0.0/16'))).toBe(false);
    expect(overlaps(cidr('10.0.0.0/16'), cidr('10.0.255.0/24'))).toBe(true);
    expect(overlaps(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
  });
});

describe('addresses', () => {
  it('reserves the first and the last three addresses', () => {
    expect(usableAddressCount(cidr('192.168.1.0/24'))).toBe(252);
    expect(usableAddressCount(cidr('192.168.1.0/29'))).toBe(4);
    const block = cidr('192.168.1.0/29');
    expect(firstFreeAddress(block, new Set())).toBe('192.168.1.1');
    expect(firstFreeAddress(block, new Set(['192.168.1.1', '192.168.1.2']))).toBe('192.168.1.3');
    expect(firstFreeAddress(block, new Set(['192.168.1.1', '192.168.1.2', '192.168.1.3', '192.168.1.4']))).toBeUndefined();
  });

  it('finds the first free subnet of a mask', () => {
    const vpc = cidr('10.0.0.0/16');
    expect(formatCidr(firstFreeSubnet(vpc, 24, [])!)).toBe('10.0.0.0/24');
    expect(formatCidr(firstFreeSubnet(vpc, 24, [cidr('10.0.0.0/24'), cidr('10.0.1.0/25')])!)).toBe('10.0.2.0/24');
    expect(formatCidr(firstFreeSubnet(vpc, 26, [cidr('10.0.0.0/26')])!)).toBe('10.0.0.64/26');
    expect(firstFreeSubnet(cidr('10.0.0.0/24'), 24, [cidr('10.0.0.128/25')])).toBeUndefined();
    expect(firstFreeSubnet(cidr('10.0.0.0/24'), 16, [])).toBeUndefined();
  });
});

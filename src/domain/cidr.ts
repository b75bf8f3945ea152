/**
 * IPv4 CIDR blocks as the VPC product rules them (ecs-api.md CreateVpc /
 * CreateVSwitch): VPC blocks inside 10.0.0.0/8, 172.16.0.0/12 or
 * 192.168.0.0/16 with a mask of /8–/28; vSwitch blocks with a mask of
 * /16–/29 inside their VPC, never overlapping a sibling. In each vSwitch the
 * first address and the last three are reserved (VPC docs: for
 * 192.168.1.0/24, .0, .253, .254 and .255).
 *
 * Addresses are unsigned 32-bit integers held in plain numbers (no bitwise
 * operators: they work on signed 32-bit values).
 */

export interface Cidr {
  /** The network address (host bits zero). */
  readonly network: number;
  /** The mask length, 0–32. */
  readonly prefix: number;
}

export interface MaskRange {
  readonly min: number;
  readonly max: number;
}

export const VPC_MASK: MaskRange = { min: 8, max: 28 };
export const VSWITCH_MASK: MaskRange = { min: 16, max: 29 };
export const DEFAULT_VPC_CIDR = '172.16.0.0/12';

/** Addresses the VPC product keeps in every vSwitch: the first one and the last three. */
export const RESERVED_HEAD = 1;
export const RESERVED_TAIL = 3;

const OCTET = /^(0|[1-9]\d{0,2})$/;

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(address: number): string {
  const octets: number[] = [];
  let rest = address;
  for (let i = 0; i < 4; i += 1) {
    octets.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return octets.join('.');
}

export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export type CidrProblem = 'malformed' | 'unaligned';

/**
 * Parses `a.b.c.d/m`. A block whose address has host bits set (such as
 * `10.0.0.1/8`) is refused as `unaligned`: the VPC product rejects it rather
 * than guess which network was meant.
 */
export function parseCidr(text: string): Cidr | CidrProblem {
  const slash = text.indexOf('/');
  if (slash < 0) return 'malformed';
  const address = parseIpv4(text.slice(0, slash));
  const maskText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,2}$/.test(maskText)) return 'malformed';
  const prefix = Number(maskText);
  if (prefix > 32) return 'malformed';
  if (address % blockSize(prefix) !== 0) return 'unaligned';
  return { network: address, prefix };
}

export function isCidr(value: Cidr | CidrProblem): value is Cidr {
  return typeof value === 'object';
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.network)}/${cidr.prefix}`;
}

/** The last address of the block. */
export function broadcastOf(cidr: Cidr): number {
  return cidr.network + blockSize(cidr.prefix) - 1;
}

export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.network >= outer.network && broadcastOf(inner) <= broadcastOf(outer);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.network <= broadcastOf(b) && b.network <= broadcastOf(a);
}

function block(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!isCidr(parsed)) throw new Error(`bad constant CIDR ${text}`);
  return parsed;
}

const PRIVATE_RANGES: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(block);
const SPECIAL_RANGES: readonly Cidr[] = ['100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4'].map(block);

/** Inside one of the three RFC 1918 ranges a VPC may use. */
export function isPrivateRange(cidr: Cidr): boolean {
  return PRIVATE_RANGES.some((range) => containsCidr(range, cidr));
}

/** Touches 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16 or 224.0.0.0/4, which no vSwitch may use. */
export function touchesSpecialRange(cidr: Cidr): boolean {
  return SPECIAL_RANGES.some((range) => overlaps(range, cidr));
}

export function maskWithin(cidr: Cidr, range: MaskRange): boolean {
  return cidr.prefix >= range.min && cidr.prefix <= range.max;
}

/** Addresses an instance can get in a vSwitch block: its size less the four reserved ones. */
export function usableAddressCount(cidr: Cidr): number {
  return Math.max(0, blockSize(cidr.prefix) - RESERVED_HEAD - RESERVED_TAIL);
}

/**
 * The lowest usable address of a vSwitch block not in `taken` (dotted
 * strings), or undefined when the block is full. For handing out private IPs.
 */
export function firstFreeAddress(cidr: Cidr, taken: ReadonlySet<string>): string | undefined {
  const first = cidr.network + RESERVED_HEAD;
  const last = broadcastOf(cidr) - RESERVED_TAIL;
  for (let address = first; address <= last; address += 1) {
    const text = formatIpv4(address);
    if (!taken.has(text)) return text;
  }
  return undefined;
}

/**
 * The lowest block of mask `prefix` inside `outer` that overlaps none of
 * `taken` (CreateVSwitch with `CidrMask` and no `CidrBlock`), or undefined.
 */
export function firstFreeSubnet(outer: Cidr, prefix: number, taken: readonly Cidr[]): Cidr | undefined {
  if (prefix < outer.prefix || prefix > 32) return undefined;
  const size = blockSize(prefix);
  const end = broadcastOf(outer);
  let start = outer.network;
  while (start + size - 1 <= end) {
    const candidate: Cidr = { network: start, prefix };
    const blocker = taken.find((other) => overlaps(other, candidate));
    if (blocker === undefined) return candidate;
    // Skip past the blocker, then up to the next boundary of our size.
    const next = Math.max(broadcastOf(blocker) + 1, start + size);
    start = Math.ceil(next / size) * size;
  }
  return undefined;
}

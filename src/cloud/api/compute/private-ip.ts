/**
 * Private IPv4 addresses from a vSwitch's CIDR block, unique per vSwitch,
 * outside the addresses the VPC product reserves (domain/cidr.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { EcsError } from '../errors.js';
import { broadcastOf, firstFreeAddress, formatIpv4, isCidr, parseCidr, parseIpv4, RESERVED_HEAD, RESERVED_TAIL, type Cidr } from '../../../domain/cidr.js';

function blockOf(cidrBlock: string): Cidr {
  const cidr = parseCidr(cidrBlock);
  if (!isCidr(cidr)) throw new Error(`cloud bug: vSwitch CIDR block ${cidrBlock} is ${cidr}`);
  return cidr;
}

/** Checks a requested `PrivateIpAddress`: well-formed, usable in the block, not taken. */
export function checkRequestedIp(cidrBlock: string, requested: string, taken: ReadonlySet<string>): string {
  const cidr = blockOf(cidrBlock);
  const address = parseIpv4(requested);
  const usable =
    address !== undefined && address >= cidr.network + RESERVED_HEAD && address <= broadcastOf(cidr) - RESERVED_TAIL;
  if (!usable) throw new EcsError('InvalidPrivateIpAddress');
  const normalized = formatIpv4(address);
  if (taken.has(normalized)) throw new EcsError('InvalidPrivateIpAddress.Duplicated');
  return normalized;
}

/** The `count` lowest free addresses, or `QuotaExceeded.PrivateIpAddress` when the block runs out. */
export function allocateIps(cidrBlock: string, taken: ReadonlySet<string>, count: number): string[] {
  const cidr = blockOf(cidrBlock);
  const used = new Set(taken);
  const found: string[] = [];
  while (found.length < count) {
    const next = firstFreeAddress(cidr, used);
    if (next === undefined) throw new EcsError('QuotaExceeded.PrivateIpAddress');
    used.add(next);
    found.push(next);
  }
  return found;
}

/** The private addresses instances hold in a vSwitch. */
export async function takenIps(db: Kysely<Database>, vSwitchId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('instances').select('private_ip').where('vswitch_id', '=', vSwitchId).execute();
  return new Set(rows.map((row) => row.private_ip));
}

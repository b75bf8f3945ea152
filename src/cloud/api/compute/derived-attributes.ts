/**
 * Attributes ECS shows that this cloud does not store, derived stably from an
 * instance's id so every read answers the same: its public IP (when it has
 * outbound bandwidth), primary ENI id, MAC address and serial number.
 */
import { createHash } from 'node:crypto';

function digest(id: string): Buffer {
  return createHash('sha256').update(id).digest();
}

/** A public address in 47.96.0.0/11 (an Alibaba Cloud Hangzhou range). */
export function publicIpOf(instanceId: string): string {
  const bytes = digest(instanceId);
  const second = 96 + ((bytes[0] ?? 0) % 32);
  return `47.${second}.${bytes[1] ?? 0}.${1 + ((bytes[2] ?? 0) % 254)}`;
}

export function primaryEniIdOf(instanceId: string): string {
  return `eni-${instanceId.slice(2)}`;
}

export function macAddressOf(instanceId: string): string {
  const bytes = digest(`mac:${instanceId}`);
  return ['00', '16', '3e', ...[0, 1, 2].map((index) => (bytes[index] ?? 0).toString(16).padStart(2, '0'))].join(':');
}

export function serialNumberOf(instanceId: string): string {
  const hex = digest(`serial:${instanceId}`).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

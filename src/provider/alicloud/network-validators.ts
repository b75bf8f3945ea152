/**
 * Validators for network arguments, worded like the SDK's `validation.IsCIDRNetwork` and
 * `StringLenBetween` so users see the messages they know from the real provider.
 */
import { isCidr, parseCidr } from '../../domain/cidr.js';
import type { Validator } from '../framework/index.js';
import { URL_PREFIX } from '../../domain/resource-text-rules.js';

/** An IPv4 network in CIDR form whose mask is between `min` and `max` bits. */
export function cidrNetwork(min: number, max: number): Validator {
  return (value, { key }) => {
    if (typeof value !== 'string') return `expected type of ${key} to be string`;
    const parsed = parseCidr(value);
    if (!isCidr(parsed)) return `expected ${key} to contain a valid network Value, got: ${value}`;
    return parsed.prefix < min || parsed.prefix > max
      ? `expected ${key} to contain a network Value with between ${min} and ${max} significant bits, got: ${parsed.prefix}`
      : undefined;
  };
}

/** Names and descriptions must not start with http:// or https://. */
export function noUrlPrefix(): Validator {
  return (value, { key }) =>
    typeof value === 'string' && URL_PREFIX.test(value) ? `${key} cannot start with http:// or https://, got ${JSON.stringify(value)}` : undefined;
}

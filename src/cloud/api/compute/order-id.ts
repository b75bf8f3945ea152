/**
 * The `OrderId` that ECS's billing-affecting actions answer: a decimal number
 * (the reference shows `1234567890`-style ids). No order exists here; the id
 * only lets a caller log or correlate the change, as it would with ECS.
 */
import { randomInt } from 'node:crypto';

export function newOrderId(): string {
  return String(randomInt(100_000_000_000, 999_999_999_999));
}

import { randomUUID } from 'node:crypto';

/** ECS accepts at most 64 ASCII characters in `ClientToken`. */
export const CLIENT_TOKEN_MAX_LENGTH = 64;

/**
 * `TF-<Action>-<unix seconds>-<uuid>`, cut to 64 characters, as the reference provider builds
 * it. Build it once per logical create and pass the same token to every retry, so a create
 * whose answer was lost is not made twice (the cloud answers a repeated token with the same id).
 */
export function buildClientToken(action: string, now: number = Date.now()): string {
  return `TF-${action}-${Math.floor(now / 1000)}-${randomUUID()}`.slice(0, CLIENT_TOKEN_MAX_LENGTH);
}

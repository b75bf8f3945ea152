/** Issue 15's goals for the provider, as `bench:provider` checks them. */
export const GOALS = {
  /** exec → handshake line, as a multiple of a bare `node -e 0` start on the same machine. */
  handshakeRatio: 1.5,
  /** `terraform plan` of one image, nothing in state. */
  planOneImageMs: 600,
  /** A second `terraform plan` of this many unchanged images… */
  secondPlanSize: 100,
  /** …within this. */
  secondPlanMs: 1_000,
  /** `terraform apply` of this many images… */
  applySize: 100,
  /** …within this multiple of the waiting floor (`applyFloorMs`). */
  applyFloorFactor: 1.3,
  /** Peak resident memory of any provider process (the figure before issue 15). */
  memoryMiB: 134,
} as const;

/**
 * The least an apply can take when every image takes `creationMs` to be ready and terraform
 * creates `parallelism` at a time: 100 images, 10 at a time, 0.5 s each → 5 s.
 */
export function applyFloorMs(count: number, parallelism: number, creationMs: number): number {
  return Math.ceil(count / parallelism) * creationMs;
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

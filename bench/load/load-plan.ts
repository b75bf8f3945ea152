/**
 * What a load process is asked to do and what it reports back (over the
 * child-process IPC channel, so everything here is plain JSON).
 */

export interface LoadCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Signed RPC requests, one parameter set after another (round robin). */
export interface RequestsWorkload {
  readonly kind: 'requests';
  /** Action parameters (`Action`, `Version`, `RegionId`, …); system parameters are added and signed per request. */
  readonly paramSets: readonly Readonly<Record<string, string>>[];
}

/**
 * The create→Available cycle, as a provider's waiter does it: CreateImage, then
 * DescribeImages by id every `pollIntervalMs` until the image is Available.
 * One cycle is one latency sample.
 */
export interface CreateCycleWorkload {
  readonly kind: 'create-cycle';
  /** CreateImage parameters (`Action`, `Version`, `RegionId`, `SnapshotId`, …). */
  readonly create: Readonly<Record<string, string>>;
  readonly pollIntervalMs: number;
  /** A cycle taking longer than this counts as an error. */
  readonly cycleTimeoutMs: number;
}

export type Workload = RequestsWorkload | CreateCycleWorkload;

export interface LoadPlan {
  /** `http://host:port` of each server; connections are spread over them in turn. */
  readonly urls: readonly string[];
  readonly credentials: LoadCredentials;
  /** Concurrent clients in this process, each with its own keep-alive connection. */
  readonly concurrency: number;
  /** Samples taken in this window count; the warm-up before it does not. */
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly workload: Workload;
}

export interface LoadResult {
  /** Completed operations (requests, or cycles) inside the measured window. */
  readonly operations: number;
  /** HTTP requests sent inside the measured window (differs from `operations` for cycles). */
  readonly requests: number;
  readonly errors: number;
  /** A few distinct error descriptions, for the report. */
  readonly errorSamples: readonly string[];
  readonly elapsedMs: number;
  /** Latency of each measured operation, in milliseconds. */
  readonly latenciesMs: readonly number[];
}

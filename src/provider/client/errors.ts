/**
 * One error type for everything a cloud call can fail with, and the classifications the
 * resources need (not found, throttled, worth retrying).
 *
 * The TS SDK 7.x throws `AlibabaCloudError` subclasses (`ThrottlingError`, `ClientError`,
 * `ServerError`) whose `message` is `"<Code>: code: <status>, <Message> request id: <Id>"`
 * and whose `data` is the parsed error body. Transport failures arrive as plain Node errors
 * (`ECONNREFUSED`, `ECONNRESET`, read timeouts), and a non-JSON error body (an HTML 502
 * from a proxy) as a `SyntaxError` with no status at all.
 */

export type CloudErrorKind = 'api' | 'transport' | 'malformed-response';

export interface CloudErrorInit {
  readonly kind: CloudErrorKind;
  readonly code: string;
  /** The cloud's own `Message`, without decoration. */
  readonly cloudMessage: string;
  readonly status?: number | undefined;
  readonly requestId?: string | undefined;
  /** From the `x-acs-retry-after` header of a throttling answer (milliseconds). */
  readonly retryAfterMs?: number | undefined;
  readonly cause?: unknown;
}

export class CloudError extends Error {
  override readonly name = 'CloudError';
  readonly kind: CloudErrorKind;
  /** The cloud's `Code` (`InvalidImageId.NotFound`), or the Node error code for transport failures. */
  readonly code: string;
  readonly cloudMessage: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: CloudErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.cloudMessage = init.cloudMessage;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }
}

function formatMessage(init: CloudErrorInit): string {
  if (init.kind === 'transport') return `${init.cloudMessage} (${init.code})`;
  if (init.kind === 'malformed-response') return init.cloudMessage;
  const facts = [init.status === undefined ? undefined : `HTTP ${init.status}`, init.requestId && `request id ${init.requestId}`]
    .filter(Boolean)
    .join(', ');
  return `${init.code}: ${init.cloudMessage}${facts ? ` (${facts})` : ''}`;
}

/**
 * Raised when the AbortSignal fires (StopProvider, Ctrl-C, the operation's timeout): the
 * operation stops where it is. `lastAnswer` is what the retrying call or the wait last heard
 * from the cloud, so a timeout can say what it was waiting out.
 */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  readonly lastAnswer: Error | undefined;

  constructor(reason: unknown, lastAnswer?: Error) {
    const why = reason instanceof Error ? reason.message : reason === undefined ? '' : String(reason);
    super(`operation cancelled${why && why !== 'This operation was aborted' ? `: ${why}` : ''}`, { cause: reason });
    this.lastAnswer = lastAnswer;
  }
}

export function isCancelled(err: unknown): err is CancelledError {
  return err instanceof CancelledError;
}

const SDK_MESSAGE = /^(?:(?<code>[^:]+): )?code: (?<status>\d{3}), (?<message>[\s\S]*?) request id: (?<requestId>\S*)$/;
const TRANSPORT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'ReadTimeout',
  'ConnectTimeout',
]);

/** Converts whatever a cloud call threw into a `CloudError` (idempotent). */
export function toCloudError(err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  if (err instanceof SyntaxError) {
    return new CloudError({
      kind: 'malformed-response',
      code: 'MalformedResponse',
      cloudMessage: `the endpoint answered with a body that is not JSON (${err.message}); is the endpoint an Alibaba Cloud API?`,
      cause: err,
    });
  }
  if (typeof err !== 'object' || err === null) {
    return new CloudError({ kind: 'transport', code: 'Unknown', cloudMessage: String(err), cause: err });
  }
  const e = err as Record<string, unknown>;
  const code = stringOr(e['code']);
  const status = typeof e['statusCode'] === 'number' ? e['statusCode'] : undefined;
  const data = typeof e['data'] === 'object' && e['data'] !== null ? (e['data'] as Record<string, unknown>) : undefined;
  if (status !== undefined || data !== undefined) {
    const parsed = SDK_MESSAGE.exec(stringOr(e['message']) ?? '')?.groups;
    const bodyMessage = stringOr(data?.['Message']) ?? stringOr(data?.['message']);
    const retryAfter = typeof e['retryAfter'] === 'number' && e['retryAfter'] > 0 ? e['retryAfter'] : undefined;
    return new CloudError({
      kind: 'api',
      code: code ?? stringOr(data?.['Code']) ?? parsed?.['code'] ?? 'Unknown',
      cloudMessage: bodyMessage ?? parsed?.['message'] ?? stringOr(e['message']) ?? '',
      status: status ?? (parsed ? Number(parsed['status']) : undefined),
      requestId: stringOr(e['requestId']) ?? stringOr(data?.['RequestId']) ?? parsed?.['requestId'],
      retryAfterMs: retryAfter,
      cause: err,
    });
  }
  const message = stringOr(e['message']) ?? String(err);
  return new CloudError({
    kind: 'transport',
    code: code ?? transportCodeFromMessage(message) ?? stringOr(e['name']) ?? 'Error',
    cloudMessage: message,
    cause: err,
  });
}

function transportCodeFromMessage(message: string): string | undefined {
  if (/socket hang up/i.test(message)) return 'ECONNRESET';
  if (/timeout/i.test(message)) return 'ReadTimeout';
  return undefined;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Gateway codes that also end in `.NotFound` or come with a 404 but say nothing about the
 * resource: an unknown AccessKey must never make a resource silently vanish from state.
 */
const NOT_RESOURCE_NOT_FOUND: ReadonlySet<string> = new Set([
  'InvalidAccessKeyId.NotFound',
  'InvalidApi.NotFound',
  'InvalidProduct.NotFound',
  'InvalidRegionId.NotFound',
  'InvalidAction.NotFound',
  // Apsara Stack scoping: the request's resource set is wrong, not the addressed resource.
  'InvalidResourceGroup.NotFound',
]);

/** Codes the reference providers' legacy SDK paths treat as not-found (terraform-provider-alicloud's `NotFoundError` and the image resource's own checks). */
const LEGACY_NOT_FOUND_CODES: ReadonlySet<string> = new Set(['NotFound', 'Instance.Notfound', 'Forbidden.InstanceNotFound']);

/** True when the error says the addressed resource does not exist (HTTP 404, `*.NotFound`, legacy codes). */
export function isNotFound(err: unknown): boolean {
  if (!(err instanceof CloudError) || err.kind !== 'api') return false;
  if (NOT_RESOURCE_NOT_FOUND.has(err.code)) return false;
  return (
    err.status === 404 ||
    err.code.endsWith('.NotFound') ||
    LEGACY_NOT_FOUND_CODES.has(err.code) ||
    /instance is not found/i.test(err.cloudMessage)
  );
}

/**
 * The call's answer, or `fallback` when it fails because the addressed resource does not
 * exist (`isNotFound`); any other error propagates unchanged.
 */
export async function orNotFound<T, F>(call: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error)) return fallback;
    throw error;
  }
}

/** Any code containing `Throttling` (`Throttling`, `Throttling.User`, `Rejected.Throttling`, …). */
export function isThrottling(err: unknown): boolean {
  return err instanceof CloudError && err.kind === 'api' && err.code.includes('Throttling');
}

/**
 * What the reference provider's `NeedRetry` retries on every call: throttling,
 * `ServiceUnavailable`, `InternalError`, any 5xx, and transport failures.
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof CloudError)) return false;
  if (err.kind === 'transport') return TRANSPORT_CODES.has(err.code);
  if (err.kind !== 'api') return false;
  return (
    isThrottling(err) ||
    err.code === 'ServiceUnavailable' ||
    err.code === 'InternalError' ||
    (err.status !== undefined && err.status >= 500)
  );
}

/** True for the given cloud codes (exact match). */
export function hasCode(err: unknown, ...codes: readonly string[]): boolean {
  return err instanceof CloudError && codes.includes(err.code);
}

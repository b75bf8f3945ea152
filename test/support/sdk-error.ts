/**
 * What an official SDK call fails with: the cloud's error code, HTTP status,
 * message and parsed error body, for asserting ECS errors in SDK tests.
 */
import { expect } from 'vitest';

export interface SdkFailure {
  readonly code: string;
  readonly statusCode: number | undefined;
  readonly message: string;
  /** The error body as the SDK parsed it (RequestId, HostId, Recommend, …). */
  readonly data: Record<string, unknown> | undefined;
}

/** The error a call fails with; fails the test when the call succeeds. */
export async function sdkError(call: Promise<unknown>, expected = 'the call to fail'): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    const raw = error as { code?: unknown; statusCode?: unknown; message?: unknown; data?: unknown };
    return {
      code: String(raw.code),
      statusCode: typeof raw.statusCode === 'number' ? raw.statusCode : undefined,
      message: String(raw.message),
      data: typeof raw.data === 'object' && raw.data !== null ? (raw.data as Record<string, unknown>) : undefined,
    };
  }
  throw new Error(`expected ${expected}, but it succeeded`);
}

/** The call fails with this ECS code (and HTTP status, when given). */
export async function expectEcsError(call: Promise<unknown>, code: string, status?: number): Promise<SdkFailure> {
  const failure = await sdkError(call, code);
  expect(failure.code).toBe(code);
  if (status !== undefined) expect(failure.statusCode).toBe(status);
  return failure;
}

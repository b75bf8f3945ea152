/**
 * Step 7: render. Success: `{RequestId, …result}` with 200. Failure: the ECS
 * envelope `{RequestId, HostId, Code, Message, Recommend}` with the
 * catalogue's status. Anything that is not an `EcsError` is a cloud bug: it is
 * logged and answered `InternalError` (500), never leaked.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ActionResult } from '../api/action.js';
import { EcsError } from '../api/errors.js';
import { isPostgresUnavailable } from '../store/postgres/connection-errors.js';
import type { RpcResponse } from './raw-request.js';

export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

export function renderSuccess(requestId: string, result: ActionResult): RpcResponse {
  return { status: 200, body: JSON.stringify({ ...result, RequestId: requestId }) };
}

export interface ErrorContext {
  readonly requestId: string;
  readonly hostId: string;
  readonly product: string;
  readonly logger: Logger;
}

export function renderError(error: unknown, context: ErrorContext): RpcResponse {
  return renderErrorAnswer(asEcsError(error, context), context);
}

/** The envelope of an answer that is not an `EcsError` of the catalogue (an injected fault). */
export function renderErrorAnswer(ecsError: { readonly code: string; readonly status: number; readonly message: string }, context: ErrorContext): RpcResponse {
  const { requestId } = context;
  return {
    status: ecsError.status,
    body: JSON.stringify({
      RequestId: requestId,
      HostId: context.hostId,
      Code: ecsError.code,
      Message: ecsError.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(ecsError.code)}&product=${context.product}&requestId=${requestId}`,
    }),
  };
}

function asEcsError(error: unknown, context: ErrorContext): EcsError {
  if (error instanceof EcsError) return error;
  if (isBusy(error)) {
    context.logger.warn({ requestId: context.requestId, err: error }, 'store busy');
    return new EcsError('ServiceUnavailable');
  }
  context.logger.error({ requestId: context.requestId, err: error }, 'unexpected error while handling a request');
  return new EcsError('InternalError');
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || isPostgresUnavailable(error);
}

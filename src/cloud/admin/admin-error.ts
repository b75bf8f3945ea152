/**
 * How the operator API answers: JSON bodies, and failures in the same
 * envelope as the cloud's own errors (`RequestId`, `Code`, `Message`), so a
 * client that already reads ECS errors reads these too. `AdminError` carries
 * the status and code of one failure; anything else thrown is a cloud bug or
 * an unreachable store.
 */
import type { RpcResponse } from '../http/raw-request.js';
import { newRequestId } from '../http/render.js';

export class AdminError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'AdminError';
    this.status = status;
    this.code = code;
  }

  /** 400 naming what is wrong in the request (a field, the document, a value). */
  static invalid(message: string): AdminError {
    return new AdminError(400, 'InvalidParameter', message);
  }
}

export function jsonResponse(status: number, body: unknown): RpcResponse {
  return { status, body: JSON.stringify(body) };
}

export function errorResponse(error: AdminError): RpcResponse {
  return jsonResponse(error.status, { RequestId: newRequestId(), Code: error.code, Message: error.message });
}

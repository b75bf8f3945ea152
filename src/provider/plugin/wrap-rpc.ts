/**
 * Every tfplugin6 RPC goes through one wrapper: trace "received"/"served" with timing,
 * a cancellation signal, and exceptions turned into an error diagnostic that says the
 * provider has a bug (terraform shows diagnostics; a gRPC error would read as a crash).
 */
import { status, type handleUnaryCall, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { Logger } from './logger.js';
import type { RpcContext } from './provider-server.js';
import type { Diagnostic } from './tfplugin6-types.js';

export interface RpcRuntime {
  readonly logger: Logger;
  /** Aborted when the process is shutting down; every in-flight call is aborted with it. */
  readonly lifetime: AbortSignal;
  /** A fresh id per call, for correlating log lines. */
  nextRequestId(): number;
}

export type RpcHandler<Req, Res> = (request: Req, context: RpcContext) => Promise<Res>;

/** What to answer when the handler throws: the field that carries errors differs per RPC. */
export function bugResponse(rpc: string, detail: string): object {
  const summary = `internal error in the provider (${rpc})`;
  const text = `This is a bug in the provider; please report it.\n\n${detail}`;
  if (rpc === 'StopProvider') return { Error: `${summary}: ${detail}` };
  if (rpc === 'CallFunction') return { error: { text: `${summary}: ${detail}` } };
  const diagnostic: Diagnostic = { severity: 'ERROR', summary, detail: text };
  return { diagnostics: [diagnostic] };
}

function describeError(error: unknown): { message: string; stack: string | undefined } {
  if (error instanceof Error) return { message: error.message || error.name, stack: error.stack };
  return { message: String(error), stack: undefined };
}

function countDiagnostics(response: unknown): { errors: number; warnings: number } {
  const diagnostics = (response as { diagnostics?: Diagnostic[] } | undefined)?.diagnostics ?? [];
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'ERROR') errors++;
    else if (diagnostic.severity === 'WARNING') warnings++;
  }
  return { errors, warnings };
}

/**
 * A grpc-js unary handler for `rpc`. An absent handler answers UNIMPLEMENTED, which
 * terraform tolerates for the optional RPCs.
 */
export function wrapRpc<Req extends object, Res extends object>(
  rpc: string,
  handler: RpcHandler<Req, Res> | undefined,
  runtime: RpcRuntime,
): handleUnaryCall<Req, Res> {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    if (handler === undefined) {
      callback({ code: status.UNIMPLEMENTED, details: `${rpc} is not implemented by this provider` });
      return;
    }
    const request = call.request;
    const typeName = (request as { type_name?: unknown }).type_name;
    const fields: Record<string, unknown> = { tf_rpc: rpc, tf_req_id: runtime.nextRequestId() };
    if (typeof typeName === 'string' && typeName !== '') fields['tf_resource_type'] = typeName;
    const logger = runtime.logger.with(fields);

    const abort = new AbortController();
    const onStop = (): void => abort.abort(new Error('the provider is shutting down'));
    if (runtime.lifetime.aborted) onStop();
    else runtime.lifetime.addEventListener('abort', onStop, { once: true });
    call.on('cancelled', () => abort.abort(new Error(`terraform cancelled ${rpc}`)));

    const started = performance.now();
    logger.trace('received request');
    const context: RpcContext = { rpc, signal: abort.signal, logger };

    const finish = (response: Res): void => {
      runtime.lifetime.removeEventListener('abort', onStop);
      const { errors, warnings } = countDiagnostics(response);
      logger.trace('served request', {
        tf_req_duration_ms: Math.round(performance.now() - started),
        diagnostic_error_count: errors,
        diagnostic_warning_count: warnings,
      });
      callback(null, response);
    };

    let pending: Promise<Res>;
    try {
      pending = handler(request, context);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (response) => {
        if (response === null || typeof response !== 'object') {
          logger.error('handler returned no response object');
          finish(bugResponse(rpc, `${rpc} returned ${String(response)} instead of a response`) as Res);
          return;
        }
        finish(response);
      },
      (error: unknown) => {
        const { message, stack } = describeError(error);
        logger.error('handler failed', { error: message, stack });
        finish(bugResponse(rpc, message) as Res);
      },
    );
  };
}

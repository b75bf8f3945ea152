/**
 * The HTTP transport: node:http, one route. It reads the whole body (chunked
 * or not) up to a limit, hands the request to the pipeline and writes its
 * answer. node:http rather than a framework so that every transport-level
 * failure still gets an ECS JSON envelope: node:http would otherwise answer
 * some itself without a body (no Host header: 400; an unknown `Expect`: 417;
 * unparsable framing: 400) and close a CONNECT without any answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { RawRequest, RpcResponse } from './raw-request.js';
import { EcsError } from '../api/errors.js';
import { newRequestId, renderError } from './render.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const EMPTY_BODY = Buffer.alloc(0);

export interface RpcServerOptions {
  readonly handle: (request: RawRequest) => Promise<RpcResponse>;
  readonly logger: Logger;
  readonly bodyLimit?: number;
  /** A different limit for some paths (the operator API's state documents). */
  readonly bodyLimitFor?: (url: string) => number | undefined;
}

export function createRpcServer(options: RpcServerOptions): Server {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const { logger } = options;
  const answer = (error: EcsError, host: string | undefined): RpcResponse => transportError(error, host, logger);
  // requireHostHeader off: the missing Host is answered below, in the envelope.
  const server = createServer({ keepAliveTimeout: 5_000, requireHostHeader: false }, (req, res) => {
    if (req.headers.host === undefined && req.httpVersion === '1.1') {
      send(res, answer(EcsError.missingParameter('Host'), undefined), true);
      return;
    }
    readBody(req, options.bodyLimitFor?.(req.url ?? '/') ?? bodyLimit).then(
      (body) => {
        if (body === undefined) {
          send(res, answer(new EcsError('RequestTooLarge'), req.headers.host), true);
          return;
        }
        const raw: RawRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
        options.handle(raw).then(
          (response) => send(res, response, false),
          (error: unknown) => {
            logger.error({ err: error }, 'pipeline failed');
            send(res, answer(new EcsError('InternalError'), req.headers.host), true);
          },
        );
      },
      (error: unknown) => {
        // The client went away mid-body: nobody is left to answer.
        logger.debug({ err: error }, 'request body could not be read');
        res.destroy();
      },
    );
  });
  // After listening, a server error (e.g. EMFILE on accept) is logged, never thrown.
  server.on('listening', () => {
    server.on('error', (error) => logger.error({ err: error }, 'http server error'));
  });
  // `Expect: 100-continue` is answered by node:http itself; any other expectation lands here.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    send(res, answer(new EcsError('ExpectationFailed'), req.headers.host), true);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    endSocket(socket, answer(new EcsError('UnsupportedHTTPMethod'), req.headers.host));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const ecsError = error.code === 'HPE_HEADER_OVERFLOW' ? new EcsError('RequestHeaderTooLarge') : EcsError.invalidParameter('request');
    endSocket(socket, answer(ecsError, undefined));
  });
  return server;
}

/** The body, or undefined when it exceeds the limit (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  // Neither Content-Length nor Transfer-Encoding: HTTP/1.1 says there is no body (the SDKs' GETs);
  // node:http drains the empty stream itself when the response ends.
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) return Promise.resolve(EMPTY_BODY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: RpcResponse, close: boolean): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, {
    'content-type': 'application/json;charset=utf-8',
    ...response.headers,
    'content-length': Buffer.byteLength(response.body),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(response.body);
}

/** An answer written straight to a socket node:http no longer serves (bad framing, CONNECT), then closed. */
function endSocket(socket: Duplex, response: RpcResponse): void {
  socket.end(
    `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? 'Error'}\r\ncontent-type: application/json;charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(response.body)}\r\nconnection: close\r\n\r\n${response.body}`,
  );
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

function transportError(error: EcsError, host: string | undefined, logger: Logger): RpcResponse {
  return renderError(error, { requestId: newRequestId(), hostId: host || 'ecs.aliyuncs.com', product: 'Ecs', logger });
}

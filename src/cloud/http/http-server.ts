/**
 * The HTTP transport: node:http, one route. It reads the whole body (chunked
 * or not) up to a limit, hands the request to the pipeline and writes its
 * answer. node:http rather than a framework so that every transport-level
 * failure (oversized body, bad framing) still gets an ECS JSON envelope.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { RawRequest, RpcResponse } from './raw-request.js';
import { EcsError } from './errors.js';
import { newRequestId } from './render.js';

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
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    readBody(req, options.bodyLimitFor?.(req.url ?? '/') ?? bodyLimit).then(
      (body) => {
        if (body === undefined) {
          send(res, transportError(new EcsError('RequestTooLarge'), req.headers.host), true);
          return;
        }
        const raw: RawRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
        options.handle(raw).then(
          (response) => send(res, response, false),
          (error: unknown) => {
            options.logger.error({ err: error }, 'pipeline failed');
            send(res, transportError(new EcsError('InternalError'), req.headers.host), true);
          },
        );
      },
      (error: unknown) => {
        options.logger.debug({ err: error }, 'request body could not be read');
        res.destroy();
      },
    );
  });
  // After listening, a server error (e.g. EMFILE on accept) is logged, never thrown.
  server.on('listening', () => {
    server.on('error', (error) => options.logger.error({ err: error }, 'http server error'));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { body } = transportError(new EcsError('InvalidParameter', 'request'), undefined);
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
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
    'content-length': Buffer.byteLength(response.body),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(response.body);
}

function transportError(error: EcsError, host: string | undefined): RpcResponse {
  const requestId = newRequestId();
  return {
    status: error.status,
    body: JSON.stringify({
      RequestId: requestId,
      HostId: host ?? 'ecs.aliyuncs.com',
      Code: error.code,
      Message: error.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${error.code}&product=Ecs&requestId=${requestId}`,
    }),
  };
}

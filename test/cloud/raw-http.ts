/**
 * One HTTP exchange over a bare socket, for what no HTTP client will send
 * (no Host header, a junk Expect, CONNECT, a broken request line). Resolves
 * with the parsed answer once the body announced by Content-Length is in, or
 * when the server closes; `dropped` says the server closed without answering.
 */
import { connect } from 'node:net';

export interface RawHttpAnswer {
  readonly dropped: boolean;
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  /** The body parsed as JSON, when it is JSON. */
  readonly json: Record<string, unknown> | undefined;
}

export function rawExchange(port: number, request: string | Buffer, timeoutMs = 5_000): Promise<RawHttpAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(received));
    };
    const timer = setTimeout(() => {
      settled = true;
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms; received: ${received.toString('latin1').slice(0, 200)}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isComplete(received)) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after (or instead of) the answer: report what arrived.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish();
      else if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(error);
      }
    });
  });
}

/** Interim answers (`100 Continue`) come before the real one: skip them. */
function finalAnswer(received: Buffer): Buffer {
  let rest = received;
  while (/^HTTP\/1\.[01] 1\d\d /.test(rest.subarray(0, 13).toString('latin1'))) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    rest = rest.subarray(end + 4);
  }
  return rest;
}

function isComplete(all: Buffer): boolean {
  const received = finalAnswer(all);
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(received.subarray(0, end).toString('latin1'));
  return length !== null && received.length >= end + 4 + Number(length[1]);
}

function parseAnswer(all: Buffer): RawHttpAnswer {
  const received = finalAnswer(all);
  const end = received.indexOf('\r\n\r\n');
  if (received.length === 0 || end < 0) {
    return { dropped: true, status: 0, headers: new Map(), body: received.toString('utf8'), json: undefined };
  }
  const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = received.subarray(end + 4).toString('utf8');
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) json = parsed as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { dropped: false, status: Number(statusLine.split(' ')[1] ?? 0), headers, body, json };
}

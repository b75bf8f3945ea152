/** A request as the HTTP layer received it, before any interpretation. */
import type { IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  readonly method: string;
  /** Path and query exactly as sent (`/?Action=…`). */
  readonly url: string;
  /** Lowercase names, as node:http delivers them. */
  readonly headers: IncomingHttpHeaders;
  /** The body bytes exactly as received (chunked bodies already joined). */
  readonly body: Buffer;
}

export interface RpcResponse {
  readonly status: number;
  readonly body: string;
  /** Extra or overriding headers (the web console's HTML, cookies, redirects); JSON otherwise. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One header's value by lowercase name; repeated headers that node:http keeps apart are joined with `,`. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Which requests are the web console's. Apart from `console-routes.ts` so
 * that the server can route without loading the console, which it loads on
 * the first console request (a cold start answers the API sooner).
 */
import type { RawRequest } from '../http/raw-request.js';
import { CONSOLE_PATH } from './layout.js';

export function isConsoleRequest(raw: RawRequest): boolean {
  return raw.url === CONSOLE_PATH.slice(0, -1) || raw.url.startsWith(CONSOLE_PATH) || raw.url.startsWith(`${CONSOLE_PATH.slice(0, -1)}?`);
}

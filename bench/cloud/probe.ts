/**
 * One signed request before the load starts: proves the signing, the
 * credentials and the seeded data are right (a bench of error answers would
 * print flattering numbers), and yields a real answer body for the ceiling.
 */
import type { LoadCredentials } from '../load/load-plan.js';
import { RpcSigner } from '../load/signed-rpc.js';

export async function probe(url: string, credentials: LoadCredentials, params: Readonly<Record<string, string>>): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${new RpcSigner(credentials).signedPath(params)}`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`probe ${params['Action'] ?? ''} failed: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

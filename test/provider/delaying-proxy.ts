/**
 * A TCP proxy in front of a test cloud that holds back the requests of chosen actions for a
 * while, so a create call is still on the wire when a test presses Ctrl-C. It forwards bytes
 * unchanged (the signature and the Host header stay valid) and keeps each connection's order:
 * a held request delays what follows it on the same connection, never reorders it.
 *
 *   const proxy = await startDelayingProxy(cloud.url);
 *   proxy.hold('RunInstances', 4000);       // every RunInstances waits 4 s before the cloud sees it
 *   await proxy.held('RunInstances');       // resolves when one is being held
 */
import { connect, createServer, type Socket } from 'node:net';

export interface DelayingProxy {
  /** `http://127.0.0.1:port`: the cloud URL to give terraform. */
  readonly url: string;
  /** Holds each request of `action` for `ms` before forwarding it; `ms = 0` stops holding. */
  hold(action: string, ms: number): void;
  /** Resolves once a request of `action` has been held (rejects after `timeoutMs`). */
  held(action: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The action a chunk of a signed RPC request names (`Action=RunInstances` in its query or body). */
function actionIn(chunk: Buffer, actions: Iterable<string>): string | undefined {
  const text = chunk.toString('latin1');
  for (const action of actions) {
    if (new RegExp(`[?&]Action=${action}(?![A-Za-z0-9])`).test(text)) return action;
  }
  return undefined;
}

export async function startDelayingProxy(targetUrl: string): Promise<DelayingProxy> {
  const target = new URL(targetUrl);
  const holds = new Map<string, number>();
  const seen = new Set<string>();
  const waiters = new Map<string, Array<() => void>>();
  const sockets = new Set<Socket>();

  const markHeld = (action: string): void => {
    seen.add(action);
    for (const resolve of waiters.get(action) ?? []) resolve();
    waiters.delete(action);
  };

  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    // Chunks go upstream one after another; a held one delays the rest of its connection.
    let forwarded = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      const action = actionIn(chunk, holds.keys());
      const delayMs = action === undefined ? 0 : (holds.get(action) ?? 0);
      forwarded = forwarded.then(async () => {
        if (action !== undefined && delayMs > 0) {
          markHeld(action);
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
        if (!upstream.destroyed) upstream.write(chunk);
      });
    });
    client.on('end', () => void forwarded.then(() => upstream.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the delaying proxy has no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    hold(action, ms) {
      if (ms > 0) holds.set(action, ms);
      else holds.delete(action);
    },
    held(action, timeoutMs = 120_000) {
      if (seen.has(action)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${action} request reached the proxy within ${timeoutMs} ms`)), timeoutMs);
        waiters.set(action, [
          ...(waiters.get(action) ?? []),
          () => {
            clearTimeout(timer);
            resolve();
          },
        ]);
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

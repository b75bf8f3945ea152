/**
 * A TCP proxy in front of a test cloud that holds back the answers to chosen actions for a
 * while: the cloud has done the work (the instance exists), but the answer carrying its id is
 * still on the wire when a test presses Ctrl-C. It forwards bytes unchanged (signatures and
 * the Host header stay valid) and keeps each connection's order.
 *
 * The answer is held, not the request: holding a request on a kept-alive connection can
 * outlast the server's keep-alive timeout, which then resets the connection under it.
 *
 *   const proxy = await startDelayingProxy(cloud.url);
 *   proxy.hold('RunInstances', 4000);   // every RunInstances answer waits 4 s
 *   await proxy.held('RunInstances');   // resolves once one is being held
 */
import { connect, createServer, type Socket } from 'node:net';

export interface DelayingProxy {
  /** `http://127.0.0.1:port`: the cloud URL to give terraform. */
  readonly url: string;
  /** Holds the answer to each request of `action` for `ms`; `ms = 0` stops holding. */
  hold(action: string, ms: number): void;
  /** Resolves once an answer to `action` is being held (rejects after `timeoutMs`). */
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

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
    }
    client.on('error', () => upstream.destroy());
    client.pipe(upstream);

    // The answer to the last request that named a held action waits before it is passed on;
    // later chunks queue behind it, and the upstream's end or failure too.
    let pending: { action: string; ms: number } | undefined;
    let delivered = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      const action = actionIn(chunk, holds.keys());
      if (action !== undefined) pending = { action, ms: holds.get(action) ?? 0 };
    });
    upstream.on('data', (chunk: Buffer) => {
      const hold = pending;
      pending = undefined;
      delivered = delivered.then(async () => {
        if (hold !== undefined && hold.ms > 0) {
          markHeld(hold.action);
          await pause(hold.ms);
        }
        if (!client.destroyed) client.write(chunk);
      });
    });
    upstream.on('end', () => void delivered.then(() => client.end()));
    upstream.on('error', () => void delivered.then(() => client.destroy()));
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
        const timer = setTimeout(() => reject(new Error(`no answer to ${action} was held within ${timeoutMs} ms`)), timeoutMs);
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

/**
 * The ceiling: a bare `node:http` server that reads nothing and answers every
 * request with one fixed JSON body. Given the body of a real DescribeImages
 * answer, the bytes on the wire match the cloud's, so the comparison measures
 * only what the cloud does per request (parse, verify, query, render).
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CeilingServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startCeilingServer(body: string): Promise<CeilingServer> {
  const payload = Buffer.from(body);
  const server: Server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': payload.length });
      res.end(payload);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

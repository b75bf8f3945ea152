/**
 * A small real HTTP server on a free port for the client tests: it records every request
 * (method, path, query, headers, body) and answers each one with the next scripted step —
 * an ECS-shaped JSON answer, or "forward to the real local cloud". Used where the local cloud
 * cannot be made to misbehave on cue (503s, throttling, an HTML gateway page).
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestCloud } from '../support/cloud.js';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names as sent (raw case), with values. */
  readonly rawHeaders: ReadonlyArray<readonly [string, string]>;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Query and form body merged, as the cloud reads parameters. */
  readonly params: URLSearchParams;
}

export type Step =
  | { readonly status: number; readonly json?: Record<string, unknown>; readonly text?: string; readonly headers?: Record<string, string> }
  | { readonly forwardTo: string; /** Forward, drop the cloud's answer and answer this instead (a lost response). */ readonly replaceWith?: Step };

export interface ScriptedServer {
  /** `127.0.0.1:port` */
  readonly endpoint: string;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

/** `script(n, request)` gives the step for the n-th request (0-based). */
export async function startScriptedServer(script: (index: number, request: RecordedRequest) => Step): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://placeholder');
      const body = raw.toString('utf8');
      const params = new URLSearchParams(url.searchParams);
      if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
        for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
      }
      const rawHeaders: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      const recorded: RecordedRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, rawHeaders, headers: req.headers, body, params };
      const index = requests.length;
      requests.push(recorded);
      const step = script(index, recorded);
      if ('forwardTo' in step) {
        const upstream = httpRequest(
          { host: step.forwardTo.split(':')[0], port: Number(step.forwardTo.split(':')[1]), method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            if (step.replaceWith) {
              answer.resume();
              answer.on('end', () => respond(step.replaceWith!));
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', (err) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(err));
        });
        upstream.end(raw);
        return;
      }
      respond(step);
    });
    function respond(step: Step): void {
      if ('forwardTo' in step) throw new Error('test bug: a replacement cannot forward');
      const text = step.text ?? JSON.stringify(step.json ?? {});
      res.writeHead(step.status, { 'content-type': step.text === undefined ? 'application/json;charset=utf-8' : 'text/html', ...step.headers });
      res.end(text);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** The ECS error envelope. */
export function ecsError(status: number, code: string, message: string, headers?: Record<string, string>): Step {
  return { status, json: { RequestId: `R-${code}-${status}`, HostId: 'ecs.test', Code: code, Message: message }, ...(headers ? { headers } : {}) };
}

/** A DescribeRegions success body. */
export const REGIONS_OK: Step = {
  status: 200,
  json: { RequestId: 'R-OK', Regions: { Region: [{ RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）', RegionEndpoint: 'ecs.cn-hangzhou.aliyuncs.com' }] } },
};

/**
 * A resource group of the test cloud's account other than its default one: the local cloud's
 * Apsara Stack model uses it as the resource set (`ResourceGroup`), with the account id as
 * the department.
 */
export async function nonDefaultGroup(tc: TestCloud): Promise<string> {
  const group = await tc.cloud.store.db
    .selectFrom('resource_groups')
    .select('id')
    .where('account_id', '=', tc.accountId)
    .where('is_default', '=', 0)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return group.id;
}

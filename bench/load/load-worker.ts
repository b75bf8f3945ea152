/**
 * A load process: receives one `LoadPlan` over IPC, runs its clients against
 * the servers with keep-alive connections (plain `node:http`, not the official
 * SDK, whose client-side cost would be measured instead of the server), and
 * answers with one `LoadResult`. Run it with `fork`, never in the server's process.
 */
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CreateCycleWorkload, LoadPlan, LoadResult, RequestsWorkload } from './load-plan.js';
import { RpcSigner } from './signed-rpc.js';

interface Answer {
  readonly status: number;
  readonly body: string;
}

const MAX_ERROR_SAMPLES = 5;

class Recorder {
  readonly latenciesMs: number[] = [];
  readonly errorSamples = new Set<string>();
  readonly #windowStart: number;
  readonly #windowEnd: number;
  operations = 0;
  requests = 0;
  errors = 0;

  constructor(windowStart: number, windowEnd: number) {
    this.#windowStart = windowStart;
    this.#windowEnd = windowEnd;
  }

  get finished(): boolean {
    return performance.now() >= this.#windowEnd;
  }

  #inWindow(at: number): boolean {
    return at >= this.#windowStart && at <= this.#windowEnd;
  }

  request(): void {
    if (this.#inWindow(performance.now())) this.requests += 1;
  }

  operation(startedAt: number): void {
    const now = performance.now();
    if (!this.#inWindow(now)) return;
    this.operations += 1;
    this.latenciesMs.push(now - startedAt);
  }

  error(description: string): void {
    if (!this.#inWindow(performance.now())) return;
    this.errors += 1;
    if (this.errorSamples.size < MAX_ERROR_SAMPLES) this.errorSamples.add(description);
  }
}

function get(agent: Agent, url: URL, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function describeFailure(answer: Answer): string {
  try {
    const parsed = JSON.parse(answer.body) as { Code?: string; Message?: string };
    return `HTTP ${answer.status} ${parsed.Code ?? ''}: ${parsed.Message ?? ''}`;
  } catch {
    return `HTTP ${answer.status}: ${answer.body.slice(0, 120)}`;
  }
}

interface Client {
  readonly agent: Agent;
  readonly url: URL;
  readonly signer: RpcSigner;
  readonly recorder: Recorder;
}

async function runRequests(client: Client, workload: RequestsWorkload, offset: number): Promise<void> {
  const { paramSets } = workload;
  let index = offset;
  while (!client.recorder.finished) {
    const params = paramSets[index % paramSets.length] ?? {};
    index += 1;
    const startedAt = performance.now();
    try {
      const answer = await get(client.agent, client.url, client.signer.signedPath(params));
      client.recorder.request();
      if (answer.status === 200) client.recorder.operation(startedAt);
      else client.recorder.error(describeFailure(answer));
    } catch (error) {
      client.recorder.error(`network: ${(error as Error).message}`);
      await sleep(10);
    }
  }
}

async function oneCycle(client: Client, workload: CreateCycleWorkload): Promise<void> {
  const startedAt = performance.now();
  const created = await get(client.agent, client.url, client.signer.signedPath(workload.create));
  client.recorder.request();
  if (created.status !== 200) throw new Error(`CreateImage: ${describeFailure(created)}`);
  const imageId = (JSON.parse(created.body) as { ImageId?: string }).ImageId ?? '';
  const describe = { Action: 'DescribeImages', Version: '2014-05-26', RegionId: workload.create['RegionId'] ?? '', ImageId: imageId, Status: 'ALL' };
  const deadline = startedAt + workload.cycleTimeoutMs;
  for (;;) {
    await sleep(workload.pollIntervalMs);
    const answer = await get(client.agent, client.url, client.signer.signedPath(describe));
    client.recorder.request();
    if (answer.status !== 200) throw new Error(`DescribeImages: ${describeFailure(answer)}`);
    const body = JSON.parse(answer.body) as { Images?: { Image?: { Status?: string }[] } };
    const status = body.Images?.Image?.[0]?.Status;
    if (status === 'Available') break;
    if (status === 'CreateFailed' || status === undefined) throw new Error(`image ${imageId} is ${status ?? 'gone'}`);
    if (performance.now() > deadline) throw new Error(`image ${imageId} not Available within ${workload.cycleTimeoutMs} ms`);
  }
  client.recorder.operation(startedAt);
}

async function runCycles(client: Client, workload: CreateCycleWorkload): Promise<void> {
  while (!client.recorder.finished) {
    try {
      await oneCycle(client, workload);
    } catch (error) {
      client.recorder.error((error as Error).message);
      await sleep(10);
    }
  }
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const start = performance.now();
  const windowStart = start + plan.warmupMs;
  const recorder = new Recorder(windowStart, windowStart + plan.durationMs);
  const urls = plan.urls.map((url) => new URL(url));
  const signer = new RpcSigner(plan.credentials);
  const clients = Array.from({ length: plan.concurrency }, (_, index) => {
    const client: Client = { agent, url: urls[index % urls.length] as URL, signer, recorder };
    return plan.workload.kind === 'requests' ? runRequests(client, plan.workload, index) : runCycles(client, plan.workload);
  });
  await Promise.all(clients);
  agent.destroy();
  return {
    operations: recorder.operations,
    requests: recorder.requests,
    errors: recorder.errors,
    errorSamples: [...recorder.errorSamples],
    elapsedMs: plan.durationMs,
    latenciesMs: recorder.latenciesMs,
  };
}

process.once('message', (plan: LoadPlan) => {
  run(plan).then(
    (result) => process.send?.(result, () => process.disconnect()),
    (error: unknown) => {
      process.stderr.write(`load process failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
});

/**
 * `createResource`: when the operation's timeout fires while the create call fails, the
 * failure terraform shows is the timeout, naming the error the create was left with; and the
 * final Read is left out when the wait's last answer is the state.
 */
import { describe, expect, it } from 'vitest';
import { CloudError, type CloudClients } from '../../src/provider/client/index.js';
import { failureOf, OperationTimeoutError } from '../../src/provider/framework/apply.js';
import type { CreateRequest } from '../../src/provider/framework/definitions.js';
import { PrivateState } from '../../src/provider/framework/private-state.js';
import { createLogger } from '../../src/provider/plugin/logger.js';
import { createResource, type CreateSteps } from '../../src/provider/shared/operations.js';

function createRequest(signal: AbortSignal): CreateRequest<CloudClients> {
  return {
    client: undefined as unknown as CloudClients,
    logger: createLogger({ module: 'test', level: 'off' }),
    signal,
    timeouts: { create: 5_000, read: 5_000, update: 5_000, delete: 5_000 },
    private: PrivateState.empty(),
    config: {},
    plan: {},
    created: () => undefined,
  };
}

const internalError = new CloudError({ kind: 'api', code: 'InternalError', cloudMessage: 'The request processing has failed.', status: 500 });

function failingCreate(whileFailing: () => void): CreateSteps {
  return {
    subject: (id) => `ECS Image (${id})`,
    action: 'CreateImage',
    send: async () => {
      whileFailing();
      throw internalError;
    },
    read: async () => null,
  };
}

describe('createResource when the timeout fires', () => {
  it('fails with the timeout and the error the create call was left with', async () => {
    const controller = new AbortController();
    const thrown = await createResource(
      createRequest(controller.signal),
      failingCreate(() => controller.abort(new OperationTimeoutError('create', 5_000))),
    ).catch((error: unknown) => error);
    const failure = failureOf(thrown, controller.signal);
    expect(failure).toBeInstanceOf(OperationTimeoutError);
    expect((failure as Error).message).toBe(
      'timed out after 5s (raise timeouts.create to wait longer); the last answer: InternalError: The request processing has failed. (HTTP 500)',
    );
  });

  it('fails with the error itself while the signal has not fired', async () => {
    const thrown = await createResource(createRequest(new AbortController().signal), failingCreate(() => undefined)).catch((error: unknown) => error);
    expect(thrown).toBe(internalError);
  });
});

describe('createResource after its waits', () => {
  const steps = (settled: Record<string, string> | undefined, reads: string[]): CreateSteps => ({
    subject: (id) => `ECS Image (${id})`,
    action: 'CreateImage',
    send: async () => 'm-1',
    settle: async () => settled,
    read: async (id) => {
      reads.push(id);
      return { id, status: 'read' };
    },
  });

  it('takes the state the wait last saw, without a final Read, when settle returns it', async () => {
    const reads: string[] = [];
    const state = await createResource(createRequest(new AbortController().signal), steps({ id: 'm-1', status: 'settled' }, reads));
    expect(state).toEqual({ id: 'm-1', status: 'settled' });
    expect(reads).toEqual([]);
  });

  it('reads the object once more when settle returns nothing (it changed the object)', async () => {
    const reads: string[] = [];
    const state = await createResource(createRequest(new AbortController().signal), steps(undefined, reads));
    expect(state).toEqual({ id: 'm-1', status: 'read' });
    expect(reads).toEqual(['m-1']);
  });
});

/**
 * `waitFor`: the state machine with scripted refresh sequences, then `waitImageAvailable`
 * against the real local cloud with a slow image creation (timeout, abort, progress logs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/provider/plugin/logger.js';
import {
  $Ecs,
  CancelledError,
  WaitError,
  byStatus,
  openClients,
  createImage,
  resolveAlicloudConfig,
  waitFor,
  waitImageAvailable,
  type CloudClients,
  type Observation,
} from '../../src/provider/client/index.js';
import { useTestCloud } from '../support/cloud.js';
import { insertSnapshot } from '../support/store-rows.js';

/** A refresh that walks through `states` (undefined = not found), repeating the last one. */
function sequence(states: ReadonlyArray<string | undefined>): { refresh: () => Promise<Observation<string> | undefined>; calls: () => number } {
  let calls = 0;
  return {
    refresh: async () => {
      const state = states[Math.min(calls, states.length - 1)];
      calls++;
      return state === undefined ? undefined : { value: `object in ${state}`, state };
    },
    calls: () => calls,
  };
}

const FAST = { minTimeoutMs: 5, maxIntervalMs: 10 };

function capture(): { lines: Record<string, unknown>[]; logger: ReturnType<typeof createLogger> } {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger({ module: 'test', level: 'trace', sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }) };
}

describe('waitFor', () => {
  it('returns the object once it reaches a target state, logging each new state', async () => {
    const { refresh, calls } = sequence([undefined, 'Creating', 'Creating', 'Available']);
    const { lines, logger } = capture();
    const value = await waitFor({ subject: 'ECS Image (m-1)', refresh, pending: ['Creating'], target: ['Available'], logger, ...FAST });
    expect(value).toBe('object in Available');
    expect(calls()).toBe(4);
    expect(lines.map((l) => l['@message'])).toEqual([
      'waiting for ECS Image (m-1) to become Available: Creating',
      'waiting for ECS Image (m-1) to become Available: Available',
    ]);
  });

  it('fails at once on a failure state, with the reason', async () => {
    const { refresh, calls } = sequence(['Creating', 'CreateFailed', 'Available']);
    const err = await waitFor({
      subject: 'ECS Image (m-2)',
      refresh,
      pending: ['Creating'],
      target: ['Available'],
      failure: ['CreateFailed'],
      failureReason: (value) => `because ${value}`,
      ...FAST,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitError);
    expect(err).toMatchObject({ kind: 'failed', lastState: 'CreateFailed', message: 'ECS Image (m-2) reached state CreateFailed: because object in CreateFailed' });
    expect(calls()).toBe(2);
  });

  it('fails on a state that is neither pending nor target', async () => {
    const { refresh } = sequence(['Creating', 'Deprecated']);
    await expect(waitFor({ subject: 'X (1)', refresh, pending: ['Creating'], target: ['Available'], ...FAST })).rejects.toMatchObject({
      kind: 'unexpected-state',
      message: "unexpected state 'Deprecated' of X (1) while waiting for it to become Available",
    });
  });

  it('with an empty pending list, any non-target state keeps it waiting', async () => {
    const { refresh } = sequence(['a', 'b', 'c', 'done']);
    await expect(waitFor({ subject: 'X (1)', refresh, pending: [], target: ['done'], ...FAST })).resolves.toBe('object in done');
  });

  it('gives up after too many not-found answers', async () => {
    const { refresh, calls } = sequence([undefined]);
    await expect(waitFor({ subject: 'X (9)', refresh, pending: [], target: ['Available'], notFoundChecks: 3, ...FAST })).rejects.toMatchObject({
      kind: 'not-found',
      message: 'X (9) not found after 4 checks while waiting for it to become Available',
    });
    expect(calls()).toBe(4);
  });

  it('with an empty target, waits until the object is gone', async () => {
    const { refresh, calls } = sequence(['Available', 'Available', undefined]);
    await expect(waitFor({ subject: 'X (1)', refresh, pending: [], target: [], ...FAST })).resolves.toBeUndefined();
    expect(calls()).toBe(3);
  });

  it('times out with the last state, after one last poll at the deadline', async () => {
    const { refresh, calls } = sequence(['Creating']);
    const started = Date.now();
    const err = await waitFor({ subject: 'X (1)', refresh, pending: ['Creating'], target: ['Available'], timeoutMs: 200, minTimeoutMs: 150, maxIntervalMs: 1000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', lastState: 'Creating' });
    expect((err as Error).message).toMatch(/^timeout after 200ms while waiting for X \(1\) to become Available \(last state: Creating\)$/);
    // at 0, at 150, and at the deadline (200)
    expect(calls()).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('polls at min timeout, doubling up to the max interval', async () => {
    const times: number[] = [];
    const { refresh } = sequence(['a', 'a', 'a', 'a', 'done']);
    const started = Date.now();
    await waitFor({
      subject: 'X (1)',
      refresh: () => {
        times.push(Date.now() - started);
        return refresh();
      },
      pending: [],
      target: ['done'],
      delayMs: 50,
      minTimeoutMs: 40,
      maxIntervalMs: 100,
    });
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(times[0]).toBeGreaterThanOrEqual(45);
    // 40, 80, 100, 100 (timers may fire a little late, never early)
    expect(gaps.map((g, i) => g >= [40, 80, 100, 100][i]! - 5)).toEqual([true, true, true, true]);
    expect(gaps[2]).toBeLessThan(180);
  });

  it('is cancelled by the AbortSignal between polls', async () => {
    const { refresh } = sequence(['Creating']);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('StopProvider')), 100);
    const started = Date.now();
    const err = await waitFor({ subject: 'X (1)', refresh, pending: ['Creating'], target: ['Available'], signal: controller.signal, minTimeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('byStatus', () => {
  it('observes the found object by its status, "" when it has none, and not-found as undefined', async () => {
    const found: Array<{ status?: string } | undefined> = [{ status: 'Pending' }, {}, undefined];
    const refresh = byStatus(async () => found.shift());
    expect(await refresh()).toEqual({ value: { status: 'Pending' }, state: 'Pending' });
    expect(await refresh()).toEqual({ value: {}, state: '' });
    expect(await refresh()).toBeUndefined();
  });
});

describe('waitImageAvailable against the local cloud', () => {
  const tc = useTestCloud({ settings: { imageCreationMs: 1_500 } });
  let clients: CloudClients;

  beforeAll(async () => {
    const config = await resolveAlicloudConfig(
      { access_key: tc.credentials.accessKeyId, secret_key: tc.credentials.accessKeySecret, region: tc.regionId, endpoints: { ecs: tc.url } },
      { env: {} },
    );
    clients = await openClients(config);
  });

  it('logs progress and returns the usable image', async () => {
    const snapshotId = await insertSnapshot(tc);
    const imageId = await createImage(clients, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'wait-ok' }));
    const { lines, logger } = capture();
    const image = await waitImageAvailable(clients, imageId, { logger, timeoutMs: 20_000, poll: { delayMs: 0, minTimeoutMs: 200, maxIntervalMs: 200 } });
    expect(image).toMatchObject({ imageId, status: 'Available', usable: true });
    const messages = lines.map((l) => String(l['@message']));
    expect(messages[0]).toMatch(new RegExp(`^waiting for ECS Image \\(${imageId}\\) to become Available: Creating \\d+%$`));
    expect(messages.at(-1)).toBe(`waiting for ECS Image (${imageId}) to become Available: Available`);
  });

  it('times out while the image is still Creating, naming its progress', async () => {
    const snapshotId = await insertSnapshot(tc);
    const imageId = await createImage(clients, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'wait-timeout' }));
    const err = await waitImageAvailable(clients, imageId, { timeoutMs: 300, poll: { delayMs: 0, minTimeoutMs: 100 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitError);
    expect((err as WaitError).kind).toBe('timeout');
    expect((err as Error).message).toMatch(new RegExp(`while waiting for ECS Image \\(${imageId}\\) to become Available \\(last state: Creating \\d+%\\)$`));
  });

  it('stops at once when aborted', async () => {
    const snapshotId = await insertSnapshot(tc);
    const imageId = await createImage(clients, new $Ecs.CreateImageRequest({ snapshotId, imageName: 'wait-abort' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    await expect(waitImageAvailable(clients, imageId, { signal: controller.signal, poll: { minTimeoutMs: 5_000 } })).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

/**
 * Progress-paced polling (`pacedDelay` and `waitFor` with `percentDone`): the next poll is
 * due when the object should be done at the pace seen so far, within a tenth of the time
 * already waited and the longest interval; no pace without new progress.
 */
import { describe, expect, it } from 'vitest';
import { pacedDelay, parsePercent, waitFor } from '../../src/provider/client/wait.js';

describe('pacedDelay', () => {
  const base = { previousPercent: undefined, maxIntervalMs: 10_000 };

  it('is what is left at the pace seen so far', () => {
    expect(pacedDelay({ ...base, elapsedMs: 250, percent: 50 })).toBe(250);
    expect(pacedDelay({ ...base, elapsedMs: 1_000, percent: 80 })).toBe(250);
  });

  it('waits at least a tenth of the time already waited (an object stuck at 99% is not polled in a loop)', () => {
    expect(pacedDelay({ ...base, elapsedMs: 500, percent: 99 })).toBe(50);
  });

  it('waits at most the longest interval (a ten-minute image at 1%)', () => {
    expect(pacedDelay({ ...base, elapsedMs: 5_000, percent: 1 })).toBe(10_000);
  });

  it('gives no pace without progress, without new progress, or at 100%', () => {
    expect(pacedDelay({ ...base, elapsedMs: 500, percent: undefined })).toBeUndefined();
    expect(pacedDelay({ ...base, elapsedMs: 500, percent: 0 })).toBeUndefined();
    expect(pacedDelay({ ...base, elapsedMs: 500, percent: 100 })).toBeUndefined();
    expect(pacedDelay({ ...base, elapsedMs: 900, percent: 40, previousPercent: 40 })).toBeUndefined();
  });
});

describe('parsePercent', () => {
  it('reads ECS progress as ECS writes it, with or without the percent sign', () => {
    expect(parsePercent('45%')).toBe(45);
    expect(parsePercent(' 100 ')).toBe(100);
    expect(parsePercent('12.5%')).toBe(12.5);
  });

  it('is undefined for anything else', () => {
    expect(parsePercent(undefined)).toBeUndefined();
    expect(parsePercent('')).toBeUndefined();
    expect(parsePercent('almost')).toBeUndefined();
  });
});

describe('waitFor with percentDone', () => {
  /** An object that is `doneAfterMs` from now in the making, its progress moving with the clock. */
  function linearObject(doneAfterMs: number): { refresh: () => Promise<{ value: number; state: string }>; polls: () => number } {
    const started = Date.now();
    let polls = 0;
    return {
      refresh: async () => {
        polls += 1;
        const percent = Math.min(100, Math.floor(((Date.now() - started) / doneAfterMs) * 100));
        return { value: percent, state: percent >= 100 ? 'Ready' : 'Making' };
      },
      polls: () => polls,
    };
  }

  it('polls when the object should be done, not on the doubling schedule', async () => {
    const object = linearObject(400);
    const started = Date.now();
    // The doubling schedule alone would poll at 50, 100, 200, 400 and 800 ms.
    const value = await waitFor({
      subject: 'test object',
      refresh: object.refresh,
      pending: ['Making'],
      target: ['Ready'],
      percentDone: (percent) => percent,
      delayMs: 50,
      minTimeoutMs: 50,
      maxIntervalMs: 5_000,
    });
    expect(value).toBe(100);
    expect(object.polls()).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });
});

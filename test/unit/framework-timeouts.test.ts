import { describe, expect, it } from 'vitest';
import { formatDuration, parseGoDuration, resolveTimeouts } from '../../src/provider/framework/timeouts.js';
import { failureOf, OperationTimeoutError } from '../../src/provider/framework/apply.js';

describe('Go duration syntax', () => {
  it.each([
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['0', 0],
    ['-2m', -120_000],
    ['+5s', 5000],
    ['300ms', 300],
    ['1us', 0.001],
    ['1µs', 0.001],
    ['2h45m30.5s', 9_930_500],
    ['.5s', 500],
    ['5.s', 5000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['10', 'time: missing unit in duration "10"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['m', 'time: invalid duration "m"'],
    ['.', 'time: invalid duration "."'],
    ['-', 'time: invalid duration "-"'],
    ['10 m', 'time: unknown unit " m" in duration "10 m"'],
    ['1.5.5h', 'time: missing unit in duration "1.5.5h"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ])('rejects %j with Go\'s message', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });

  it('prints durations as Go does', () => {
    expect(formatDuration(600_000)).toBe('10m0s');
    expect(formatDuration(5_400_000)).toBe('1h30m0s');
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(50)).toBe('50ms');
  });
});

describe('timeout resolution', () => {
  const declared = { create: '10m', update: '10m', delete: '10m' } as const;

  it('uses declared defaults when the block is absent, and 20m for undeclared operations', () => {
    expect(resolveTimeouts(declared, null)).toEqual({ create: 600_000, update: 600_000, delete: 600_000, read: 1_200_000 });
  });

  it('prefers configured values, falls back per key', () => {
    expect(resolveTimeouts(declared, { create: '1h', update: null, delete: '90s' })).toMatchObject({ create: 3_600_000, update: 600_000, delete: 90_000 });
  });

  it('uses a configured default for keys left unset when default is declared', () => {
    expect(resolveTimeouts({ create: '10m', default: '5m' }, { create: null, default: '1m' })).toMatchObject({ create: 60_000, delete: 60_000 });
  });

  it('names the key in a parse error', () => {
    expect(() => resolveTimeouts(declared, { create: '10x' })).toThrow('Error parsing "create" timeout: time: unknown unit "x" in duration "10x"');
  });
});

describe('why a timed-out operation failed', () => {
  function timedOut(): AbortSignal {
    const controller = new AbortController();
    controller.abort(new OperationTimeoutError('create', 20_000));
    return controller.signal;
  }

  it('is the timeout, for an abort the reason caused', () => {
    const signal = timedOut();
    const failure = failureOf(new Error('operation cancelled', { cause: signal.reason }), signal);
    expect(failure).toBe(signal.reason);
    expect((failure as Error).message).toBe('timed out after 20s (raise timeouts.create to wait longer)');
  });

  it('names what the handler last heard, when the error carries it', () => {
    const signal = timedOut();
    const thrown = Object.assign(new Error('operation cancelled', { cause: signal.reason }), { lastAnswer: new Error('InternalError: try again later') });
    const failure = failureOf(thrown, signal);
    expect(failure).toBeInstanceOf(OperationTimeoutError);
    expect((failure as Error).message).toBe('timed out after 20s (raise timeouts.create to wait longer); the last answer: InternalError: try again later');
  });

  it('is the error itself when the signal did not fire', () => {
    const thrown = new Error('InvalidImageName.Malformed');
    expect(failureOf(thrown, new AbortController().signal)).toBe(thrown);
  });
});

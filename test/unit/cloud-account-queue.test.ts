/** One account's write transactions take turns in the process; other accounts do not wait for them. */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AccountWriteQueue } from '../../src/cloud/http/account-queue.js';

describe('AccountWriteQueue', () => {
  it('runs one account\'s work one at a time, in arrival order, and goes on after a failure', async () => {
    const queue = new AccountWriteQueue();
    const events: string[] = [];
    const work = (name: string, ms: number, fail = false) => async () => {
      events.push(`${name} start`);
      await sleep(ms);
      events.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([
      queue.run('a', work('a1', 20, true)),
      queue.run('a', work('a2', 5)),
      queue.run('b', work('b1', 5)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(events.indexOf('a2 start')).toBeGreaterThan(events.indexOf('a1 end'));
    expect(events.indexOf('b1 end')).toBeLessThan(events.indexOf('a1 end'));
    expect(await queue.run('a', work('a3', 1))).toBe('a3');
  });
});

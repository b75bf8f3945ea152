/**
 * A clock the test moves: the real time plus every `advance(ms)` so far. A
 * cloud started with `now: clock.now` reaches a status when the test advances
 * past its transition time, so the test neither sleeps nor races a loaded
 * machine: keep transition times long (seconds) against the real time that
 * passes meanwhile. The cloud's signature check reads the same clock, so the
 * advances of one cloud must stay within the timestamp skew it allows (15 minutes).
 */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createTestClock(): TestClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

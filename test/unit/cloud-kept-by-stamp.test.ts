/** The store behind DescribeImages' kept counts and rows: a value serves only under its own stamp, and the oldest goes first. */
import { describe, expect, it } from 'vitest';
import { KeptByStamp } from '../../src/cloud/api/images/kept-by-stamp.js';

describe('KeptByStamp', () => {
  it('gives a value back only under the stamp it was kept with, a kept undefined included', () => {
    const kept = new KeptByStamp<number | undefined>(10);
    kept.set('a', '1,0,0', 7);
    kept.set('hidden', '1,0,0', undefined);
    expect(kept.get('a', '1,0,0')?.value).toBe(7);
    expect(kept.get('a', '2,0,0')).toBeUndefined();
    expect(kept.get('hidden', '1,0,0')).toHaveProperty('value', undefined);
    expect(kept.get('never', '1,0,0')).toBeUndefined();
  });

  it('when full, drops the entry set longest ago; setting a key again makes it the newest', () => {
    const kept = new KeptByStamp<string>(2);
    kept.set('a', 's', 'A');
    kept.set('b', 's', 'B');
    kept.set('a', 's', 'A2');
    kept.set('c', 's', 'C');
    expect(kept.get('b', 's')).toBeUndefined();
    expect(kept.get('a', 's')?.value).toBe('A2');
    expect(kept.get('c', 's')?.value).toBe('C');
  });
});

import { describe, expect, it } from 'vitest';
import { CtyNumber } from '../../src/provider/cty/number.js';

describe('CtyNumber.parse and toString', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['00012', '12'],
    ['1.50', '1.5'],
    ['-0.001', '-0.001'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1e2', '100'],
    ['1E-2', '0.01'],
    ['+7', '7'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['1e400', '1e+400'],
    ['-2.5e-500', '-2.5e-500'],
    ['0.1000000000000000055511151231257827021181583404541015625', '0.1000000000000000055511151231257827021181583404541015625'],
  ])('%s → %s', (text, canonical) => {
    expect(CtyNumber.parse(text).toString()).toBe(canonical);
    expect(CtyNumber.parse(canonical).equals(CtyNumber.parse(text))).toBe(true);
  });

  it.each(['', '-', '.', 'abc', '1e', '0x10', 'Infinity', 'NaN', '1 ', '1e99999999'])('rejects %j', (text) => {
    expect(() => CtyNumber.parse(text)).toThrow(RangeError);
  });

  it('treats different spellings of one number as equal', () => {
    expect(CtyNumber.parse('100').equals(CtyNumber.parse('1e2'))).toBe(true);
    expect(CtyNumber.parse('100').equals(CtyNumber.parse('100.0000'))).toBe(true);
    expect(CtyNumber.parse('100').equals(CtyNumber.parse('101'))).toBe(false);
  });
});

describe('CtyNumber conversions', () => {
  it('reads JS numbers as their shortest decimal', () => {
    expect(CtyNumber.fromJs(0.1).toString()).toBe('0.1');
    expect(CtyNumber.fromJs(-42).toString()).toBe('-42');
    expect(CtyNumber.fromJs(1e21).toString()).toBe('1000000000000000000000');
    expect(() => CtyNumber.fromJs(Number.NaN)).toThrow(RangeError);
    expect(() => CtyNumber.fromJs(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('reads float64 values exactly', () => {
    expect(CtyNumber.fromFloat64Exact(0.1).toString()).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(CtyNumber.fromFloat64Exact(0.5).toString()).toBe('0.5');
    expect(CtyNumber.fromFloat64Exact(-3).toString()).toBe('-3');
    expect(CtyNumber.fromFloat64Exact(2 ** 64).toString()).toBe('18446744073709551616');
    expect(CtyNumber.fromFloat64Exact(5e-324).exactFloat64()).toBe(5e-324);
  });

  it('knows which numbers a float64 holds exactly', () => {
    expect(CtyNumber.parse('0.5').exactFloat64()).toBe(0.5);
    expect(CtyNumber.parse('0.1').exactFloat64()).toBeUndefined();
    expect(CtyNumber.parse('9007199254740993').exactFloat64()).toBeUndefined();
    expect(CtyNumber.parse('9007199254740992').exactFloat64()).toBe(2 ** 53);
    expect(CtyNumber.parse('1e400').exactFloat64()).toBeUndefined();
  });

  it('gives integers as bigint and fractions as undefined', () => {
    expect(CtyNumber.parse('12345678901234567890').toBigInt()).toBe(12345678901234567890n);
    expect(CtyNumber.parse('-1e3').toBigInt()).toBe(-1000n);
    expect(CtyNumber.parse('1.5').toBigInt()).toBeUndefined();
    expect(CtyNumber.parse('1.5').isInteger()).toBe(false);
    expect(CtyNumber.fromBigInt(-5n).toString()).toBe('-5');
  });

  it('compares by value', () => {
    const n = (s: string) => CtyNumber.parse(s);
    expect(n('1').compare(n('2'))).toBe(-1);
    expect(n('-1').compare(n('-2'))).toBe(1);
    expect(n('0.10').compare(n('0.1'))).toBe(0);
    expect(n('-5').compare(n('3'))).toBe(-1);
    expect(n('1e400').compare(n('9e399'))).toBe(1);
  });
});

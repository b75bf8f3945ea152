/**
 * Arbitrary-precision decimal numbers, as cty's number type requires.
 *
 * cty numbers are big floats: Terraform sends integers beyond 2^53, decimals that float64
 * cannot hold (0.1 arrives as the msgpack string "0.1"), and numbers like 1e400. A CtyNumber
 * is exactly `(-1)^negative × coefficient × 10^exponent`, normalised (no trailing zeros in the
 * coefficient), so equal numbers have equal parts whatever text they were written in.
 * Infinities and NaN are not representable; no Terraform configuration produces them.
 */

const NUMBER_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Exponents beyond this are refused, so a hostile "1e999999999" cannot allocate gigabytes. */
const MAX_EXPONENT = 100_000;

/** Plain decimal text is used while it stays this short; scientific notation beyond. */
const MAX_PLAIN_DIGITS = 400;

export class CtyNumber {
  readonly #negative: boolean;
  readonly #coefficient: bigint;
  readonly #exponent: number;

  private constructor(negative: boolean, coefficient: bigint, exponent: number) {
    if (coefficient === 0n) {
      this.#negative = false;
      this.#coefficient = 0n;
      this.#exponent = 0;
      return;
    }
    const digits = coefficient.toString();
    let end = digits.length;
    while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
    const stripped = digits.length - end;
    this.#negative = negative;
    this.#coefficient = stripped === 0 ? coefficient : BigInt(digits.slice(0, end));
    this.#exponent = exponent + stripped;
    if (Math.abs(this.#exponent) > MAX_EXPONENT) throw new RangeError(`number out of range: exponent ${this.#exponent}`);
  }

  static readonly ZERO = new CtyNumber(false, 0n, 0);

  /** Parses decimal or scientific notation (`-12`, `0.1`, `1e400`, `1.5E-3`); throws RangeError otherwise. */
  static parse(text: string): CtyNumber {
    const m = NUMBER_PATTERN.exec(text);
    if (m === null) throw new RangeError(`invalid number "${text}"`);
    const [, sign, intPart = '', fracPart = '', expPart] = m;
    if (intPart === '' && fracPart === '') throw new RangeError(`invalid number "${text}"`);
    const exp = expPart === undefined ? 0 : Number(expPart);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT * 2) throw new RangeError(`number out of range: "${text}"`);
    return new CtyNumber(sign === '-', BigInt(intPart + fracPart || '0'), exp - fracPart.length);
  }

  /**
   * From a JS number, read as the shortest decimal that round-trips (0.1 → 0.1): what a
   * person writing `0.1` in code means. Use {@link CtyNumber.fromFloat64Exact} for wire floats.
   */
  static fromJs(n: number): CtyNumber {
    if (!Number.isFinite(n)) throw new RangeError(`non-finite number ${n}`);
    if (Number.isSafeInteger(n)) return new CtyNumber(n < 0, BigInt(Math.abs(n)), 0);
    return CtyNumber.parse(String(n));
  }

  static fromBigInt(n: bigint): CtyNumber {
    return new CtyNumber(n < 0n, n < 0n ? -n : n, 0);
  }

  /** The exact binary value of a float64 (0.1 → 0.1000000000000000055511151231257827…). */
  static fromFloat64Exact(f: number): CtyNumber {
    if (!Number.isFinite(f)) throw new RangeError(`non-finite number ${f}`);
    if (Number.isSafeInteger(f)) return CtyNumber.fromJs(f);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, f);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const negative = hi >>> 31 === 1;
    const biasedExp = (hi >>> 20) & 0x7ff;
    let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let exp2: number;
    if (biasedExp === 0) {
      exp2 = -1074;
    } else {
      mantissa |= 1n << 52n;
      exp2 = biasedExp - 1075;
    }
    if (exp2 >= 0) return new CtyNumber(negative, mantissa << BigInt(exp2), 0);
    // m × 2^-k = m × 5^k × 10^-k
    const k = -exp2;
    return new CtyNumber(negative, mantissa * 5n ** BigInt(k), -k);
  }

  get isNegative(): boolean {
    return this.#negative;
  }

  isZero(): boolean {
    return this.#coefficient === 0n;
  }

  isInteger(): boolean {
    return this.#exponent >= 0;
  }

  /** The integer value, or undefined when the number has a fractional part. */
  toBigInt(): bigint | undefined {
    if (this.#exponent < 0) return undefined;
    const magnitude = this.#coefficient * 10n ** BigInt(this.#exponent);
    return this.#negative ? -magnitude : magnitude;
  }

  /** The nearest float64 (may lose precision; see {@link exactFloat64}). */
  toNumber(): number {
    return Number(this.toString());
  }

  /** The float64 holding exactly this value, or undefined when none does. */
  exactFloat64(): number | undefined {
    const f = this.toNumber();
    if (!Number.isFinite(f)) return undefined;
    return CtyNumber.fromFloat64Exact(f).equals(this) ? f : undefined;
  }

  equals(other: CtyNumber): boolean {
    return this.#negative === other.#negative && this.#coefficient === other.#coefficient && this.#exponent === other.#exponent;
  }

  /** -1, 0 or 1. */
  compare(other: CtyNumber): number {
    if (this.#negative !== other.#negative) return this.#negative ? -1 : 1;
    const sign = this.#negative ? -1 : 1;
    const e = Math.min(this.#exponent, other.#exponent);
    const a = this.#coefficient * 10n ** BigInt(this.#exponent - e);
    const b = other.#coefficient * 10n ** BigInt(other.#exponent - e);
    return a === b ? 0 : a < b ? -sign : sign;
  }

  /**
   * Canonical text, valid both as a JSON number and for Terraform's number parser:
   * plain decimal (`123`, `-0.001`) while short, scientific (`1e+400`) beyond.
   */
  toString(): string {
    const digits = this.#coefficient.toString();
    const sign = this.#negative ? '-' : '';
    const exp = this.#exponent;
    if (exp >= 0) {
      if (digits.length + exp <= MAX_PLAIN_DIGITS) return sign + digits + '0'.repeat(this.#coefficient === 0n ? 0 : exp);
    } else if (-exp <= MAX_PLAIN_DIGITS) {
      const pointAt = digits.length + exp;
      return pointAt > 0
        ? `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`
        : `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
    }
    const sciExp = exp + digits.length - 1;
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    return `${sign}${mantissa}e${sciExp >= 0 ? '+' : '-'}${Math.abs(sciExp)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * The few DER (ASN.1) encoders needed to build one X.509 certificate. Node can sign and
 * export keys but has no certificate builder, and a dependency for ~80 lines is not worth
 * its start-up cost.
 */

export function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function derTlv(tag: number, ...contents: Uint8Array[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

export function derSequence(...items: Uint8Array[]): Buffer {
  return derTlv(0x30, ...items);
}

export function derSet(...items: Uint8Array[]): Buffer {
  return derTlv(0x31, ...items);
}

/** A non-negative integer given as big-endian bytes (leading zeros trimmed, sign byte added). */
export function derUnsignedInteger(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = Buffer.from(bytes.subarray(start));
  const body = (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
  return derTlv(0x02, body.length === 0 ? Buffer.from([0]) : body);
}

export function derSmallInteger(value: number): Buffer {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return derUnsignedInteger(Buffer.from(bytes.length === 0 ? [0] : bytes));
}

export function derBoolean(value: boolean): Buffer {
  return derTlv(0x01, Buffer.from([value ? 0xff : 0x00]));
}

export function derOid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const bytes: number[] = [first * 40 + second];
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f];
    for (let value = Math.floor(part / 128); value > 0; value = Math.floor(value / 128)) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return derTlv(0x06, Buffer.from(bytes));
}

export function derUtf8String(value: string): Buffer {
  return derTlv(0x0c, Buffer.from(value, 'utf8'));
}

export function derOctetString(value: Uint8Array): Buffer {
  return derTlv(0x04, value);
}

/** BIT STRING from whole bytes, with `unusedBits` trailing bits of the last byte unused. */
export function derBitString(value: Uint8Array, unusedBits = 0): Buffer {
  return derTlv(0x03, Buffer.from([unusedBits]), value);
}

/** X.509 Time: UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return date.getUTCFullYear() < 2050
    ? derTlv(0x17, Buffer.from(digits.slice(2), 'ascii'))
    : derTlv(0x18, Buffer.from(digits, 'ascii'));
}

/** Context-specific constructed tag `[n]` (EXPLICIT wrapping). */
export function derExplicit(tagNumber: number, content: Uint8Array): Buffer {
  return derTlv(0xa0 | tagNumber, content);
}

/**
 * A minimal msgpack reader for the type-directed cty decoder.
 *
 * Why not `@msgpack/msgpack`'s decoder: it builds a generic JS tree first, refuses a map key
 * `__proto__` (a legal tag key), turns every map into a plain object, and loses the
 * position needed for error paths. Decoding straight from bytes to cty values avoids all of
 * that. The reader only knows msgpack; the cty rules live in msgpack.ts.
 */

export class MsgpackFormatError extends Error {
  override readonly name = 'MsgpackFormatError';
}

export interface ExtValue {
  readonly type: number;
  readonly data: Uint8Array;
}

export type IntValue = number | bigint;

const utf8 = new TextDecoder('utf-8');

export class MsgpackReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  #pos = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get atEnd(): boolean {
    return this.#pos >= this.#bytes.length;
  }

  /** The next format byte, without consuming it. */
  peek(): number {
    this.#need(1);
    return this.#bytes[this.#pos] as number;
  }

  isNil(): boolean {
    return this.peek() === 0xc0;
  }

  isExt(): boolean {
    const b = this.peek();
    return (b >= 0xd4 && b <= 0xd8) || (b >= 0xc7 && b <= 0xc9);
  }

  isArray(): boolean {
    const b = this.peek();
    return (b & 0xf0) === 0x90 || b === 0xdc || b === 0xdd;
  }

  isStr(): boolean {
    const b = this.peek();
    return (b & 0xe0) === 0xa0 || (b >= 0xd9 && b <= 0xdb);
  }

  isBin(): boolean {
    const b = this.peek();
    return b >= 0xc4 && b <= 0xc6;
  }

  isInt(): boolean {
    const b = this.peek();
    return b <= 0x7f || b >= 0xe0 || (b >= 0xcc && b <= 0xcf) || (b >= 0xd0 && b <= 0xd3);
  }

  isFloat(): boolean {
    const b = this.peek();
    return b === 0xca || b === 0xcb;
  }

  skipNil(): void {
    if (this.#byte() !== 0xc0) throw this.#unexpected('nil');
  }

  readBool(): boolean {
    const b = this.#byte();
    if (b === 0xc2) return false;
    if (b === 0xc3) return true;
    throw this.#unexpected('bool', b);
  }

  /** Any msgpack integer; values outside the safe range come back as bigint. */
  readInt(): IntValue {
    const b = this.#byte();
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    switch (b) {
      case 0xcc:
        return this.#take(1, () => this.#view.getUint8(this.#pos));
      case 0xcd:
        return this.#take(2, () => this.#view.getUint16(this.#pos));
      case 0xce:
        return this.#take(4, () => this.#view.getUint32(this.#pos));
      case 0xcf:
        return safe(this.#take(8, () => this.#view.getBigUint64(this.#pos)));
      case 0xd0:
        return this.#take(1, () => this.#view.getInt8(this.#pos));
      case 0xd1:
        return this.#take(2, () => this.#view.getInt16(this.#pos));
      case 0xd2:
        return this.#take(4, () => this.#view.getInt32(this.#pos));
      case 0xd3:
        return safe(this.#take(8, () => this.#view.getBigInt64(this.#pos)));
      default:
        throw this.#unexpected('integer', b);
    }
  }

  readFloat(): number {
    const b = this.#byte();
    if (b === 0xca) return this.#take(4, () => this.#view.getFloat32(this.#pos));
    if (b === 0xcb) return this.#take(8, () => this.#view.getFloat64(this.#pos));
    throw this.#unexpected('float', b);
  }

  readStr(): string {
    const b = this.#byte();
    let len: number;
    if ((b & 0xe0) === 0xa0) len = b & 0x1f;
    else if (b === 0xd9) len = this.#take(1, () => this.#view.getUint8(this.#pos));
    else if (b === 0xda) len = this.#take(2, () => this.#view.getUint16(this.#pos));
    else if (b === 0xdb) len = this.#take(4, () => this.#view.getUint32(this.#pos));
    else throw this.#unexpected('str', b);
    return utf8.decode(this.#slice(len));
  }

  readBin(): Uint8Array {
    const b = this.#byte();
    let len: number;
    if (b === 0xc4) len = this.#take(1, () => this.#view.getUint8(this.#pos));
    else if (b === 0xc5) len = this.#take(2, () => this.#view.getUint16(this.#pos));
    else if (b === 0xc6) len = this.#take(4, () => this.#view.getUint32(this.#pos));
    else throw this.#unexpected('bin', b);
    return this.#slice(len);
  }

  readArrayHeader(): number {
    const b = this.#byte();
    if ((b & 0xf0) === 0x90) return b & 0x0f;
    if (b === 0xdc) return this.#take(2, () => this.#view.getUint16(this.#pos));
    if (b === 0xdd) return this.#take(4, () => this.#view.getUint32(this.#pos));
    throw this.#unexpected('array', b);
  }

  readMapHeader(): number {
    const b = this.#byte();
    if ((b & 0xf0) === 0x80) return b & 0x0f;
    if (b === 0xde) return this.#take(2, () => this.#view.getUint16(this.#pos));
    if (b === 0xdf) return this.#take(4, () => this.#view.getUint32(this.#pos));
    throw this.#unexpected('map', b);
  }

  readExt(): ExtValue {
    const b = this.#byte();
    let len: number;
    switch (b) {
      case 0xd4:
        len = 1;
        break;
      case 0xd5:
        len = 2;
        break;
      case 0xd6:
        len = 4;
        break;
      case 0xd7:
        len = 8;
        break;
      case 0xd8:
        len = 16;
        break;
      case 0xc7:
        len = this.#take(1, () => this.#view.getUint8(this.#pos));
        break;
      case 0xc8:
        len = this.#take(2, () => this.#view.getUint16(this.#pos));
        break;
      case 0xc9:
        len = this.#take(4, () => this.#view.getUint32(this.#pos));
        break;
      default:
        throw this.#unexpected('extension', b);
    }
    const type = this.#take(1, () => this.#view.getInt8(this.#pos));
    return { type, data: this.#slice(len) };
  }

  /** Skips one complete value of any kind. */
  skip(): void {
    if (this.isNil()) return this.skipNil();
    const b = this.peek();
    if (b === 0xc2 || b === 0xc3) return void this.readBool();
    if (this.isInt()) return void this.readInt();
    if (this.isFloat()) return void this.readFloat();
    if (this.isStr()) return void this.readStr();
    if (this.isBin()) return void this.readBin();
    if (this.isExt()) return void this.readExt();
    if (this.isArray()) {
      for (let n = this.readArrayHeader(); n > 0; n--) this.skip();
      return;
    }
    for (let n = this.readMapHeader() * 2; n > 0; n--) this.skip();
  }

  /** A short name for the next value's msgpack kind, for error messages. */
  describeNext(): string {
    if (this.atEnd) return 'end of data';
    const b = this.peek();
    if (b === 0xc0) return 'nil';
    if (b === 0xc2 || b === 0xc3) return 'bool';
    if (this.isInt()) return 'integer';
    if (this.isFloat()) return 'float';
    if (this.isStr()) return 'string';
    if (this.isBin()) return 'binary';
    if (this.isExt()) return 'extension';
    if (this.isArray()) return 'array';
    if ((b & 0xf0) === 0x80 || b === 0xde || b === 0xdf) return 'map';
    return `invalid byte 0x${b.toString(16)}`;
  }

  #byte(): number {
    this.#need(1);
    return this.#bytes[this.#pos++] as number;
  }

  #take<T>(size: number, read: () => T): T {
    this.#need(size);
    const v = read();
    this.#pos += size;
    return v;
  }

  #slice(len: number): Uint8Array {
    this.#need(len);
    const out = this.#bytes.subarray(this.#pos, this.#pos + len);
    this.#pos += len;
    return out;
  }

  #need(n: number): void {
    if (this.#pos + n > this.#bytes.length) throw new MsgpackFormatError('unexpected end of msgpack data');
  }

  #unexpected(expected: string, byte?: number): MsgpackFormatError {
    const b = byte ?? this.#bytes[this.#pos - 1];
    return new MsgpackFormatError(`expected msgpack ${expected}, found byte 0x${(b ?? 0).toString(16).padStart(2, '0')}`);
  }
}

function safe(n: bigint): IntValue {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

import { describe, expect, it } from 'vitest';
import { decodeDynamicValue } from '../../src/provider/cty/dynamic-value.js';
import { decodeMsgpack, encodeMsgpack } from '../../src/provider/cty/msgpack.js';
import { CtyNumber } from '../../src/provider/cty/number.js';
import { CtyError, formatPath } from '../../src/provider/cty/path.js';
import { t, type CtyType } from '../../src/provider/cty/types.js';
import { Value } from '../../src/provider/cty/value.js';
import { thrownAs } from '../support/thrown.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
const str = (s: string): string => {
  const b = Buffer.from(s, 'utf8');
  if (b.length >= 32) throw new Error('fixstr only');
  return (0xa0 | b.length).toString(16) + b.toString('hex');
};
const bin = (s: string): string => {
  const b = Buffer.from(s, 'utf8');
  return 'c4' + b.length.toString(16).padStart(2, '0') + b.toString('hex');
};

/** Golden vectors: the bytes go-cty writes for these values (worked out from its rules, spec §3.1). */
describe('msgpack golden vectors', () => {
  const cases: [string, CtyType, Value, string][] = [
    ['null string', t.string, Value.null(t.string), 'c0'],
    ['plain unknown', t.string, Value.unknown(t.string), 'd40000'],
    ['string', t.string, Value.string('hi'), str('hi')],
    ['true', t.bool, Value.bool(true), 'c3'],
    ['false', t.bool, Value.bool(false), 'c2'],
    ['small int', t.number, Value.number(1), '01'],
    ['negative fixint', t.number, Value.number(-1), 'ff'],
    ['uint16', t.number, Value.number(300), 'cd012c'],
    ['int32', t.number, Value.number(-100000), 'd2fffe7960'],
    ['uint32', t.number, Value.number(4294967295), 'ceffffffff'],
    ['int64 positive', t.number, Value.number(2 ** 40), 'cf0000010000000000'],
    ['int64 negative', t.number, Value.number(-(2 ** 40)), 'd3ffffff0000000000'],
    ['int64 max', t.number, Value.number(9223372036854775807n), 'cf7fffffffffffffff'],
    ['exact float', t.number, Value.number(0.5), 'cb3fe0000000000000'],
    ['2^64 is an exact float', t.number, Value.number(18446744073709551616n), 'cb43f0000000000000'],
    ['0.1 goes as a string', t.number, Value.number('0.1'), str('0.1')],
    ['big int goes as a string', t.number, Value.number('12345678901234567890123'), str('12345678901234567890123')],
    ['1e400 goes as a string', t.number, Value.number('1e400'), str('1e+400')],
    ['list', t.list(t.string), Value.list(t.string, [Value.string('a')]), '91' + str('a')],
    ['empty list', t.list(t.string), Value.list(t.string, []), '90'],
    ['set', t.set(t.number), Value.set(t.number, [Value.number(1), Value.number(2)]), '920102'],
    ['map', t.map(t.bool), Value.map(t.bool, { b: Value.bool(true), a: Value.bool(false) }), '82' + str('a') + 'c2' + str('b') + 'c3'],
    ['tuple', t.tuple([t.string, t.number]), Value.tuple([Value.string('x'), Value.number(7)]), '92' + str('x') + '07'],
    [
      'object with sorted keys and a null',
      t.object({ b: t.string, a: t.string }),
      Value.object({ b: Value.null(t.string), a: Value.string('x') }),
      '82' + str('a') + str('x') + str('b') + 'c0',
    ],
    ['dynamic string', t.dynamic, Value.string('x'), '92' + bin('"string"') + str('x')],
    [
      'dynamic object (the spec example)',
      t.dynamic,
      Value.object({ k: Value.tuple([Value.number(1), Value.number(2)]) }),
      '92' + bin('["object",{"k":["tuple",["number","number"]]}]') + '81' + str('k') + '920102',
    ],
    ['null dynamic', t.dynamic, Value.null(t.dynamic), 'c0'],
    ['unknown dynamic', t.dynamic, Value.unknown(t.dynamic), 'd40000'],
    ['typed null in a dynamic slot', t.dynamic, Value.null(t.string), '92' + bin('"string"') + 'c0'],
    ['typed unknown in a dynamic slot', t.dynamic, Value.unknown(t.number), '92' + bin('"number"') + 'd40000'],
    [
      'refined string (Terraform 1.11: "pre-${x.id}")',
      t.string,
      Value.unknown(t.string, { notNull: true, stringPrefix: 'pre-' }),
      'c7090c' + '82' + '01c2' + '02' + str('pre-'),
    ],
    [
      'refined number (Terraform 1.11: length() at plan)',
      t.number,
      Value.unknown(t.number, { notNull: true, numberLower: { value: CtyNumber.fromJs(0), inclusive: true } }),
      'c7070c' + '82' + '01c2' + '03' + '9200c3',
    ],
    ['refined list length', t.list(t.string), Value.unknown(t.list(t.string), { lengthLower: 1, lengthUpper: 3 }), 'c7050c' + '82' + '0501' + '0603'],
    ['not-null only', t.bool, Value.unknown(t.bool, { notNull: true }), 'c7030c' + '81' + '01c2'],
  ];

  it.each(cases)('%s', (_name, type, value, expected) => {
    expect(hex(encodeMsgpack(value, type))).toBe(expected);
    const decoded = decodeMsgpack(bytes(expected), type);
    expect(decoded.equals(value)).toBe(true);
    expect(decoded.refinements).toEqual(value.refinements);
  });
});

describe('msgpack decoding accepts every encoding Terraform may send', () => {
  it.each([
    ['fixint', '2a', '42'],
    ['uint8', 'cc2a', '42'],
    ['int8', 'd0d6', '-42'],
    ['uint64 max', 'cfffffffffffffffff', '18446744073709551615'],
    ['int64 min', 'd38000000000000000', '-9223372036854775808'],
    ['float64 integral', 'cb4045000000000000', '42'],
    ['float32', 'ca3fc00000', '1.5'],
    ['float64 0.1 (exact binary value)', 'cb3fb999999999999a', '0.1000000000000000055511151231257827021181583404541015625'],
    ['decimal string', str('0.1'), '0.1'],
    ['scientific string', str('1e400'), '1e+400'],
    ['str8 number', 'd9' + '1e' + Buffer.from('123456789012345678901234567890').toString('hex'), '123456789012345678901234567890'],
  ])('number as %s', (_name, h, expected) => {
    expect(decodeMsgpack(bytes(h), t.number).asNumber().toString()).toBe(expected);
  });

  it.each([
    ['ext 0, one byte (Terraform)', 'd40000'],
    ['ext 0, empty payload (Rust crate)', 'c70000'],
    ['another ext type, one byte', 'd40500'],
    ['ext type -1 (timestamp code), four bytes', 'd6ff00000000'],
    ['ext 12 with an empty map', 'd40c80'],
    ['ext 12 with garbage', 'd50cc1c1'],
  ])('any extension is an unknown: %s', (_name, h) => {
    const v = decodeMsgpack(bytes(h), t.string);
    expect(v.isKnown()).toBe(false);
    expect(v.type).toEqual(t.string);
    expect(hex(encodeMsgpack(v, t.string))).toBe('d40000');
  });

  it('ignores refinement keys it does not know and ones that do not fit the type', () => {
    // {1:false, 9:"future", 2:"pre"} on a number: the prefix cannot apply, key 9 is unknown.
    const payload = '83' + '01c2' + '09' + str('future') + '02' + str('pre');
    const ext = 'c7' + (payload.length / 2).toString(16).padStart(2, '0') + '0c' + payload;
    const v = decodeMsgpack(bytes(ext), t.number);
    expect(v.refinements).toEqual({ notNull: true });
    expect(hex(encodeMsgpack(v, t.number))).toBe('c7030c8101c2');
  });

  it('decodes refined number bounds in any number encoding', () => {
    const payload = '82' + '03' + '92' + str('0.5') + 'c2' + '04' + '92' + 'cb4059000000000000' + 'c3';
    const ext = 'c7' + (payload.length / 2).toString(16).padStart(2, '0') + '0c' + payload;
    const r = decodeMsgpack(bytes(ext), t.number).refinements;
    expect(r?.numberLower?.value.toString()).toBe('0.5');
    expect(r?.numberLower?.inclusive).toBe(false);
    expect(r?.numberUpper?.value.toString()).toBe('100');
    expect(r?.numberUpper?.inclusive).toBe(true);
  });

  it('drops refinements on unknowns of type dynamic', () => {
    const v = decodeMsgpack(bytes('c7030c8101c2'), t.dynamic);
    expect(v.isKnown()).toBe(false);
    expect(v.refinements).toBeUndefined();
  });

  it('accepts the dynamic type as str as well as bin', () => {
    expect(decodeMsgpack(bytes('92' + str('"bool"') + 'c3'), t.dynamic).equals(Value.bool(true))).toBe(true);
  });

  it('reads a map key "__proto__" as data', () => {
    const v = decodeMsgpack(bytes('81' + str('__proto__') + str('x')), t.map(t.string));
    expect([...v.entries().keys()]).toEqual(['__proto__']);
    expect(decodeMsgpack(encodeMsgpack(v, t.map(t.string)), t.map(t.string)).equals(v)).toBe(true);
  });

  it('reads a Buffer that is a slice of a larger pool (as gRPC hands them over)', () => {
    const pool = Buffer.from('ffff' + str('abc') + 'ffff', 'hex');
    expect(decodeMsgpack(pool.subarray(2, 6), t.string).asString()).toBe('abc');
  });

  it('reads empty bytes and absent DynamicValues as null', () => {
    expect(decodeMsgpack(new Uint8Array(), t.object({ a: t.string })).isNull()).toBe(true);
    expect(decodeDynamicValue(undefined, t.string).isNull()).toBe(true);
    expect(decodeDynamicValue({ msgpack: new Uint8Array(), json: new Uint8Array() }, t.string).isNull()).toBe(true);
    expect(decodeDynamicValue({ json: Buffer.from('"x"') }, t.string).asString()).toBe('x');
    expect(decodeDynamicValue({ msgpack: bytes(str('m')), json: Buffer.from('"j"') }, t.string).asString()).toBe('m');
  });
});

describe('msgpack errors name the attribute path', () => {
  const resource = t.object({
    name: t.string,
    disks: t.list(t.object({ size: t.number, device: t.string })),
    tags: t.map(t.string),
  });
  const disk = (size: string, device: string) => '82' + str('device') + device + str('size') + size;
  const body = (disks: string, extra = '') => `${extra === '' ? '83' : '84'}${str('disks')}${disks}${str('name')}${str('n')}${str('tags')}80${extra}`;

  it.each([
    ['a missing attribute', t.object({ a: t.string, b: t.string }), '81' + str('a') + str('x'), 'b', /attribute is missing \(an object with 2 attributes is required, 1 given\)/],
    ['an extra attribute', t.object({ a: t.string }), '82' + str('a') + str('x') + str('zz') + 'c0', 'zz', /unsupported attribute/],
    ['an empty map for an object', t.object({ a: t.string }), '80', 'a', /attribute is missing/],
    ['a wrong type deep inside', resource, body('92' + disk('01', str('a')) + disk(str('big'), str('b'))), 'disks[1].size', /a number is required, got the string "big"/],
    ['an extra attribute deep inside', resource, body('91' + '83' + str('device') + str('a') + str('size') + '01' + str('x') + '01'), 'disks[0].x', /unsupported attribute/],
    ['a map element of the wrong type', resource, '83' + str('disks') + '90' + str('name') + 'c0' + str('tags') + '81' + str('env') + '01', 'tags["env"]', /a string is required, found msgpack integer/],
    ['a dynamic value sent as a plain map (plugin-go #133)', t.object({ d: t.dynamic }), '81' + str('d') + '81' + str('k') + '01', 'd', /\[type, value\] array\) is required, found msgpack map/],
    ['a dynamic value with a bad type', t.object({ d: t.dynamic }), '81' + str('d') + '92' + bin('"strin"') + str('x'), 'd', /invalid type in dynamic value/],
    ['a tuple of the wrong length', t.object({ p: t.tuple([t.string, t.string]) }), '81' + str('p') + '91' + str('x'), 'p', /a tuple of length 2 is required \(1 given\)/],
    ['truncated data', t.object({ name: t.string }), '81' + str('name') + 'a5616263', 'name', /unexpected end of msgpack data/],
    ['a non-string map key', t.map(t.string), '81' + '01' + str('x'), '', /map keys must be strings/],
    ['trailing bytes', t.string, str('x') + 'c0', '', /unexpected bytes after the msgpack value/],
  ])('%s', (_name, type, h, path, message) => {
    const err = thrownAs(CtyError, () => decodeMsgpack(bytes(h), type));
    expect(formatPath(err.path)).toBe(path);
    expect(err.detail).toMatch(message);
  });

  it('refuses to encode an object missing an attribute, or with an extra one', () => {
    const type = t.object({ a: t.string, nested: t.list(t.object({ x: t.string, y: t.string })) });
    const missing = Value.object({
      a: Value.string('v'),
      nested: Value.list(t.object({ x: t.string }), [Value.object({ x: Value.string('1') })]),
    });
    expect(formatPath(thrownAs(CtyError, () => encodeMsgpack(missing, type)).path)).toBe('nested[0].y');
    const extra = Value.object({ a: Value.string('v'), nested: Value.list(t.dynamic, []), b: Value.null(t.string) });
    const err = thrownAs(CtyError, () => encodeMsgpack(extra, t.object({ a: t.string, nested: t.list(t.dynamic) })));
    expect(formatPath(err.path)).toBe('b');
    expect(err.detail).toBe('unsupported attribute');
    const objMissing = Value.object({ a: Value.string('v') });
    const err2 = thrownAs(CtyError, () => encodeMsgpack(objMissing, t.object({ a: t.string, z: t.number })));
    expect(formatPath(err2.path)).toBe('z');
  });

  it('refuses to encode a value of the wrong type', () => {
    const err = thrownAs(CtyError, () => encodeMsgpack(Value.object({ n: Value.string('1') }), t.object({ n: t.number })));
    expect(err.message).toBe('n: number required, got string');
  });
});

describe('msgpack round trips', () => {
  const diskType = t.object({ device: t.string, size: t.number, disk_type: t.string, progress: t.string });
  const blockType = t.object({
    id: t.string,
    image_name: t.string,
    size: t.number,
    force: t.bool,
    tags: t.map(t.string),
    features: t.object({ nvme_support: t.string }),
    disk_device_mapping: t.list(diskType),
    security_groups: t.set(t.string),
    timeouts: t.object({ create: t.string, delete: t.string, update: t.string }),
    meta: t.dynamic,
  });
  const disk = (device: string, size: Value) =>
    Value.object({ device: Value.string(device), size, disk_type: Value.string('system'), progress: Value.unknown(t.string) });
  const cases: [string, CtyType, Value][] = [
    ['empty collections', t.object({ l: t.list(t.string), s: t.set(t.string), m: t.map(t.string) }), Value.object({ l: Value.list(t.string, []), s: Value.set(t.string, []), m: Value.map(t.string, {}) })],
    ['nested lists', t.list(t.list(t.number)), Value.list(t.list(t.number), [Value.list(t.number, [Value.number(1)]), Value.null(t.list(t.number)), Value.unknown(t.list(t.number))])],
    ['set of objects', t.set(t.object({ k: t.string })), Value.set(t.object({ k: t.string }), [Value.object({ k: Value.string('a') }), Value.object({ k: Value.null(t.string) })])],
    ['unknown map', t.map(t.string), Value.unknown(t.map(t.string), { notNull: true, lengthUpper: 5 })],
    ['list of dynamic', t.list(t.dynamic), Value.list(t.dynamic, [Value.string('a'), Value.number(2), Value.null(t.dynamic)])],
    ['empty object', t.object({}), Value.object({})],
    ['huge numbers', t.list(t.number), Value.list(t.number, ['9007199254740993', '-9223372036854775809', '1e-400', '3.14159265358979323846264338327950288'].map((n) => Value.number(n)))],
    ['unicode', t.string, Value.string('日本語 ✓ \u{1F600}')],
    ['long string', t.string, Value.string('x'.repeat(70000))],
    ['many elements', t.list(t.number), Value.list(t.number, Array.from({ length: 70000 }, (_, i) => Value.number(i)))],
    [
      'a resource with nested blocks, nulls and unknowns',
      blockType,
      Value.object({
        id: Value.unknown(t.string, { notNull: true, stringPrefix: 'm-' }),
        image_name: Value.string('img'),
        size: Value.number(40),
        force: Value.bool(false),
        tags: Value.map(t.string, { env: Value.string('prod'), team: Value.string('') }),
        features: Value.null(t.object({ nvme_support: t.string })),
        disk_device_mapping: Value.list(diskType, [
          disk('/dev/xvda', Value.number(40)),
          disk('/dev/xvdb', Value.unknown(t.number)),
        ]),
        security_groups: Value.set(t.string, [Value.string('sg-2'), Value.string('sg-1')]),
        timeouts: Value.object({ create: Value.string('10m'), delete: Value.null(t.string), update: Value.null(t.string) }),
        meta: Value.map(t.list(t.string), { a: Value.list(t.string, [Value.string('x')]) }),
      }),
    ],
  ];

  it.each(cases)('%s', (_name, type, value) => {
    const encoded = encodeMsgpack(value, type);
    const decoded = decodeMsgpack(encoded, type);
    expect(decoded.equals(value)).toBe(true);
    expect(hex(encodeMsgpack(decoded, type))).toBe(hex(encoded));
  });

  it('keeps refinements of nested unknowns through a round trip', () => {
    const type = t.object({ id: t.string });
    const v = Value.object({ id: Value.unknown(t.string, { notNull: true, stringPrefix: 'm-' }) });
    expect(decodeMsgpack(encodeMsgpack(v, type), type).get('id').refinements).toEqual({ notNull: true, stringPrefix: 'm-' });
  });

  it('cuts an over-long prefix on a character boundary', () => {
    const prefix = 'é'.repeat(200);
    const v = Value.unknown(t.string, { stringPrefix: prefix });
    const back = decodeMsgpack(encodeMsgpack(v, t.string), t.string).refinements?.stringPrefix ?? '';
    expect(Buffer.byteLength(back)).toBeLessThanOrEqual(256);
    expect(back.length).toBe(128);
    expect(prefix.startsWith(back)).toBe(true);
  });
});

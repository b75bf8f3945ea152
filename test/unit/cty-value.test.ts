import { describe, expect, it } from 'vitest';
import { fromJs, toJs, UNKNOWN } from '../../src/provider/cty/js.js';
import { CtyError, formatPath, step, type AttributePath } from '../../src/provider/cty/path.js';
import { transform, walk } from '../../src/provider/cty/transform.js';
import { t } from '../../src/provider/cty/types.js';
import { Value } from '../../src/provider/cty/value.js';
import { thrownAs } from '../support/thrown.js';

const image = t.object({
  id: t.string,
  image_name: t.string,
  size: t.number,
  tags: t.map(t.string),
  disk_device_mapping: t.list(t.object({ device: t.string, size: t.number, progress: t.string })),
  timeouts: t.object({ create: t.string, delete: t.string }),
});

describe('Value state', () => {
  it('is exactly one of known, null, unknown', () => {
    const cases: [Value, boolean, boolean, boolean][] = [
      [Value.string('x'), true, false, true],
      [Value.null(t.string), true, true, false],
      [Value.unknown(t.string), false, false, false],
    ];
    for (const [v, known, isNull, knownNotNull] of cases) {
      expect([v.isKnown(), v.isNull(), v.isKnownNotNull()]).toEqual([known, isNull, knownNotNull]);
    }
  });

  it('is wholly known only without unknowns anywhere inside', () => {
    expect(Value.list(t.string, [Value.string('a'), Value.null(t.string)]).isWhollyKnown()).toBe(true);
    expect(Value.list(t.string, [Value.string('a'), Value.unknown(t.string)]).isWhollyKnown()).toBe(false);
    expect(Value.object({ a: Value.map(t.number, { k: Value.unknown(t.number) }) }).isWhollyKnown()).toBe(false);
  });

  it('normalises strings to NFC like cty', () => {
    expect(Value.string('e\u0301').asString()).toBe('\u00e9');
  });

  it('keeps only refinements that apply to the type', () => {
    expect(Value.unknown(t.string, { notNull: true, stringPrefix: 'p', lengthLower: 2 }).refinements).toEqual({ notNull: true, stringPrefix: 'p' });
    expect(Value.unknown(t.bool, { stringPrefix: 'p' }).refinements).toBeUndefined();
    expect(Value.unknown(t.dynamic, { notNull: true }).refinements).toBeUndefined();
    expect(Value.unknown(t.list(t.string), { lengthLower: 1, lengthUpper: 3 }).refinements).toEqual({ lengthLower: 1, lengthUpper: 3 });
  });
});

describe('Value constructors check types', () => {
  it('rejects list elements of the wrong type, naming the index', () => {
    const err = thrownAs(CtyError, () => Value.list(t.string, [Value.string('a'), Value.number(1)]));
    expect(err.path).toEqual([step.index(1)]);
    expect(err.message).toBe('[1]: string required, got number');
  });

  it('checks an object against its declared type attribute by attribute', () => {
    const type = t.object({ a: t.string, b: t.number });
    expect(thrownAs(CtyError, () => Value.object({ a: Value.string('x') }, type)).path).toEqual([step.attr('b')]);
    expect(thrownAs(CtyError, () => Value.object({ a: Value.string('x'), b: Value.number(1), c: Value.bool(true) }, type)).message).toBe(
      'c: unsupported attribute',
    );
    expect(Value.object({ a: Value.string('x'), b: Value.null(t.number) }, type).type).toEqual(type);
  });

  it('merges duplicate set elements', () => {
    const s = Value.set(t.string, [Value.string('a'), Value.string('b'), Value.string('a')]);
    expect(s.length).toBe(2);
    const withUnknowns = Value.set(t.string, [Value.unknown(t.string), Value.unknown(t.string)]);
    expect(withUnknowns.length).toBe(2);
  });
});

describe('Value access', () => {
  const v = fromJs(image, {
    id: 'm-1',
    image_name: 'img',
    size: 40,
    tags: { env: 'prod' },
    disk_device_mapping: [{ device: '/dev/xvda', size: 40, progress: null }],
    timeouts: null,
  });

  it('gets attributes, including through null and unknown objects', () => {
    expect(v.get('image_name').asString()).toBe('img');
    expect(v.get('timeouts').get('create').isNull()).toBe(true);
    expect(Value.unknown(image).get('id').isKnown()).toBe(false);
    expect(() => v.get('nope')).toThrow(TypeError);
  });

  it('indexes lists and maps', () => {
    expect(v.get('disk_device_mapping').index(0).get('device').asString()).toBe('/dev/xvda');
    expect(v.get('tags').index('env').asString()).toBe('prod');
    expect(v.get('tags').has('other')).toBe(false);
    expect(() => v.get('tags').index('other')).toThrow(RangeError);
    expect(() => v.get('disk_device_mapping').index(1)).toThrow(RangeError);
    expect(Value.unknown(t.list(t.string)).index(3).isKnown()).toBe(false);
  });

  it('replaces one attribute with with()', () => {
    const renamed = v.with('image_name', Value.string('other'));
    expect(renamed.get('image_name').asString()).toBe('other');
    expect(v.get('image_name').asString()).toBe('img');
    expect(() => v.with('image_name', Value.number(1))).toThrow(CtyError);
  });

  it('refuses to read the wrong kind', () => {
    expect(() => v.get('size').asString()).toThrow(TypeError);
    expect(() => Value.null(t.string).asString()).toThrow(TypeError);
    expect(() => Value.unknown(t.list(t.string)).elements()).toThrow(TypeError);
  });
});

describe('Value.equals', () => {
  const cases: [string, Value, Value, boolean][] = [
    ['same string', Value.string('a'), Value.string('a'), true],
    ['different strings', Value.string('a'), Value.string('b'), false],
    ['numbers in different spellings', Value.number('1e2'), Value.number(100), true],
    ['null vs unknown', Value.null(t.string), Value.unknown(t.string), false],
    ['nulls of different types', Value.null(t.string), Value.null(t.number), false],
    ['unknowns ignoring refinements', Value.unknown(t.string, { notNull: true }), Value.unknown(t.string), true],
    ['list order matters', Value.list(t.string, [Value.string('a'), Value.string('b')]), Value.list(t.string, [Value.string('b'), Value.string('a')]), false],
    ['set order does not', Value.set(t.string, [Value.string('a'), Value.string('b')]), Value.set(t.string, [Value.string('b'), Value.string('a')]), true],
    [
      'sets of objects unordered',
      Value.set(t.object({ n: t.number }), [Value.object({ n: Value.number(1) }), Value.object({ n: Value.number(2) })]),
      Value.set(t.object({ n: t.number }), [Value.object({ n: Value.number(2) }), Value.object({ n: Value.number(1) })]),
      true,
    ],
    ['sets of different content', Value.set(t.string, [Value.string('a')]), Value.set(t.string, [Value.string('b')]), false],
    ['maps', Value.map(t.string, { a: Value.string('1') }), Value.map(t.string, { a: Value.string('1') }), true],
    ['maps with different keys', Value.map(t.string, { a: Value.string('1') }), Value.map(t.string, { b: Value.string('1') }), false],
    ['objects with a null inside', Value.object({ a: Value.null(t.string) }), Value.object({ a: Value.null(t.string) }), true],
    ['objects differing deep inside', Value.object({ a: Value.list(t.number, [Value.number(1)]) }), Value.object({ a: Value.list(t.number, [Value.number(2)]) }), false],
    ['list vs set', Value.list(t.string, []), Value.set(t.string, []), false],
  ];
  it.each(cases)('%s', (_name, a, b, expected) => {
    expect(a.equals(b)).toBe(expected);
    expect(b.equals(a)).toBe(expected);
  });
});

describe('walk and transform', () => {
  const v = fromJs(image, {
    id: null,
    image_name: 'img',
    size: 40,
    tags: { env: 'prod' },
    disk_device_mapping: [
      { device: '/dev/xvda', size: 40, progress: null },
      { device: '/dev/xvdb', size: 100, progress: null },
    ],
    timeouts: null,
  });

  it('visits every value with its path', () => {
    const seen: string[] = [];
    walk(v, (path) => void seen.push(formatPath(path)));
    expect(seen).toContain('disk_device_mapping[1].size');
    expect(seen).toContain('tags["env"]');
    expect(seen).toContain('timeouts');
    expect(seen).not.toContain('timeouts.create');
  });

  it('can skip children', () => {
    const seen: string[] = [];
    walk(v, (path) => {
      seen.push(formatPath(path));
      return path.length === 0 || formatPath(path) !== 'disk_device_mapping';
    });
    expect(seen).not.toContain('disk_device_mapping[0]');
  });

  it('marks computed attributes unknown by path, as the plan engine does', () => {
    const computed = new Set(['id', 'disk_device_mapping[*].progress']);
    const wildcard = (path: AttributePath) => formatPath(path.map((s) => (s.kind === 'index' ? step.setElement(0) : s)));
    const planned = transform(v, (path, x) => (computed.has(wildcard(path)) && x.isNull() ? Value.unknown(x.type) : x));
    expect(toJs(planned)).toEqual({
      id: UNKNOWN,
      image_name: 'img',
      size: 40,
      tags: { env: 'prod' },
      disk_device_mapping: [
        { device: '/dev/xvda', size: 40, progress: UNKNOWN },
        { device: '/dev/xvdb', size: 100, progress: UNKNOWN },
      ],
      timeouts: null,
    });
    expect(planned.type).toEqual(v.type);
  });

  it('keeps untouched values by identity', () => {
    expect(transform(v, (_p, x) => x)).toBe(v);
  });
});

describe('toJs / fromJs', () => {
  it('round-trips plain data with explicit null and unknown', () => {
    const tags = JSON.parse('{"__proto__":"odd but legal"}') as Record<string, string>;
    const js = { id: UNKNOWN, image_name: 'img', size: 2.5, tags, disk_device_mapping: [], timeouts: { create: '10m', delete: null } };
    const value = fromJs(image, js);
    expect(value.get('tags').index('__proto__').asString()).toBe('odd but legal');
    const back = toJs(value) as Record<string, unknown>;
    expect(back['id']).toBe(UNKNOWN);
    expect(Object.keys(back['tags'] as object)).toEqual(['__proto__']);
    expect(back['timeouts']).toEqual({ create: '10m', delete: null });
  });

  it('refuses a missing attribute unless told to treat it as null', () => {
    const err = thrownAs(CtyError, () => fromJs(t.object({ a: t.string, b: t.string }), { a: 'x' }));
    expect(err.path).toEqual([step.attr('b')]);
    const lenient = fromJs(t.object({ a: t.string, b: t.string }), { a: 'x' }, { missingAttributes: 'null' });
    expect(lenient.get('b').isNull()).toBe(true);
  });

  it('names the path of a wrong JS type', () => {
    const err = thrownAs(CtyError, () => fromJs(image, { ...baseImage(), disk_device_mapping: [{ device: 'x', size: 'big', progress: null }] }));
    expect(formatPath(err.path)).toBe('disk_device_mapping[0].size');
  });

  it('accepts numbers as number, bigint, or text', () => {
    expect(fromJs(t.number, 12345678901234567890n).asNumber().toString()).toBe('12345678901234567890');
    expect(fromJs(t.number, '0.1').asNumber().toString()).toBe('0.1');
    expect(() => fromJs(t.number, 'ten')).toThrow(CtyError);
  });

  it('infers types for dynamic', () => {
    const v = fromJs(t.dynamic, { a: [1, 'x'], b: true });
    expect(v.type).toEqual(t.object({ a: t.tuple([t.number, t.string]), b: t.bool }));
  });

  it('never accepts undefined as a value', () => {
    expect(() => fromJs(t.string, undefined)).toThrow(/undefined/);
  });
});

function baseImage() {
  return { id: 'm-1', image_name: 'i', size: 1, tags: {}, disk_device_mapping: [], timeouts: null };
}

import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson } from '../../src/provider/cty/json.js';
import { CtyError, formatPath } from '../../src/provider/cty/path.js';
import { t, type CtyType } from '../../src/provider/cty/types.js';
import { Value } from '../../src/provider/cty/value.js';

describe('JSON encoding', () => {
  const cases: [string, CtyType, Value, string][] = [
    ['string', t.string, Value.string('a"b'), '"a\\"b"'],
    ['null', t.string, Value.null(t.string), 'null'],
    ['int', t.number, Value.number(42), '42'],
    ['decimal', t.number, Value.number('0.1'), '0.1'],
    ['beyond float64', t.number, Value.number('9007199254740993'), '9007199254740993'],
    ['1e400', t.number, Value.number('1e400'), '1e+400'],
    ['bool', t.bool, Value.bool(true), 'true'],
    ['list', t.list(t.string), Value.list(t.string, [Value.string('a'), Value.null(t.string)]), '["a",null]'],
    ['set', t.set(t.number), Value.set(t.number, [Value.number(1)]), '[1]'],
    ['map sorted', t.map(t.bool), Value.map(t.bool, { z: Value.bool(true), a: Value.bool(false) }), '{"a":false,"z":true}'],
    ['object with every attribute', t.object({ b: t.string, a: t.number }), Value.object({ b: Value.null(t.string), a: Value.number(1) }), '{"a":1,"b":null}'],
    ['tuple', t.tuple([t.string, t.bool]), Value.tuple([Value.string('x'), Value.bool(false)]), '["x",false]'],
    ['dynamic', t.dynamic, Value.list(t.string, [Value.string('x')]), '{"value":["x"],"type":["list","string"]}'],
    ['null dynamic', t.dynamic, Value.null(t.dynamic), 'null'],
    [
      'dynamic inside an object',
      t.object({ d: t.dynamic }),
      Value.object({ d: Value.object({ k: Value.number(1) }) }),
      '{"d":{"value":{"k":1},"type":["object",{"k":"number"}]}}',
    ],
  ];

  it.each(cases)('%s', (_name, type, value, json) => {
    expect(encodeJson(value, type)).toBe(json);
    expect(decodeJson(json, type).equals(value)).toBe(true);
  });

  it('refuses unknowns, naming the path', () => {
    const type = t.object({ tags: t.map(t.string) });
    let err: unknown;
    try {
      encodeJson(Value.object({ tags: Value.map(t.string, { env: Value.unknown(t.string) }) }), type);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CtyError);
    expect(formatPath((err as CtyError).path)).toBe('tags["env"]');
  });
});

describe('JSON decoding (UpgradeResourceState raw state)', () => {
  const schema = t.object({
    id: t.string,
    size: t.number,
    force: t.bool,
    tags: t.map(t.string),
    disk_device_mapping: t.list(t.object({ device: t.string, size: t.number })),
    timeouts: t.object({ create: t.string, delete: t.string }),
  });

  it('reads a state file attributes object, missing attributes as null', () => {
    const v = decodeJson('{"id":"m-1","size":9007199254740993,"tags":{"env":"prod"},"disk_device_mapping":[{"device":"/dev/xvda","size":40}],"timeouts":null}', schema);
    expect(v.get('size').asNumber().toString()).toBe('9007199254740993');
    expect(v.get('force').isNull()).toBe(true);
    expect(v.get('disk_device_mapping').index(0).get('size').asNumber().toString()).toBe('40');
    expect(v.get('timeouts').isNull()).toBe(true);
  });

  it('rejects attributes the schema does not have, unless asked to drop them', () => {
    const json = '{"id":"m-1","name":"old"}';
    expect(() => decodeJson(json, schema)).toThrow(/^name: unsupported attribute$/);
    const v = decodeJson(json, schema, { ignoreUndefinedAttributes: true });
    expect(v.get('id').asString()).toBe('m-1');
  });

  it('converts primitives the way go-cty does', () => {
    expect(decodeJson('"12.5"', t.number).asNumber().toString()).toBe('12.5');
    expect(decodeJson('"true"', t.bool).asBool()).toBe(true);
    expect(decodeJson('12', t.string).asString()).toBe('12');
    expect(decodeJson('false', t.string).asString()).toBe('false');
  });

  it('reads bytes as well as text', () => {
    expect(decodeJson(new TextEncoder().encode('"x"'), t.string).asString()).toBe('x');
  });

  it('keeps a map key "__proto__" as data', () => {
    const v = decodeJson('{"__proto__":"x"}', t.map(t.string));
    expect(v.index('__proto__').asString()).toBe('x');
  });

  it.each([
    ['a wrong type deep inside', schema, '{"disk_device_mapping":[{"device":"a","size":1},{"device":"b","size":"big"}]}', 'disk_device_mapping[1].size', /a number is required, got "big"/],
    ['an array for a map', schema, '{"tags":["x"]}', 'tags', /a map is required, got JSON array/],
    ['a dynamic without type', t.object({ d: t.dynamic }), '{"d":{"value":1}}', 'd', /missing "type"/],
    ['a dynamic with an extra key', t.object({ d: t.dynamic }), '{"d":{"value":1,"type":"number","x":1}}', 'd', /invalid key "x"/],
    ['a dynamic with a bad type', t.object({ d: t.dynamic }), '{"d":{"value":1,"type":"num"}}', 'd', /invalid type/],
    ['a short tuple', t.tuple([t.string, t.string]), '["a"]', '', /a tuple of length 2 is required \(1 given\)/],
    ['broken JSON', schema, '{"id":', '', /invalid JSON/],
    ['trailing text', t.string, '"a" x', '', /unexpected text/],
    ['a bad string escape', t.string, '"\\x"', '', /invalid string literal/],
  ])('errors on %s', (_name, type, json, path, message) => {
    let err: unknown;
    try {
      decodeJson(json, type);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CtyError);
    expect(formatPath((err as CtyError).path)).toBe(path);
    expect((err as CtyError).detail).toMatch(message);
  });

  it('handles strings with escapes and whitespace', () => {
    const v = decodeJson(' { "a" : "x\\"y\\\\" , "b" : [ "\\u00e9" ] } ', t.object({ a: t.string, b: t.list(t.string) }));
    expect(v.get('a').asString()).toBe('x"y\\');
    expect(v.get('b').index(0).asString()).toBe('é');
  });
});

import { describe, expect, it } from 'vitest';
import { t, typeConforms, typeEquals, typeFromJson, typeName, typeToJsonString, type CtyType } from '../../src/provider/cty/types.js';

describe('type JSON', () => {
  const cases: [string, CtyType][] = [
    ['"string"', t.string],
    ['"number"', t.number],
    ['"bool"', t.bool],
    ['"dynamic"', t.dynamic],
    ['["list","string"]', t.list(t.string)],
    ['["set",["object",{"a":"string"}]]', t.set(t.object({ a: t.string }))],
    ['["map",["list","number"]]', t.map(t.list(t.number))],
    ['["object",{"a":"number","b":["tuple",["string","bool"]]}]', t.object({ b: t.tuple([t.string, t.bool]), a: t.number })],
    ['["object",{"a":"number","b":"string"},["b"]]', t.object({ a: t.number, b: t.string }, ['b'])],
    ['["tuple",[]]', t.tuple([])],
    ['["object",{}]', t.object({})],
  ];

  it.each(cases)('%s', (json, type) => {
    expect(typeToJsonString(type)).toBe(json);
    expect(typeEquals(typeFromJson(json), type)).toBe(true);
    expect(typeEquals(typeFromJson(new TextEncoder().encode(json)), type)).toBe(true);
  });

  it('writes object attributes sorted whatever order they were given in', () => {
    expect(typeToJsonString(typeFromJson('["object",{"z":"string","a":"bool"}]'))).toBe('["object",{"a":"bool","z":"string"}]');
  });

  it.each(['"str"', '["list"]', '["list","string","x"]', '["object",[]]', '["tuple","string"]', '["nope","string"]', '42', 'not json', '["object",{"a":"string"},["b"]]'])(
    'rejects %s',
    (json) => {
      expect(() => typeFromJson(json)).toThrow(TypeError);
    },
  );
});

describe('type comparison', () => {
  it('compares structurally', () => {
    expect(typeEquals(t.list(t.string), t.list(t.string))).toBe(true);
    expect(typeEquals(t.list(t.string), t.set(t.string))).toBe(false);
    expect(typeEquals(t.object({ a: t.string }), t.object({ a: t.string, b: t.string }))).toBe(false);
    expect(typeEquals(t.object({ a: t.string }), t.object({ a: t.string }, ['a']))).toBe(false);
    expect(typeEquals(t.tuple([t.string]), t.tuple([t.number]))).toBe(false);
  });

  it('lets dynamic stand for any type when conforming', () => {
    expect(typeConforms(t.list(t.string), t.dynamic)).toBe(true);
    expect(typeConforms(t.object({ a: t.number }), t.object({ a: t.dynamic }))).toBe(true);
    expect(typeConforms(t.dynamic, t.string)).toBe(false);
    expect(typeConforms(t.object({ a: t.number }), t.object({ a: t.number, b: t.dynamic }))).toBe(false);
  });

  it('names types for messages', () => {
    expect(typeName(t.set(t.list(t.string)))).toBe('set of list of string');
    expect(typeName(t.object({}))).toBe('object');
  });
});

import { describe, expect, it } from 'vitest';
import type * as tf from '../../src/provider/plugin/tfplugin6-types.js';
import { compileSchema } from '../../src/provider/framework/schema.js';
import { validateConfig } from '../../src/provider/framework/validate-config.js';
import { ManagedResource } from '../../src/provider/framework/managed-resource.js';
import { UNKNOWN, type Value } from '../../src/provider/framework/value.js';
import { ExampleCloud, configOf, dv, exampleImage, exampleProvider } from './framework-support.js';

const resource = new ManagedResource(exampleImage);
const schema = resource.schema;

/** Validates through the provider, from msgpack, as terraform calls it. */
async function validate(values: Record<string, Value>): Promise<tf.Diagnostic[]> {
  const provider = exampleProvider(new ExampleCloud());
  const response = await provider.validateResourceConfig({ type_name: 'example_image', config: dv(schema, configOf(schema, values)) });
  return response.diagnostics ?? [];
}

const steps = (d: tf.Diagnostic): (string | number)[] =>
  (d.attribute?.steps ?? []).map((s) => s.attribute_name ?? s.element_key_int ?? s.element_key_string ?? '?');

describe('ValidateResourceConfig', () => {
  it('accepts a valid configuration', async () => {
    expect(await validate({ image_name: 'image-1', architecture: 'arm64', tags: { env: 'test' } })).toEqual([]);
  });

  it.each<[string, Record<string, Value>, string, (string | number)[]]>([
    ['string length', { image_name: 'a' }, 'expected length of image_name to be in the range (2 - 128), got "a"', ['image_name']],
    ['one of', { architecture: 'sparc' }, 'expected architecture to be one of ["i386" "x86_64" "arm64"], got "sparc"', ['architecture']],
    [
      'int range inside an Optional+Computed block',
      { disk_device_mapping: [{ size: 0, snapshot_id: null, progress: null }] },
      'expected disk_device_mapping.0.size to be in the range (1 - 32768), got 0',
      ['disk_device_mapping', 0, 'size'],
    ],
    ['map elements', { tags: { env: '' } }, 'expected length of tags.env to be in the range (1 - 128), got ""', ['tags']],
    ['conflicts', { instance_id: 'i-1', snapshot_id: 's-1' }, '"instance_id": conflicts with snapshot_id', ['instance_id']],
    ['timeouts syntax', { timeouts: { create: '10x', update: null, delete: null } }, 'Error parsing "create" timeout: time: unknown unit "x" in duration "10x"', ['timeouts', 'create']],
    ['id is not configurable', { id: 'm-1' }, '"id": this field is set by the provider and cannot be configured', ['id']],
    [
      'read-only field inside an Optional+Computed block',
      { disk_device_mapping: [{ size: null, snapshot_id: null, progress: '50%' }] },
      '"disk_device_mapping.0.progress": this field cannot be set, the provider decides its value',
      ['disk_device_mapping', 0, 'progress'],
    ],
    [
      'max items of an Optional+Computed block',
      { features: [{ nvme_support: 'supported' }, { nvme_support: 'unsupported' }] },
      'No more than 1 "features" blocks are allowed, got 2',
      ['features'],
    ],
  ])('%s', async (_, values, detail, path) => {
    const diagnostics = await validate(values);
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'ERROR', detail }));
    const diagnostic = diagnostics.find((d) => d.detail === detail) as tf.Diagnostic;
    expect(steps(diagnostic)).toEqual(path);
  });

  it('warns about a deprecated argument and reports the conflict naming both attributes', async () => {
    const diagnostics = await validate({ image_name: 'abc', name: 'abc' });
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'WARNING', summary: 'Argument is deprecated', detail: expect.stringContaining("Field 'name' has been deprecated") }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'ERROR', summary: 'Conflicting configuration arguments', detail: '"image_name": conflicts with name' }));
  });

  it('skips unknown values (validated again once known)', async () => {
    expect(await validate({ image_name: UNKNOWN, architecture: UNKNOWN, instance_id: 'i-1', snapshot_id: UNKNOWN, tags: UNKNOWN })).toEqual([]);
  });

  it('checks ExactlyOneOf, AtLeastOneOf and RequiredWith, once per group', () => {
    const s = compileSchema(
      {
        attributes: {
          a: { type: 'string', optional: true, exactlyOneOf: ['a', 'b'] },
          b: { type: 'string', optional: true, exactlyOneOf: ['a', 'b'] },
          c: { type: 'string', optional: true, atLeastOneOf: ['c', 'd'], requiredWith: ['a'] },
          d: { type: 'string', optional: true },
        },
      },
      { kind: 'resource' },
    );
    const run = (v: Record<string, Value>): string[] => validateConfig(s, configOf(s, v)).items.map((d) => d.detail ?? d.summary);
    expect(run({ a: 'x', c: 'y' })).toEqual([]);
    expect(run({ c: 'y' })).toEqual(['"a": one of `a,b` must be specified', '"c": all of `c,a` must be specified']);
    expect(run({ a: 'x', b: 'y', d: 'z' })).toEqual(['"a": only one of `a,b` can be specified, but `a,b` were specified.']);
    expect(run({ a: 'x' })).toEqual(['"c": one of `c,d` must be specified']);
    expect(run({ a: UNKNOWN, b: 'x', d: 'z' })).toEqual([]);
  });

  it('reports a wrongly typed value from the codec with its path', async () => {
    const provider = exampleProvider(new ExampleCloud());
    // {"force": "maybe"} as msgpack: a string where a bool is declared (other attributes missing).
    const response = await provider.validateResourceConfig({ type_name: 'example_image', config: { msgpack: Buffer.from([0x81, 0xa5, ...Buffer.from('force'), 0xa5, ...Buffer.from('maybe')]) } });
    expect(response.diagnostics?.[0]).toMatchObject({ severity: 'ERROR' });
  });

  it('answers an unknown resource type with a diagnostic', async () => {
    const provider = exampleProvider(new ExampleCloud());
    const response = await provider.validateResourceConfig({ type_name: 'example_nope', config: dv(schema, null) });
    expect(response.diagnostics?.[0]).toMatchObject({ severity: 'ERROR', summary: 'Unsupported resource type' });
  });
});

/**
 * Our .proto files must match terraform's wire format field by field. Each case writes the
 * protobuf bytes by hand (field number + wire type, as terraform's Go code would emit them)
 * and checks what our definitions decode them into.
 */
import type { MethodDefinition } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { descriptorJson } from '../../src/provider/plugin/proto-descriptor-gen.js';
import { DESCRIPTOR_FILE, loadPluginServices, protoDirectory } from '../../src/provider/plugin/proto-definitions.js';
import { PROVIDER_RPCS } from '../../src/provider/plugin/provider-service.js';

const services = loadPluginServices();

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}
/** Length-delimited field (wire type 2). */
const ld = (field: number, ...payload: (number[] | Buffer)[]): number[] => {
  const body = payload.flatMap((part) => [...part]);
  return [...varint((field << 3) | 2), ...varint(body.length), ...body];
};
/** Varint field (wire type 0). */
const vi = (field: number, value: number): number[] => [...varint(field << 3), ...varint(value)];
const str = (field: number, text: string): number[] => ld(field, Buffer.from(text));

function method(name: string): MethodDefinition<object, object> {
  const definition = services.provider[name];
  if (definition === undefined) throw new Error(`no ${name}`);
  return definition as MethodDefinition<object, object>;
}
const request = (rpc: string, bytes: number[]): unknown => method(rpc).requestDeserialize(Buffer.from(bytes));
const response = (rpc: string, bytes: number[]): unknown => method(rpc).responseDeserialize(Buffer.from(bytes));

describe('compiled descriptor', () => {
  it('is up to date with proto/*.proto (regenerate: node dist/src/provider/plugin/proto-descriptor-gen.js)', () => {
    const dir = protoDirectory();
    expect(readFileSync(join(dir, DESCRIPTOR_FILE), 'utf8')).toBe(descriptorJson(dir));
  });
});

describe('tfplugin6.Provider service', () => {
  it('has every protocol 6.8 RPC at its gRPC path', () => {
    expect(Object.keys(services.provider).sort()).toEqual(PROVIDER_RPCS.map(([rpc]) => rpc).sort());
    expect(method('PlanResourceChange').path).toBe('/tfplugin6.Provider/PlanResourceChange');
  });

  it('go-plugin services live at the paths go-plugin dials', () => {
    expect(services.controller['Shutdown']?.path).toBe('/plugin.GRPCController/Shutdown');
    expect(services.stdio['StreamStdio']?.path).toBe('/plugin.GRPCStdio/StreamStdio');
    expect(services.stdio['StreamStdio']?.responseStream).toBe(true);
    expect(services.broker['StartStream']?.path).toBe('/plugin.GRPCBroker/StartStream');
    expect(services.broker['StartStream']?.requestStream).toBe(true);
    expect(services.health['Check']?.path).toBe('/grpc.health.v1.Health/Check');
  });
});

describe('field numbers', () => {
  it('PlanResourceChange.Request', () => {
    const bytes = [
      ...str(1, 'alicloud_image'),
      ...ld(2, ld(1, [0xc0])),
      ...ld(3, ld(1, [0x80])),
      ...ld(4, ld(1, [0x81])),
      ...str(5, 'priv'),
      ...ld(6, ld(2, Buffer.from('null'))),
      ...ld(7, vi(1, 1), vi(2, 1)),
    ];
    expect(request('PlanResourceChange', bytes)).toEqual({
      type_name: 'alicloud_image',
      prior_state: { msgpack: Buffer.from([0xc0]) },
      proposed_new_state: { msgpack: Buffer.from([0x80]) },
      config: { msgpack: Buffer.from([0x81]) },
      prior_private: Buffer.from('priv'),
      provider_meta: { json: Buffer.from('null') },
      client_capabilities: { deferral_allowed: true, write_only_attributes_allowed: true },
    });
  });

  it('PlanResourceChange.Response with paths and diagnostics', () => {
    const bytes = [
      ...ld(1, ld(1, [0xc0])),
      ...ld(2, ld(1, str(1, 'disk')), ld(1, vi(3, 2)), ld(1, str(2, 'k'))),
      ...str(3, 'pp'),
      ...ld(4, vi(1, 2), str(2, 'sum'), str(3, 'det'), ld(4, ld(1, str(1, 'name')))),
      ...vi(5, 1),
      ...ld(6, vi(1, 1)),
    ];
    expect(response('PlanResourceChange', bytes)).toEqual({
      planned_state: { msgpack: Buffer.from([0xc0]) },
      requires_replace: [
        {
          steps: [
            { attribute_name: 'disk', selector: 'attribute_name' },
            { element_key_int: 2, selector: 'element_key_int' },
            { element_key_string: 'k', selector: 'element_key_string' },
          ],
        },
      ],
      planned_private: Buffer.from('pp'),
      diagnostics: [
        {
          severity: 'WARNING',
          summary: 'sum',
          detail: 'det',
          attribute: { steps: [{ attribute_name: 'name', selector: 'attribute_name' }] },
        },
      ],
      legacy_type_system: true,
      deferred: { reason: 'RESOURCE_CONFIG_UNKNOWN' },
    });
  });

  it('GetProviderSchema.Response with schema, nested types and capabilities', () => {
    const attribute = [
      ...str(1, 'a'),
      ...str(2, '"string"'),
      ...str(3, 'desc'),
      ...vi(4, 1),
      ...vi(5, 1),
      ...vi(6, 1),
      ...vi(7, 1),
      ...vi(8, 1),
      ...vi(9, 1),
      ...ld(10, ld(1, str(1, 'inner')), vi(3, 2)),
      ...vi(11, 1),
    ];
    const block = [
      ...vi(1, 0),
      ...ld(2, attribute),
      ...ld(3, str(1, 'timeouts'), ld(2, []), vi(3, 1), vi(4, 0), vi(5, 1)),
      ...str(4, 'bd'),
      ...vi(5, 1),
      ...vi(6, 1),
    ];
    const schema = [...vi(1, 3), ...ld(2, block)];
    const bytes = [
      ...ld(1, vi(1, 0)),
      ...ld(2, str(1, 'r'), ld(2, schema)),
      ...ld(3, str(1, 'd'), ld(2, vi(1, 1))),
      ...ld(4, vi(1, 1), str(2, 'x')),
      ...ld(5, vi(1, 4)),
      ...ld(6, vi(1, 1), vi(2, 1), vi(3, 1)),
      ...ld(7, str(1, 'f'), ld(2, ld(1, str(1, 'p')), ld(3, str(1, '"number"')), str(4, 'sum'), str(7, 'old'))),
      ...ld(8, str(1, 'e'), ld(2, vi(1, 5))),
    ];
    expect(response('GetProviderSchema', bytes)).toEqual({
      provider: { version: 0 }, // explicitly sent zeros survive decoding
      resource_schemas: {
        r: {
          version: 3,
          block: {
            version: 0,
            attributes: [
              {
                name: 'a',
                type: Buffer.from('"string"'),
                description: 'desc',
                required: true,
                optional: true,
                computed: true,
                sensitive: true,
                description_kind: 'MARKDOWN',
                deprecated: true,
                nested_type: { attributes: [{ name: 'inner' }], nesting: 'LIST' },
                write_only: true,
              },
            ],
            block_types: [{ type_name: 'timeouts', block: {}, nesting: 'SINGLE', min_items: 0, max_items: 1 }],
            description: 'bd',
            description_kind: 'MARKDOWN',
            deprecated: true,
          },
        },
      },
      data_source_schemas: { d: { version: 1 } },
      diagnostics: [{ severity: 'ERROR', summary: 'x' }],
      provider_meta: { version: 4 },
      server_capabilities: { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: true },
      functions: { f: { parameters: [{ name: 'p' }], return: { type: Buffer.from('"number"') }, summary: 'sum', deprecation_message: 'old' } },
      ephemeral_resource_schemas: { e: { version: 5 } },
    });
  });

  it('ValidateProviderConfig.Response keeps diagnostics at field 2', () => {
    expect(response('ValidateProviderConfig', ld(2, str(2, 'bad')))).toEqual({ diagnostics: [{ summary: 'bad' }] });
  });

  it('UpgradeResourceState.Request carries version and raw state', () => {
    const bytes = [...str(1, 't'), ...vi(2, 1), ...ld(3, str(1, '{"id":"m-1"}'), ld(2, str(1, 'k'), str(2, 'v')))];
    expect(request('UpgradeResourceState', bytes)).toEqual({
      type_name: 't',
      version: 1,
      raw_state: { json: Buffer.from('{"id":"m-1"}'), flatmap: { k: 'v' } },
    });
  });

  it('ConfigureProvider, ReadResource and ApplyResourceChange', () => {
    expect(request('ConfigureProvider', [...str(1, '1.11.4'), ...ld(2, ld(1, [0x80])), ...ld(3, vi(1, 1))])).toEqual({
      terraform_version: '1.11.4',
      config: { msgpack: Buffer.from([0x80]) },
      client_capabilities: { deferral_allowed: true },
    });
    expect(request('ReadResource', [...str(1, 't'), ...ld(2, ld(1, [0xc0])), ...str(3, 'p'), ...ld(5, vi(2, 1))])).toEqual({
      type_name: 't',
      current_state: { msgpack: Buffer.from([0xc0]) },
      private: Buffer.from('p'),
      client_capabilities: { write_only_attributes_allowed: true },
    });
    expect(response('ReadResource', [...ld(1, ld(1, [0xc0])), ...ld(2, vi(1, 1)), ...str(3, 'p'), ...ld(4, vi(1, 3))])).toEqual({
      new_state: { msgpack: Buffer.from([0xc0]) },
      diagnostics: [{ severity: 'ERROR' }],
      private: Buffer.from('p'),
      deferred: { reason: 'ABSENT_PREREQ' },
    });
    expect(
      request('ApplyResourceChange', [...str(1, 't'), ...ld(2), ...ld(3, ld(1, [1])), ...ld(4, ld(1, [2])), ...str(5, 'pp'), ...ld(6)]),
    ).toEqual({
      type_name: 't',
      prior_state: {},
      planned_state: { msgpack: Buffer.from([1]) },
      config: { msgpack: Buffer.from([2]) },
      planned_private: Buffer.from('pp'),
      provider_meta: {},
    });
    expect(response('ApplyResourceChange', [...ld(1, ld(1, [1])), ...str(2, 'p'), ...ld(3, vi(1, 1)), ...vi(4, 1)])).toEqual({
      new_state: { msgpack: Buffer.from([1]) },
      private: Buffer.from('p'),
      diagnostics: [{ severity: 'ERROR' }],
      legacy_type_system: true,
    });
  });

  it('ImportResourceState, MoveResourceState and ReadDataSource', () => {
    expect(request('ImportResourceState', [...str(1, 't'), ...str(2, 'm-1'), ...ld(3, vi(1, 1))])).toEqual({
      type_name: 't',
      id: 'm-1',
      client_capabilities: { deferral_allowed: true },
    });
    expect(response('ImportResourceState', [...ld(1, str(1, 't'), ld(2, ld(1, [1])), str(3, 'p')), ...ld(2), ...ld(3)])).toEqual({
      imported_resources: [{ type_name: 't', state: { msgpack: Buffer.from([1]) }, private: Buffer.from('p') }],
      diagnostics: [{}],
      deferred: {},
    });
    expect(
      request('MoveResourceState', [...str(1, 'reg/a/b'), ...str(2, 'old'), ...vi(3, 2), ...ld(4, str(1, '{}')), ...str(5, 'new'), ...str(6, 'p')]),
    ).toEqual({
      source_provider_address: 'reg/a/b',
      source_type_name: 'old',
      source_schema_version: 2,
      source_state: { json: Buffer.from('{}') },
      target_type_name: 'new',
      source_private: Buffer.from('p'),
    });
    expect(response('MoveResourceState', [...ld(1, ld(1, [1])), ...ld(2), ...str(3, 'p')])).toEqual({
      target_state: { msgpack: Buffer.from([1]) },
      diagnostics: [{}],
      target_private: Buffer.from('p'),
    });
    expect(request('ReadDataSource', [...str(1, 'd'), ...ld(2, ld(1, [1])), ...ld(3), ...ld(4, vi(1, 1))])).toEqual({
      type_name: 'd',
      config: { msgpack: Buffer.from([1]) },
      provider_meta: {},
      client_capabilities: { deferral_allowed: true },
    });
    expect(response('ReadDataSource', [...ld(1, ld(1, [1])), ...ld(2), ...ld(3)])).toEqual({
      state: { msgpack: Buffer.from([1]) },
      diagnostics: [{}],
      deferred: {},
    });
  });

  it('ephemeral resources, functions and StopProvider', () => {
    expect(
      response('OpenEphemeralResource', [...ld(1), ...ld(2, vi(1, 100), vi(2, 5)), ...ld(3, ld(1, [1])), ...str(4, 'p'), ...ld(5)]),
    ).toMatchObject({
      diagnostics: [{}],
      renew_at: { seconds: 100, nanos: 5 },
      result: { msgpack: Buffer.from([1]) },
      private: Buffer.from('p'),
      deferred: {},
    });
    expect(request('RenewEphemeralResource', [...str(1, 't'), ...str(2, 'p')])).toMatchObject({ type_name: 't', private: Buffer.from('p') });
    expect(response('RenewEphemeralResource', [...ld(1), ...ld(2, vi(1, 1)), ...str(3, 'p')])).toMatchObject({
      renew_at: { seconds: 1 },
      private: Buffer.from('p'),
    });
    expect(request('CloseEphemeralResource', [...str(1, 't'), ...str(2, 'p')])).toMatchObject({ private: Buffer.from('p') });
    expect(request('ValidateEphemeralResourceConfig', [...str(1, 't'), ...ld(2, ld(1, [1]))])).toEqual({
      type_name: 't',
      config: { msgpack: Buffer.from([1]) },
    });
    expect(request('CallFunction', [...str(1, 'f'), ...ld(2, ld(1, [1])), ...ld(2, ld(2, [2]))])).toEqual({
      name: 'f',
      arguments: [{ msgpack: Buffer.from([1]) }, { json: Buffer.from([2]) }],
    });
    expect(response('CallFunction', [...ld(1, ld(1, [1])), ...ld(2, str(1, 'bad'), vi(2, 1))])).toMatchObject({
      result: { msgpack: Buffer.from([1]) },
      error: { text: 'bad', function_argument: 1 },
    });
    expect(response('GetFunctions', [...ld(1, str(1, 'f'), ld(2, str(4, 's'))), ...ld(2)])).toEqual({
      functions: { f: { summary: 's' } },
      diagnostics: [{}],
    });
    expect(
      response('GetMetadata', [...ld(1, vi(1, 1)), ...ld(2), ...ld(3, str(1, 'd')), ...ld(4, str(1, 'r')), ...ld(5, str(1, 'f')), ...ld(6, str(1, 'e'))]),
    ).toEqual({
      server_capabilities: { plan_destroy: true },
      diagnostics: [{}],
      data_sources: [{ type_name: 'd' }],
      resources: [{ type_name: 'r' }],
      functions: [{ name: 'f' }],
      ephemeral_resources: [{ type_name: 'e' }],
    });
    expect(response('StopProvider', str(1, 'no'))).toEqual({ Error: 'no' });
  });

  it('serialises what providers return, enum names included', () => {
    const encoded = method('ValidateResourceConfig').responseSerialize({
      diagnostics: [{ severity: 'ERROR', summary: 's', attribute: { steps: [{ element_key_int: 3 }] } }],
    });
    expect([...encoded]).toEqual(ld(1, vi(1, 1), str(2, 's'), ld(4, ld(1, vi(3, 3)))));
  });
});

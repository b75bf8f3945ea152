/** Apply failures, timeouts, Ctrl-C, refresh, import, state upgrades, data sources, schema. */
import { describe, expect, it } from 'vitest';
import { ManagedResource } from '../../src/provider/framework/managed-resource.js';
import { FrameworkProvider } from '../../src/provider/framework/provider.js';
import type { ResourceDefinition } from '../../src/provider/framework/definitions.js';
import { UNKNOWN, type ValueObject } from '../../src/provider/framework/value.js';
import { ExampleCloud, configOf, dv, exampleImage, exampleProvider, fromDv, proposedNew, rpc } from './framework-support.js';

const schema = new ManagedResource(exampleImage).schema;
const TYPE = 'example_image';

async function setup(): Promise<{ cloud: ExampleCloud; provider: FrameworkProvider<ExampleCloud> }> {
  const cloud = new ExampleCloud();
  const provider = exampleProvider(cloud);
  await provider.configureProvider({}, rpc());
  return { cloud, provider };
}

async function planCreate(provider: FrameworkProvider<ExampleCloud>, values: Record<string, import('../../src/provider/framework/value.js').Value>) {
  const config = configOf(schema, values);
  const plan = await provider.planResourceChange({ type_name: TYPE, proposed_new_state: dv(schema, proposedNew(schema, null, config)), config: dv(schema, config) }, rpc());
  return { config, plan };
}

describe('apply', () => {
  it('a create that fails after the object exists returns it with the error, so terraform taints it', async () => {
    const { cloud, provider } = await setup();
    cloud.failCreateAfterStart = true;
    const { config, plan } = await planCreate(provider, { image_name: 'img' });
    const response = await provider.applyResourceChange({ type_name: TYPE, planned_state: plan.planned_state, config: dv(schema, config) }, rpc());
    expect(response.diagnostics).toEqual([
      expect.objectContaining({ severity: 'ERROR', summary: 'creating Example Image (m-000001): waiting for Available: status CreateFailed' }),
    ]);
    const state = fromDv(schema, response.new_state);
    expect(state).toMatchObject({ id: 'm-000001', image_name: 'img', architecture: 'x86_64', status: null, create_time: null });
  });

  it('a create that fails before anything exists returns no state', async () => {
    const { cloud, provider } = await setup();
    const failing: ResourceDefinition<ExampleCloud> = { ...exampleImage, create: async () => { throw new Error('CreateImage: InvalidParameter'); } };
    const p = new FrameworkProvider({ typeName: 'example', schema: { attributes: {} }, configure: async () => cloud, resources: [failing] });
    await p.configureProvider({}, rpc());
    const { config, plan } = await planCreate(p, { image_name: 'img' });
    const response = await p.applyResourceChange({ type_name: TYPE, planned_state: plan.planned_state, config: dv(schema, config) }, rpc());
    expect(response.diagnostics?.[0]?.summary).toBe('creating Example Image: CreateImage: InvalidParameter');
    expect(fromDv(schema, response.new_state)).toBeNull();
  });

  it('the create timeout aborts the waiter and keeps the created object', async () => {
    const { cloud, provider } = await setup();
    cloud.hangCreate = true;
    const { config, plan } = await planCreate(provider, { image_name: 'img', timeouts: { create: '50ms', update: null, delete: null } });
    const started = Date.now();
    const response = await provider.applyResourceChange({ type_name: TYPE, planned_state: plan.planned_state, config: dv(schema, config) }, rpc());
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.diagnostics?.[0]?.summary).toBe('creating Example Image (m-000001): timed out after 50ms (raise timeouts.create to wait longer)');
    expect(fromDv(schema, response.new_state)).toMatchObject({ id: 'm-000001', timeouts: { create: '50ms', update: null, delete: null } });
  });

  it('StopProvider interrupts an in-flight create; the object stays in state', async () => {
    const { cloud, provider } = await setup();
    cloud.hangCreate = true;
    const { config, plan } = await planCreate(provider, { image_name: 'img' });
    const applying = provider.applyResourceChange({ type_name: TYPE, planned_state: plan.planned_state, config: dv(schema, config) }, rpc());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await provider.stopProvider()).toEqual({});
    const response = await applying;
    expect(response.diagnostics?.[0]?.summary).toBe('creating Example Image (m-000001): interrupted: terraform asked the provider to stop');
    expect(fromDv(schema, response.new_state)).toMatchObject({ id: 'm-000001' });
  });

  it('a failed delete keeps the prior state', async () => {
    const { cloud } = await setup();
    const failing: ResourceDefinition<ExampleCloud> = { ...exampleImage, delete: async () => { throw new Error('DeleteImage: ImageInUse'); } };
    const p = new FrameworkProvider({ typeName: 'example', schema: { attributes: {} }, configure: async () => cloud, resources: [failing] });
    await p.configureProvider({}, rpc());
    const prior = configOf(schema, { id: 'm-9', image_name: 'x', architecture: 'x86_64', force: false });
    const response = await p.applyResourceChange({ type_name: TYPE, prior_state: dv(schema, prior), planned_state: dv(schema, null) }, rpc());
    expect(response.diagnostics?.[0]?.summary).toBe('deleting Example Image (m-9): DeleteImage: ImageInUse');
    expect(fromDv(schema, response.new_state)).toEqual(prior);
  });
});

describe('read, import, upgrade', () => {
  it('read of a vanished object returns null (terraform plans a create)', async () => {
    const { provider } = await setup();
    const state = configOf(schema, { id: 'm-404', image_name: 'gone' });
    const response = await provider.readResource({ type_name: TYPE, current_state: dv(schema, state) }, rpc());
    expect(response.diagnostics).toEqual([]);
    expect(fromDv(schema, response.new_state)).toBeNull();
  });

  it('import gives a stub with the id and defaults; read fills it; the plan is then empty', async () => {
    const { cloud, provider } = await setup();
    const { config, plan } = await planCreate(provider, { image_name: 'img', description: 'd' });
    await provider.applyResourceChange({ type_name: TYPE, planned_state: plan.planned_state, config: dv(schema, config) }, rpc());
    const imported = await provider.importResourceState({ type_name: TYPE, id: 'm-000001' }, rpc());
    expect(imported.diagnostics).toEqual([]);
    expect(imported.imported_resources).toHaveLength(1);
    expect(imported.imported_resources?.[0]?.type_name).toBe(TYPE);
    const stub = fromDv(schema, imported.imported_resources?.[0]?.state);
    expect(stub).toEqual(configOf(schema, { id: 'm-000001', architecture: 'x86_64', force: false }));
    const read = await provider.readResource({ type_name: TYPE, current_state: imported.imported_resources?.[0]?.state }, rpc());
    const state = fromDv(schema, read.new_state) as ValueObject;
    expect(state).toMatchObject({ id: 'm-000001', image_name: 'img', description: 'd', status: 'Available', timeouts: null });
    const again = await provider.planResourceChange(
      { type_name: TYPE, prior_state: dv(schema, state), proposed_new_state: dv(schema, proposedNew(schema, state, config)), config: dv(schema, config) },
      rpc(),
    );
    expect(fromDv(schema, again.planned_state)).toEqual(state);
    expect(cloud.objects.size).toBe(1);
  });

  it('import of an empty id is refused', async () => {
    const { provider } = await setup();
    const response = await provider.importResourceState({ type_name: TYPE, id: ' ' }, rpc());
    expect(response.diagnostics?.[0]?.summary).toContain('the import ID must not be empty');
  });

  it('upgrades raw JSON state of an older version through its upgrader and fits the current schema', async () => {
    const { provider } = await setup();
    const upgraded: ResourceDefinition<ExampleCloud> = {
      ...exampleImage,
      upgradeState: { 0: (raw) => ({ ...raw, image_name: raw['old_name'] }) },
    };
    const p = new FrameworkProvider({ typeName: 'example', schema: { attributes: {} }, configure: async () => new ExampleCloud(), resources: [upgraded] });
    const raw = { id: 'm-1', old_name: 'legacy', removed_attr: 1, force: false, disk_device_mapping: [{ size: '40', snapshot_id: 's-1' }], timeouts: null };
    const response = await p.upgradeResourceState({ type_name: TYPE, version: 0, raw_state: { json: Buffer.from(JSON.stringify(raw, null, 2)) } });
    expect(response.diagnostics).toEqual([]);
    expect(fromDv(schema, response.upgraded_state)).toEqual(
      configOf(schema, { id: 'm-1', image_name: 'legacy', force: false, disk_device_mapping: [{ size: 40, snapshot_id: 's-1', progress: null }] }),
    );
    const same = await provider.upgradeResourceState({ type_name: TYPE, version: 1, raw_state: { json: Buffer.from('{"id":"m-2","status":"Available"}') } });
    expect(fromDv(schema, same.upgraded_state)).toEqual(configOf(schema, { id: 'm-2', status: 'Available' }));
    const newer = await provider.upgradeResourceState({ type_name: TYPE, version: 7, raw_state: { json: Buffer.from('{}') } });
    expect(newer.diagnostics?.[0]?.summary).toContain('written by a newer provider');
  });
});

describe('provider RPCs', () => {
  it('GetProviderSchema: capabilities, implicit id and timeouts, defaults as Optional+Computed, O+C blocks as nested blocks (as upstream declares them)', async () => {
    const { provider } = await setup();
    const response = await provider.getProviderSchema();
    expect(response.server_capabilities).toMatchObject({ plan_destroy: true, get_provider_schema_optional: true });
    const block = response.resource_schemas?.['example_image']?.block;
    expect(response.resource_schemas?.['example_image']?.version).toBe(1);
    const attribute = (name: string) => block?.attributes?.find((a) => a.name === name);
    expect(attribute('id')).toMatchObject({ optional: true, computed: true, required: false });
    expect(attribute('architecture')).toMatchObject({ optional: true, computed: true });
    expect(Buffer.from(attribute('architecture')?.type ?? []).toString()).toBe('"string"');
    expect(attribute('name')).toMatchObject({ deprecated: true });
    expect(attribute('status')).toMatchObject({ computed: true, optional: false });
    expect(attribute('disk_device_mapping')).toBeUndefined();
    expect(Buffer.from(attribute('tags')?.type ?? []).toString()).toBe('["map","string"]');
    const nested = (name: string, type: string, flags: object) => expect.objectContaining({ name, type: Buffer.from(JSON.stringify(type)), ...flags });
    expect(block?.block_types).toEqual([
      expect.objectContaining({
        type_name: 'disk_device_mapping',
        nesting: 'LIST',
        min_items: 0,
        max_items: 0,
        block: expect.objectContaining({
          attributes: [
            nested('progress', 'string', { optional: false, computed: true }),
            nested('size', 'number', { optional: true, computed: true }),
            nested('snapshot_id', 'string', { optional: true, computed: true }),
          ],
        }),
      }),
      expect.objectContaining({ type_name: 'features', nesting: 'LIST', max_items: 1 }),
      expect.objectContaining({
        type_name: 'timeouts',
        nesting: 'SINGLE',
        block: expect.objectContaining({ attributes: ['create', 'delete', 'update'].map((name) => expect.objectContaining({ name, optional: true })) }),
      }),
    ]);
    expect(block?.attributes?.map((a) => a.name)).toEqual([...(block?.attributes?.map((a) => a.name) ?? [])].sort());
    expect(response.data_source_schemas?.['example_images']?.block?.attributes?.find((a) => a.name === 'id')).toMatchObject({ computed: true, optional: false });
  });

  it('ReadDataSource echoes the config and fills computed values', async () => {
    const { provider } = await setup();
    const { config, plan } = await planCreate(provider, { image_name: 'web-1' });
    await provider.applyResourceChange({ type_name: TYPE, planned_state: plan.planned_state, config: dv(schema, config) }, rpc());
    const { compileSchema } = await import('../../src/provider/framework/schema.js');
    const ds = compileSchema({ attributes: { name_regex: { type: 'string', optional: true }, ids: { type: ['list', 'string'], computed: true } } }, { kind: 'data-source' });
    const response = await provider.readDataSource({ type_name: 'example_images', config: dv(ds, { id: null, name_regex: '^web', ids: null }) }, rpc());
    expect(response.diagnostics).toEqual([]);
    expect(fromDv(ds, response.state)).toEqual({ id: 'images', name_regex: '^web', ids: ['m-000001'] });
  });

  it('answers unsupported RPCs with diagnostics, not crashes', async () => {
    const { provider } = await setup();
    expect((await provider.moveResourceState({ source_type_name: 'other_image', target_type_name: TYPE })).diagnostics?.[0]).toMatchObject({
      severity: 'ERROR',
      summary: 'Move resource state not supported',
    });
    expect(await provider.getFunctions()).toEqual({ functions: {}, diagnostics: [] });
    expect((await provider.callFunction({ name: 'f' })).error?.text).toContain('declares no function "f"');
    expect((await provider.validateEphemeralResourceConfig({ type_name: 'x' })).diagnostics?.[0]?.summary).toBe('Unsupported ephemeral resource type');
    expect((await provider.getMetadata()).resources).toEqual([{ type_name: TYPE }]);
  });

  it('a configure error is a diagnostic', async () => {
    const p = new FrameworkProvider({
      typeName: 'example',
      schema: { attributes: { region: { type: 'string', optional: true } } },
      configure: async () => {
        throw new Error('no credentials: set ALICLOUD_ACCESS_KEY');
      },
      resources: [],
    });
    const response = await p.configureProvider({}, rpc());
    expect(response.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'no credentials: set ALICLOUD_ACCESS_KEY' })]);
  });

  it('a resource plan with an unknown computed value stays valid before configure (no client needed)', async () => {
    const provider = exampleProvider(new ExampleCloud());
    const { plan } = await planCreate(provider, { image_name: 'x' });
    expect(fromDv(schema, plan.planned_state)?.['id']).toBe(UNKNOWN);
  });

  it('rejects a schema terraform would reject, at construction', () => {
    expect(
      () =>
        new FrameworkProvider({
          typeName: 'example',
          schema: { attributes: {} },
          configure: async () => 0,
          resources: [{ ...exampleImage, schema: { attributes: { Bad: { type: 'string', optional: true } } } } as unknown as ResourceDefinition<number>],
        }),
    ).toThrow('names use lowercase letters');
  });
});

/**
 * The plan engine through PlanResourceChange/ApplyResourceChange, driven like terraform:
 * DynamicValues in msgpack, proposed_new_state from terraform's merge rule, and every plan
 * checked against terraform's validity rules and every apply against the plan.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ManagedResource } from '../../src/provider/framework/managed-resource.js';
import { equalTyped } from '../../src/provider/framework/compare.js';
import { UNKNOWN, isWhollyKnown, type Value, type ValueObject } from '../../src/provider/framework/value.js';
import type { FrameworkProvider } from '../../src/provider/framework/provider.js';
import type { Path } from '../../src/provider/framework/diagnostics.js';
import { ExampleCloud, configOf, dv, exampleImage, exampleProvider, fromDv, planProblems, proposedNew, rpc } from './framework-support.js';

const schema = new ManagedResource(exampleImage).schema;
const TYPE = 'example_image';

interface Plan {
  planned: ValueObject | null;
  replace: (string | number)[][];
  privateBytes: Uint8Array | undefined;
}

class Terraform {
  readonly cloud = new ExampleCloud();
  readonly provider: FrameworkProvider<ExampleCloud> = exampleProvider(this.cloud);
  state: ValueObject | null = null;
  /** `legacy_type_system` of the last ApplyResourceChange response. */
  lastApplyLegacy = false;

  async configure(): Promise<void> {
    await this.provider.configureProvider({ config: { msgpack: Buffer.from([0x81, 0xa6, ...Buffer.from('region'), 0xc0]) } }, rpc());
  }

  async plan(values: Record<string, Value> | null, prior: ValueObject | null = this.state): Promise<Plan> {
    const config = values === null ? null : configOf(schema, values);
    const response = await this.provider.planResourceChange(
      { type_name: TYPE, prior_state: dv(schema, prior), proposed_new_state: dv(schema, proposedNew(schema, prior, config)), config: dv(schema, config) },
      rpc('PlanResourceChange'),
    );
    expect(response.diagnostics?.filter((d) => d.severity === 'ERROR') ?? []).toEqual([]);
    const planned = fromDv(schema, response.planned_state);
    // Terraform's strict rules hold everywhere but in the block count of an Optional+Computed
    // block the config leaves out (the remote side's blocks, or unknown); the flag says so, and only then.
    const tolerated = blocksBeyondConfig(planned, config);
    expect(response.legacy_type_system ?? false).toBe(tolerated.length > 0);
    expect(planProblems(schema, prior, config, withConfigAt(planned, config, tolerated))).toEqual([]);
    const replace = (response.requires_replace ?? []).map((p) => (p.steps ?? []).map((s) => s.attribute_name ?? s.element_key_int ?? s.element_key_string ?? '?'));
    return { planned, replace, privateBytes: response.planned_private };
  }

  /** Plans (again, as terraform's final plan does) and applies; checks the result against the plan. */
  async apply(values: Record<string, Value> | null): Promise<ValueObject | null> {
    const first = await this.plan(values);
    const replacing = first.replace.length > 0 && this.state !== null;
    if (replacing) {
      // terraform: destroy the old object, then plan the create half with a null prior.
      await this.#applyPlanned(null, null);
      this.state = null;
      return this.apply(values);
    }
    const final = await this.plan(values);
    expect(final.planned).toEqual(first.planned);
    return this.#applyPlanned(values, final.planned);
  }

  async #applyPlanned(values: Record<string, Value> | null, planned: ValueObject | null): Promise<ValueObject | null> {
    const config = values === null ? null : configOf(schema, values);
    const response = await this.provider.applyResourceChange(
      { type_name: TYPE, prior_state: dv(schema, this.state), planned_state: dv(schema, planned), config: dv(schema, config) },
      rpc('ApplyResourceChange'),
    );
    expect(response.diagnostics ?? []).toEqual([]);
    const next = fromDv(schema, response.new_state);
    this.lastApplyLegacy = response.legacy_type_system ?? false;
    if (planned !== null) {
      expect(next).not.toBeNull();
      expect(isWhollyKnown(next as ValueObject)).toBe(true);
      const mismatches = knownMismatches(planned, next as ValueObject);
      // The flag is set exactly when the only mismatches are filled computed nulls.
      expect(this.lastApplyLegacy).toBe(mismatches.length > 0);
      for (const name of mismatches) expect(onlyFillsComputedNulls(name, planned[name] ?? null, (next as ValueObject)[name] ?? null), name).toBe(true);
    } else expect(next).toBeNull();
    this.state = next;
    return next;
  }

  async refresh(): Promise<ValueObject | null> {
    const response = await this.provider.readResource({ type_name: TYPE, current_state: dv(schema, this.state) }, rpc('ReadResource'));
    expect(response.diagnostics ?? []).toEqual([]);
    this.state = fromDv(schema, response.new_state);
    return this.state;
  }
}

/** terraform's AssertObjectCompatible in short: known planned values come back unchanged. */
function knownMismatches(planned: ValueObject, actual: ValueObject): string[] {
  return schema.attributes
    .filter((a) => isWhollyKnown(planned[a.name] ?? null) && !equalTyped(a.type, planned[a.name] ?? null, actual[a.name] ?? null))
    .map((a) => a.name);
}

/**
 * terraform tolerates (under legacy_type_system) what the framework sends for a configured
 * Optional+Computed block: every planned non-null nested value repeated, planned nulls of
 * computed nested attributes filled. Re-stated here for the example's list blocks.
 */
function onlyFillsComputedNulls(name: string, planned: Value, actual: Value): boolean {
  const element = schema.attributes.find((a) => a.name === name)?.computedBlock?.element;
  if (element === undefined || !Array.isArray(planned) || !Array.isArray(actual) || planned.length !== actual.length) return false;
  return planned.every((p, i) =>
    element.attributes.every((sub) => {
      const pv = (p as ValueObject)[sub.name] ?? null;
      return (pv === null && sub.computed) || equalTyped(sub.type, pv, (actual[i] as ValueObject)[sub.name] ?? null);
    }),
  );
}

const BASE = { image_name: 'image-a', description: 'first' };

describe('plan engine', () => {
  let tf: Terraform;
  beforeEach(async () => {
    tf = new Terraform();
    await tf.configure();
  });

  it('create: defaults planned, computed values unknown, config echoed', async () => {
    const { planned, replace } = await tf.plan(BASE);
    expect(replace).toEqual([]);
    expect(planned).toMatchObject({
      id: UNKNOWN,
      status: UNKNOWN,
      create_time: UNKNOWN,
      name: UNKNOWN,
      boot_mode: UNKNOWN,
      disk_device_mapping: UNKNOWN,
      features: UNKNOWN,
      architecture: 'x86_64',
      force: false,
      image_name: 'image-a',
      description: 'first',
      instance_id: null,
      tags: null,
      timeouts: null,
    });
  });

  it('a no-op plan after apply equals the prior state, with no unknowns', async () => {
    const state = await tf.apply(BASE);
    expect(state).toMatchObject({ id: 'm-000001', status: 'Available', architecture: 'x86_64', force: false });
    const { planned, replace } = await tf.plan(BASE);
    expect(planned).toEqual(state);
    expect(replace).toEqual([]);
    await tf.refresh();
    expect((await tf.plan(BASE)).planned).toEqual(tf.state);
  });

  it('in-place change: computed values unknown except ForceNew and useStateForUnknown ones', async () => {
    const state = (await tf.apply(BASE)) as ValueObject;
    const { planned, replace } = await tf.plan({ ...BASE, description: 'second' });
    expect(replace).toEqual([]);
    expect(planned).toMatchObject({
      description: 'second',
      status: UNKNOWN,
      name: UNKNOWN,
      boot_mode: UNKNOWN,
      id: state['id'],
      create_time: state['create_time'],
      disk_device_mapping: state['disk_device_mapping'],
      features: state['features'],
      architecture: 'x86_64',
    });
    await tf.apply({ ...BASE, description: 'second' });
    expect(tf.state).toMatchObject({ description: 'second', id: state['id'], status: 'Available' });
    expect((await tf.plan({ ...BASE, description: 'second' })).planned).toEqual(tf.state);
  });

  it('ForceNew change: requires_replace with the path (and id), computed values unknown', async () => {
    await tf.apply(BASE);
    const { planned, replace } = await tf.plan({ ...BASE, architecture: 'arm64' });
    expect(replace).toEqual([['architecture'], ['id']]);
    expect(planned).toMatchObject({ architecture: 'arm64', id: UNKNOWN, create_time: UNKNOWN, disk_device_mapping: UNKNOWN, features: UNKNOWN });
    await tf.apply({ ...BASE, architecture: 'arm64' });
    expect(tf.state).toMatchObject({ id: 'm-000002', architecture: 'arm64' });
    expect(tf.cloud.objects.has('m-000001')).toBe(false);
    expect((await tf.plan({ ...BASE, architecture: 'arm64' })).planned).toEqual(tf.state);
  });

  it('removing a defaulted ForceNew argument plans the default again (SDK Default semantics)', async () => {
    await tf.apply({ ...BASE, architecture: 'arm64' });
    const { planned, replace } = await tf.plan(BASE);
    expect(planned?.['architecture']).toBe('x86_64');
    expect(replace).toContainEqual(['architecture']);
  });

  it('destroy: null planned state, then apply deletes', async () => {
    await tf.apply(BASE);
    const { planned, replace } = await tf.plan(null);
    expect(planned).toBeNull();
    expect(replace).toEqual([]);
    await tf.apply(null);
    expect(tf.cloud.objects.size).toBe(0);
  });

  it('an unknown config value makes the plan an update with unknown computed values', async () => {
    await tf.apply(BASE);
    const { planned } = await tf.plan({ ...BASE, description: UNKNOWN });
    expect(planned).toMatchObject({ description: UNKNOWN, status: UNKNOWN });
  });

  it('a timeouts-only change is planned without unknowns and applied without an API call', async () => {
    const state = (await tf.apply(BASE)) as ValueObject;
    const timeouts = { create: '1h', update: null, delete: null };
    const { planned, replace } = await tf.plan({ ...BASE, timeouts });
    expect(replace).toEqual([]);
    expect(planned).toEqual({ ...state, timeouts });
    tf.cloud.objects.get('m-000001')!['description'] = 'changed remotely';
    await tf.apply({ ...BASE, timeouts });
    expect(tf.state).toEqual({ ...state, timeouts });
  });

  describe('Optional+Computed blocks', () => {
    it('filled by the remote side when not configured, kept on later plans', async () => {
      const state = (await tf.apply(BASE)) as ValueObject;
      expect(state['disk_device_mapping']).toEqual([{ size: 40, snapshot_id: 's-m-000001-0', progress: '100%' }]);
      expect((await tf.plan(BASE)).planned).toEqual(state);
    });

    it('configured on create: unset computed fields known after apply (no legacy_type_system: terraform allows them), then no changes', async () => {
      const withMapping = { ...BASE, disk_device_mapping: [{ size: 50, snapshot_id: null, progress: null }] };
      const { planned } = await tf.plan(withMapping);
      expect(planned?.['disk_device_mapping']).toEqual([{ size: 50, snapshot_id: UNKNOWN, progress: UNKNOWN }]);
      const filled = [{ size: 50, snapshot_id: 's-m-000001-0', progress: '100%' }];
      await tf.apply(withMapping);
      expect(tf.lastApplyLegacy).toBe(false);
      expect(tf.state?.['disk_device_mapping']).toEqual(filled);
      const applied = tf.state;
      expect(await tf.refresh()).toEqual(applied);
      const again = await tf.plan(withMapping);
      expect(again.planned).toEqual(tf.state);
      expect(again.replace).toEqual([]);
    });

    it('no legacy_type_system when the block is not configured or nothing needs filling', async () => {
      await tf.apply(BASE);
      expect(tf.lastApplyLegacy).toBe(false);
      const complete = { ...BASE, disk_device_mapping: [{ size: 40, snapshot_id: 's-m-000001-0', progress: null }] };
      await tf.apply({ ...complete, description: 'second' });
      expect(tf.lastApplyLegacy).toBe(false);
      expect(tf.state?.['disk_device_mapping']).toEqual([{ size: 40, snapshot_id: 's-m-000001-0', progress: '100%' }]);
    });

    it('a remote value differing from a known planned one inside the block is not a fill: the plan wins, no flag', async () => {
      const withMapping = { ...BASE, disk_device_mapping: [{ size: 50, snapshot_id: null, progress: null }] };
      await tf.apply(withMapping);
      const mapping = tf.cloud.objects.get('m-000001')!['disk_device_mapping'] as Record<string, unknown>[];
      mapping[0]!['size'] = 60; // resized remotely; the update below returns it
      await tf.apply({ ...withMapping, description: 'second' });
      expect(tf.lastApplyLegacy).toBe(false);
      expect(tf.state?.['disk_device_mapping']).toEqual([{ size: 50, snapshot_id: 's-m-000001-0', progress: '100%' }]);
      expect(tf.state?.['description']).toBe('second');
    });

    it('a changed ForceNew argument inside the block replaces, naming the element path', async () => {
      await tf.apply(BASE);
      const { replace, planned } = await tf.plan({ ...BASE, disk_device_mapping: [{ size: 80, snapshot_id: null, progress: null }] });
      expect(replace).toEqual([['disk_device_mapping', 0, 'size'], ['id']]);
      expect(planned?.['id']).toBe(UNKNOWN);
    });

    it('a different element count replaces a ForceNew block', async () => {
      await tf.apply(BASE);
      const two = [
        { size: 40, snapshot_id: null, progress: null },
        { size: 20, snapshot_id: null, progress: null },
      ];
      expect((await tf.plan({ ...BASE, disk_device_mapping: two })).replace).toEqual([['disk_device_mapping'], ['id']]);
    });
  });

  it('carries private state from plan to apply to read', async () => {
    const definition = {
      ...exampleImage,
      modifyPlan: async ({ private: p, plan }: { private: import('../../src/provider/framework/private-state.js').PrivateState; plan: ValueObject | null }) => {
        if (plan !== null) p.set('planned_at', 'plan-1');
        return undefined;
      },
    };
    const { FrameworkProvider } = await import('../../src/provider/framework/provider.js');
    const cloud = new ExampleCloud();
    const provider = new FrameworkProvider({ typeName: 'example', schema: { attributes: {} }, configure: async () => cloud, resources: [definition] });
    await provider.configureProvider({}, rpc());
    const config = configOf(schema, BASE);
    const plan = await provider.planResourceChange({ type_name: TYPE, proposed_new_state: dv(schema, proposedNew(schema, null, config)), config: dv(schema, config) }, rpc());
    expect(JSON.parse(Buffer.from(plan.planned_private ?? []).toString())).toEqual({ planned_at: 'plan-1' });
    const applied = await provider.applyResourceChange(
      { type_name: TYPE, planned_state: plan.planned_state, config: dv(schema, config), planned_private: plan.planned_private },
      rpc(),
    );
    expect(Buffer.from(applied.private ?? []).toString()).toBe('{"planned_at":"plan-1"}');
    const read = await provider.readResource({ type_name: TYPE, current_state: applied.new_state, private: applied.private }, rpc());
    expect(Buffer.from(read.private ?? []).toString()).toBe('{"planned_at":"plan-1"}');
  });

  it('a resource modifyPlan asking for replacement on an update re-plans computed values as unknown', async () => {
    const definition = {
      ...exampleImage,
      modifyPlan: async ({ plan, prior }: { plan: ValueObject | null; prior: ValueObject | null }) =>
        plan !== null && prior !== null && plan['description'] !== prior['description'] ? { requiresReplace: [['description']] } : undefined,
    };
    const { FrameworkProvider } = await import('../../src/provider/framework/provider.js');
    const cloud = new ExampleCloud();
    const provider = new FrameworkProvider({ typeName: 'example', schema: { attributes: {} }, configure: async () => cloud, resources: [definition] });
    await provider.configureProvider({}, rpc());
    await tf.apply(BASE);
    const prior = tf.state as ValueObject;
    const config = configOf(schema, { ...BASE, description: 'x' });
    const plan = await provider.planResourceChange(
      { type_name: TYPE, prior_state: dv(schema, prior), proposed_new_state: dv(schema, proposedNew(schema, prior, config)), config: dv(schema, config) },
      rpc(),
    );
    const planned = fromDv(schema, plan.planned_state);
    expect(planned).toMatchObject({ id: UNKNOWN, create_time: UNKNOWN });
    expect(plan.requires_replace?.map((p) => p.steps?.[0]?.attribute_name)).toEqual(['description', 'id']);
  });

  it('a resource modifyPlan withdrawing a replacement plans an in-place update instead', async () => {
    const definition = {
      ...exampleImage,
      modifyPlan: async ({ requiresReplace }: { requiresReplace: readonly Path[] }) =>
        requiresReplace.every((p) => p[0] === 'architecture' || p[0] === 'id') ? { requiresReplace: [] } : undefined,
    };
    const { FrameworkProvider } = await import('../../src/provider/framework/provider.js');
    const cloud = new ExampleCloud();
    const provider = new FrameworkProvider({ typeName: 'example', schema: { attributes: {} }, configure: async () => cloud, resources: [definition] });
    await provider.configureProvider({}, rpc());
    const prior = (await tf.apply(BASE)) as ValueObject;
    const planOf = async (values: Record<string, Value>) => {
      const config = configOf(schema, values);
      const response = await provider.planResourceChange(
        { type_name: TYPE, prior_state: dv(schema, prior), proposed_new_state: dv(schema, proposedNew(schema, prior, config)), config: dv(schema, config) },
        rpc(),
      );
      const planned = fromDv(schema, response.planned_state);
      const tolerated = blocksBeyondConfig(planned, config);
      expect(response.legacy_type_system ?? false).toBe(tolerated.length > 0);
      expect(planProblems(schema, prior, config, withConfigAt(planned, config, tolerated))).toEqual([]);
      return { planned, replace: response.requires_replace ?? [] };
    };

    // Withdrawn: planned as an update — id and the ForceNew / useStateForUnknown values kept.
    const adopted = await planOf({ ...BASE, architecture: 'arm64' });
    expect(adopted.replace).toEqual([]);
    expect(adopted.planned).toMatchObject({
      architecture: 'arm64',
      id: prior['id'],
      create_time: prior['create_time'],
      disk_device_mapping: prior['disk_device_mapping'],
      status: UNKNOWN,
    });

    // Not withdrawn when another ForceNew argument changes too.
    const replaced = await planOf({ ...BASE, architecture: 'arm64', features: [{ nvme_support: 'unsupported' }] });
    expect(replaced.replace.length).toBeGreaterThan(0);
    expect(replaced.planned).toMatchObject({ id: UNKNOWN });
  });
});

/** Top-level Optional+Computed blocks whose planned block count is not the config's (or unknown). */
function blocksBeyondConfig(planned: ValueObject | null, config: ValueObject | null): string[] {
  if (planned === null || config === null) return [];
  return schema.attributes
    .filter((a) => {
      if (a.computedBlock === undefined) return false;
      const p = planned[a.name] ?? null;
      const c = config[a.name] as Value[];
      return !Array.isArray(p) || p.length !== c.length;
    })
    .map((a) => a.name);
}

/** The plan with those blocks as configured, for terraform's strict checks elsewhere. */
function withConfigAt(planned: ValueObject | null, config: ValueObject | null, names: readonly string[]): ValueObject | null {
  if (planned === null || config === null || names.length === 0) return planned;
  const out: Record<string, Value> = { ...planned };
  for (const name of names) {
    // Only blocks the config leaves out may differ in count.
    expect(config[name]).toEqual([]);
    out[name] = [];
  }
  return out;
}
